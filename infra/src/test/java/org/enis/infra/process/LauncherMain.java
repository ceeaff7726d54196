package org.enis.infra.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An intermediate parent for the tests: starts {@link SleeperMain} with {@link ChildJvm},
 * writes the child's pid to a file, then either sleeps (to be killed by the test) or exits.
 *
 * <p>Arguments: mode ({@code sleep}, {@code exit} or {@code exit-detached}), pid file, marker
 * file, child log file, classpath of the child.
 */
public final class LauncherMain {

    private LauncherMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path pidFile = Path.of(args[1]);
        Path marker = Path.of(args[2]);
        Path log = Path.of(args[3]);
        Path childClasspath = Path.of(args[4]);

        ChildProcess child = ChildJvm.builder(SleeperMain.class.getName())
                .classpath(List.of(childClasspath))
                .argument(marker.toString())
                .logFile(log)
                .detached(mode.equals("exit-detached"))
                .shutdownTimeout(Duration.ofSeconds(20))
                .start();
        // Wait for the child's first line, so that its shutdown hook is installed.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LogFiles.tail(log, 5).stream().noneMatch(l -> l.startsWith("sleeper started"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("child did not start");
            }
            Thread.sleep(50);
        }
        new PidFile(pidFile).write(child.pid());
        if (mode.equals("sleep")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(0);
    }
}
