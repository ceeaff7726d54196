package org.enis.pipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.enis.infra.KafkaBroker;
import org.enis.infra.RunningKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker a run publishes to: one given by address, the project's broker already
 * running from its data directory (bin/kafka-start.sh), or that broker started here in the
 * background, where it keeps running after the run so that the topics can be read.
 */
final class KafkaAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccess.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final boolean ownBroker;
    private final KafkaBroker startedBroker;
    private final Admin admin;

    private KafkaAccess(String bootstrapServers, boolean ownBroker, KafkaBroker startedBroker) {
        this.bootstrapServers = bootstrapServers;
        this.ownBroker = ownBroker;
        this.startedBroker = startedBroker;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers));
    }

    /**
     * @param bootstrapServers an external broker, or null for the project's broker
     * @param dataDir the project's broker's data directory
     * @param port client port for a broker started here
     */
    static KafkaAccess open(String bootstrapServers, Path dataDir, int port) {
        if (bootstrapServers != null) {
            return new KafkaAccess(bootstrapServers, false, null);
        }
        Optional<RunningKafkaBroker> running = KafkaBroker.findRunning(dataDir);
        if (running.isPresent()) {
            LOG.info("Using the Kafka broker already running from {} (pid {})", dataDir,
                    running.get().pid());
            return new KafkaAccess(running.get().bootstrapServers(), true, null);
        }
        System.out.println("Starting the Kafka broker (data in " + dataDir + ") ...");
        KafkaBroker broker = KafkaBroker.builder()
                .dataDir(dataDir)
                .port(port)
                .detached(true)
                .build()
                .start();
        return new KafkaAccess(broker.bootstrapServers(), true, broker);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the broker is the project's own, from its data directory. */
    boolean isOwnBroker() {
        return ownBroker;
    }

    /** Creates a topic with one replica unless it exists (then its partitions are kept). */
    void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + " on "
                        + bootstrapServers + ": " + e.getCause(), e.getCause());
            }
            LOG.info("Topic {} exists with {} partitions", topic, partitionCount(topic));
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create"
                    + " topic " + topic + " within " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    private int partitionCount(String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Releases the admin client; a broker started here keeps running (detached). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        if (startedBroker != null) {
            startedBroker.close();
        }
    }
}
