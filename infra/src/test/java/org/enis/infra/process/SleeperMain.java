package org.enis.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child program for the tests: prints a line, then sleeps until stopped. Its shutdown hook
 * writes "stopped cleanly" to the marker file given as first argument, or, with second argument
 * "ignore-sigterm", blocks forever so that only SIGKILL ends it.
 */
public final class SleeperMain {

    private SleeperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path marker = Path.of(args[0]);
        boolean ignoreSigterm = args.length > 1 && args[1].equals("ignore-sigterm");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ignoreSigterm) {
                sleepForever();
            }
            try {
                Files.writeString(marker, "stopped cleanly");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        System.out.println("sleeper started with " + args.length + " argument(s)");
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
