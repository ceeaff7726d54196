package org.enis.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.enis.infra.process.LogFiles;
import org.enis.infra.process.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Starts real Kafka brokers from the Maven-resolved jars. */
class KafkaBrokerIT {

    private static final String TOPIC = "ccqe-events";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    private KafkaBroker.Builder broker() {
        return KafkaBroker.builder().dataDir(dir.resolve("kafka")).maxHeap("512m");
    }

    @Test
    void createsTopicsAndKeepsAcknowledgedRecordsAcrossARestart() throws Exception {
        String clusterId;
        try (KafkaBroker first = broker().build().start()) {
            assertThat(first.isRunning()).isTrue();
            assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + first.port());
            first.createTopic(TOPIC, PARTITIONS);
            first.createTopic(TOPIC, PARTITIONS);
            assertThatThrownBy(() -> first.createTopic(TOPIC, PARTITIONS + 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exists with 3 partition(s)");
            assertThatThrownBy(() -> broker().build().start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running on data directory");
            assertThatThrownBy(() -> first.createTopic("bad-config", 1,
                    Map.of("retention.ms", "not-a-number")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("retention.ms");
            first.createTopic("short-lived", 2, Map.of("retention.ms", "60000"));

            produce(first.bootstrapServers(), RECORDS);
            clusterId = first.clusterId();
            int port = first.port();
            assertThat(first.stop()).as("clean shutdown").isTrue();
            assertThat(first.isRunning()).isFalse();
            assertThat(Ports.isListening(port, 200)).isFalse();
        }

        try (KafkaBroker second = broker().build().start()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            second.createTopic(TOPIC, PARTITIONS);
            List<ConsumerRecord<String, String>> records =
                    consumeAll(second.bootstrapServers(), RECORDS);
            assertThat(records).hasSize(RECORDS);
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrderElementsOf(expectedValues(RECORDS));
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
        }
        assertThat(dir.resolve("kafka/broker.pid")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("kafka/broker.log")))
                .as("both runs logged to the data directory's log")
                .filteredOn(line -> line.contains("Kafka Server started")).hasSize(2);
    }

    @Test
    void brokerShutsDownCleanlyWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path ready = dir.resolve("ready");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), BrokerParentMain.class.getName(),
                dir.resolve("kafka").toString(), ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("parent.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!Files.exists(ready)) {
                assertThat(parent.isAlive()).as("parent alive; its log: %s",
                        LogFiles.tail(dir.resolve("parent.log"), 30)).isTrue();
                assertThat(System.nanoTime()).as("broker ready in time").isLessThan(deadline);
                Thread.sleep(100);
            }
            long brokerPid = Long.parseLong(Files.readString(ready).split(" ")[0]);
            ProcessHandle brokerProcess = ProcessHandle.of(brokerPid).orElseThrow();

            parent.destroyForcibly();

            brokerProcess.onExit().get(60, TimeUnit.SECONDS);
            assertThat(dir.resolve("kafka/kraft-logs/.kafka_cleanshutdown"))
                    .as("Kafka's controlled shutdown ran").exists();
            assertThat(LogFiles.tail(dir.resolve("kafka/broker.log"), 400))
                    .anyMatch(line -> line.contains("parent process")
                            && line.contains("exited"));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void commandLineStartsADetachedBrokerReportsItAndStopsIt() throws Exception {
        String dataDir = dir.resolve("kafka").toString();
        try {
            assertThat(run("start", "--detach", "-d", dataDir, "-p", "0",
                    "--controller-port", "0", "--max-heap", "512m")).isZero();
            RunningKafkaBroker running = KafkaBroker.findRunning(Path.of(dataDir)).orElseThrow();
            assertThat(running.isReachable(Duration.ofSeconds(10))).isTrue();

            assertThat(run("status", "-d", dataDir)).isZero();
            assertThat(run("start", "--detach", "-d", dataDir)).as("already running").isZero();
            assertThat(run("stop", "-d", dataDir)).isZero();
            assertThat(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(run("status", "-d", dataDir))
                    .isEqualTo(KafkaBrokerCommand.EXIT_NOT_RUNNING);
        } finally {
            KafkaBroker.findRunning(Path.of(dataDir))
                    .ifPresent(broker -> broker.stop(Duration.ofSeconds(30)));
        }
    }

    private static int run(String... args) {
        CommandLine commandLine = KafkaBrokerCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    private static List<String> expectedValues(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("event-" + i);
        }
        return values;
    }

    private static void produce(String bootstrapServers, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties,
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            List<String> values = expectedValues(count);
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS,
                        "key-" + i, values.get(i))));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrapServers,
            int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties,
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // One more poll: nothing beyond what was produced.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
