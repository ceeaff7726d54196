package org.enis.pipeline.transforms;

import java.util.Map;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes encoded records to a Kafka topic, keyed by a string; Kafka's default partitioner
 * sends equal keys to one partition. The producer batches and compresses for throughput and
 * waits for every acknowledgement before a bundle completes, so a finished or drained job has
 * every record on the broker.
 */
public final class PublishToKafka extends PTransform<PCollection<KV<String, byte[]>>, PDone> {
    private static final long serialVersionUID = 1L;

    /** Producer settings tuned for many small records from few threads. */
    static final Map<String, Object> PRODUCER_SETTINGS = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
            ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);

    private final String bootstrapServers;
    private final String topic;

    public PublishToKafka(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public PDone expand(PCollection<KV<String, byte[]>> records) {
        return records.apply("WriteToKafka", KafkaIO.<String, byte[]>write()
                .withBootstrapServers(bootstrapServers)
                .withTopic(topic)
                .withKeySerializer(StringSerializer.class)
                .withValueSerializer(ByteArraySerializer.class)
                .withProducerConfigUpdates(PRODUCER_SETTINGS));
    }
}
