package org.enis.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.enis.infra.internal.KafkaDataDir;
import org.enis.infra.process.ChildProcess;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker found running on a data directory through its pid file, whoever started it
 * (typically a detached broker of bin/kafka-start.sh). Obtained from
 * {@link KafkaBroker#findRunning(Path)}.
 *
 * @param pid process id of the broker JVM
 * @param dataDir its data directory
 * @param port its client port on 127.0.0.1, or -1 if server.properties does not say
 */
public record RunningKafkaBroker(long pid, Path dataDir, int port) {

    /** The bootstrap servers, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Whether the broker answers a metadata request within the timeout.
     *
     * @param timeout longest wait
     * @return true if it described its cluster
     */
    public boolean isReachable(Duration timeout) {
        if (port <= 0) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "enis-infra-status");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Long.toString(timeout.toMillis()));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                Long.toString(timeout.toMillis()));
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the broker: SIGTERM, then waits for its clean shutdown; kills it only if that takes
     * longer than the timeout. Removes the pid file.
     *
     * @param timeout time the broker gets to shut down cleanly
     * @return true if the broker shut down cleanly (Kafka wrote its clean-shutdown marker)
     */
    public boolean stop(Duration timeout) {
        KafkaDataDir dir = new KafkaDataDir(dataDir);
        boolean exitedInTime = ProcessHandle.of(pid)
                .map(handle -> ChildProcess.terminate(handle, timeout, "Kafka broker"))
                .orElse(true);
        try {
            dir.pidFile().delete();
        } catch (IOException e) {
            // Harmless: the next status or start recognises the pid file as stale.
            LoggerFactory.getLogger(RunningKafkaBroker.class)
                    .warn("Cannot delete {}: {}", dir.pidFile().path(), e.toString());
        }
        return exitedInTime && dir.hasCleanShutdownMarker();
    }
}
