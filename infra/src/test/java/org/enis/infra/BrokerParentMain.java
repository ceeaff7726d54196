package org.enis.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A JVM that owns a broker, for the test that kills it: starts a {@link KafkaBroker} on the data
 * directory given as first argument, writes "pid port" of the broker to the file given as
 * second argument, and sleeps until killed.
 */
public final class BrokerParentMain {

    private BrokerParentMain() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.builder()
                .dataDir(Path.of(args[0]))
                .maxHeap("512m")
                .shutdownTimeout(Duration.ofSeconds(30))
                .build()
                .start();
        Path ready = Path.of(args[1]);
        Path temp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(temp, broker.pid() + " " + broker.port());
        Files.move(temp, ready);
        Thread.sleep(Long.MAX_VALUE);
    }
}
