package org.enis.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.enis.infra.KafkaBroker;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serde against a real Kafka broker, read back with plain KafkaConsumers. */
class KafkaSerdeIT {

    private static final int EVENTS = 5000;
    private static final int EVENTS_PER_BATCH = 50;
    private static final String RUN_ID = "it-run-0001";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.builder().dataDir(dataDir).maxHeap("512m").build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            assertThat(broker.stop()).as("clean broker shutdown").isTrue();
        }
    }

    @Test
    void eventsWrittenThroughTheSerializerReadBackFieldByField() throws Exception {
        broker.createTopic("ccqe-events", 3);
        SplittableRandom random = new SplittableRandom(2026);
        Map<String, CcqeEvent> sent = new LinkedHashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            CcqeEvent event = TestRecords.event(RUN_ID, i / EVENTS_PER_BATCH,
                    i % EVENTS_PER_BATCH, random);
            sent.put(eventId(event), event);
        }

        try (KafkaProducer<String, CcqeEvent> producer = producer(new CcqeEventSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (CcqeEvent event : sent.values()) {
                // Keyed by batch, so that a batch's events land in one partition.
                acks.add(producer.send(new ProducerRecord<>("ccqe-events",
                        event.getRunId() + "/" + event.getBatchNumber(), event)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, CcqeEvent>> received = consume("ccqe-events",
                new CcqeEventDeserializer(), EVENTS);
        assertThat(received).hasSize(EVENTS);
        Map<String, CcqeEvent> byId = new HashMap<>();
        Map<Long, Integer> partitionOfBatch = new HashMap<>();
        for (ConsumerRecord<String, CcqeEvent> record : received) {
            CcqeEvent event = record.value();
            assertThat(byId.put(eventId(event), event)).as("duplicate %s", eventId(event))
                    .isNull();
            assertThat(record.key()).isEqualTo(RUN_ID + "/" + event.getBatchNumber());
            assertThat(partitionOfBatch.computeIfAbsent(event.getBatchNumber(),
                    batch -> record.partition())).isEqualTo(record.partition());
        }
        assertThat(byId.keySet()).isEqualTo(sent.keySet());
        for (Map.Entry<String, CcqeEvent> entry : sent.entrySet()) {
            TestRecords.assertSameFields(entry.getValue(), byId.get(entry.getKey()));
            assertThat(byId.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        assertThat(partitionOfBatch.values()).as("batches spread over the partitions")
                .containsOnly(0, 1, 2).hasSize(EVENTS / EVENTS_PER_BATCH);
    }

    @Test
    void coverageReportsReadBackUnchanged() throws Exception {
        broker.createTopic("ccqe-coverage", 1);
        List<CoverageReport> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(TestRecords.report("report-run-" + i));
        }
        try (KafkaProducer<String, CoverageReport> producer =
                producer(new CoverageReportSerializer())) {
            for (CoverageReport report : sent) {
                producer.send(new ProducerRecord<>("ccqe-coverage", report.getRunId(), report))
                        .get(60, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, CoverageReport>> received = consume("ccqe-coverage",
                new CoverageReportDeserializer(), sent.size());

        assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
    }

    @Test
    void aConsumerSeesEachBadMessageAsTheDocumentedErrorAndCanSkipIt() throws Exception {
        broker.createTopic("poisoned", 1);
        CcqeEvent first = TestRecords.event(RUN_ID, 900, 0, new SplittableRandom(5));
        CcqeEvent last = TestRecords.event(RUN_ID, 900, 1, new SplittableRandom(6));
        CcqeEventSerializer events = new CcqeEventSerializer();
        List<byte[]> values = List.of(events.serialize("poisoned", first),
                "not avro at all".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new CoverageReportSerializer().serialize("poisoned", TestRecords.report("x")),
                events.serialize("poisoned", last));
        try (KafkaProducer<String, byte[]> producer = producer(new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>("poisoned", value)).get(60, TimeUnit.SECONDS);
            }
        }

        List<CcqeEvent> decoded = new ArrayList<>();
        Map<Long, Throwable> failures = new LinkedHashMap<>();
        try (KafkaConsumer<String, CcqeEvent> consumer = consumer(new CcqeEventDeserializer())) {
            consumer.subscribe(List.of("poisoned"));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (decoded.size() + failures.size() < values.size()
                    && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> decoded.add(r.value()));
                } catch (RecordDeserializationException e) {
                    failures.put(e.offset(), e.getCause());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }

        assertThat(decoded).containsExactly(first, last);
        assertThat(failures).containsOnlyKeys(1L, 2L);
        assertThat(failures.get(1L)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("15-byte message of topic poisoned");
        assertThat(failures.get(2L)).isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining(SchemaFingerprints.toHex(
                        SchemaFingerprints.of(CoverageReport.getClassSchema())));
    }

    private static String eventId(CcqeEvent event) {
        return event.getRunId() + "/" + event.getBatchNumber() + "/" + event.getIndexInBatch();
    }

    private static <V> KafkaProducer<String, V> producer(Serializer<V> valueSerializer) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties, new StringSerializer(), valueSerializer);
    }

    private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> valueDeserializer) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + System.nanoTime());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), valueDeserializer);
    }

    private static <V> List<ConsumerRecord<String, V>> consume(String topic,
            Deserializer<V> valueDeserializer, int expected) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = consumer(valueDeserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // Nothing beyond what was written.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
