package org.enis.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The end offsets of the run's topics when it started: what the run published is what lies
 * between these marks and the end offsets after it.
 *
 * @param bootstrapServers the broker
 * @param eventsTopic the events topic
 * @param coverageTopic the coverage topic
 * @param start end offset of every partition of both topics at the start
 */
public record TopicMarks(String bootstrapServers, String eventsTopic, String coverageTopic,
        Map<TopicPartition, Long> start) {

    /** Takes the marks now. */
    public static TopicMarks take(String bootstrapServers, String eventsTopic,
            String coverageTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            partitions.addAll(partitions(consumer, eventsTopic));
            partitions.addAll(partitions(consumer, coverageTopic));
            return new TopicMarks(bootstrapServers, eventsTopic, coverageTopic,
                    new HashMap<>(consumer.endOffsets(partitions)));
        }
    }

    /** The partitions of a topic. */
    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    /** A byte-array consumer that commits nothing. */
    static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
