package org.enis.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of a topic from the beginning, with no consumer group: to the end
 * offsets of the moment it was opened, or, when following, on until closed.
 */
public final class TopicReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    /** Polls without records before a bounded read decides the end is unreachable. */
    private static final int MAX_EMPTY_POLLS = 120;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> ends;
    private final boolean follow;
    private int emptyPolls;

    /**
     * @param follow whether to keep reading past the end offsets of now
     * @throws IllegalArgumentException when the topic does not exist
     */
    public TopicReader(String bootstrapServers, String topic, boolean follow) {
        this.consumer = TopicMarks.consumer(bootstrapServers);
        List<TopicPartition> partitions = TopicMarks.partitions(consumer, topic);
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalArgumentException("topic " + topic + " does not exist on "
                    + bootstrapServers);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.ends = consumer.endOffsets(partitions);
        this.follow = follow;
    }

    /** The next records; empty once a bounded read has reached the end offsets. */
    public Optional<List<ConsumerRecord<byte[], byte[]>>> next() {
        while (true) {
            if (!follow && reachedEnd()) {
                return Optional.empty();
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                emptyPolls = 0;
                List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(records.count());
                records.forEach(list::add);
                return Optional.of(list);
            }
            if (follow) {
                return Optional.of(List.of());
            }
            if (++emptyPolls > MAX_EMPTY_POLLS) {
                throw new IllegalStateException("no records arrive although the end offsets "
                        + ends + " are not reached");
            }
        }
    }

    private boolean reachedEnd() {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
