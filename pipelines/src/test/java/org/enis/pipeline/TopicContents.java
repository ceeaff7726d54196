package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.enis.physics.PhaseSpaceBox;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.kafka.CcqeEventDeserializer;

/** What a topic holds, read as a downstream user would: a plain Kafka consumer, raw bytes. */
final class TopicContents {

    private TopicContents() {
    }

    /** Every record of every partition of {@code topic}, up to its end offsets now. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long expected = ends.values().stream().mapToLong(Long::longValue).sum();
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Every event of {@code topic}, decoded; asserts that each event id is unique and that
     * each event lies in {@code box}.
     */
    static List<CcqeEvent> checkedEvents(String bootstrapServers, String topic,
            PhaseSpaceBox box) {
        CcqeEventDeserializer deserializer = new CcqeEventDeserializer();
        Set<String> ids = new HashSet<>();
        List<CcqeEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(bootstrapServers, topic)) {
            CcqeEvent event = deserializer.decode(record.value());
            assertThat(ids.add(event.getBatchNumber() + "/" + event.getIndexInBatch()))
                    .as("event id %s/%s is unique", event.getBatchNumber(),
                            event.getIndexInBatch()).isTrue();
            assertThat(box.contains(event.getNeutrinoEnergyGeV(), event.getMuonMomentumGeV(),
                    event.getMuonAngleRad(), event.getNucleonFermiMomentumGeV())).isTrue();
            events.add(event);
        }
        return events;
    }

    /** The number of records {@code topic} holds: the sum of its partitions' end offsets. */
    static long endOffsetSum(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            return consumer.endOffsets(partitions(consumer, topic)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }
}
