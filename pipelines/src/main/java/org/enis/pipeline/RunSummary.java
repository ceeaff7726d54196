package org.enis.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.enis.pipeline.avro.ReportFigures;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.kafka.CoverageReportDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run published, read back from Kafka after it ended: the events between the start
 * marks and the end offsets (with the first and last record time, for the rate into Kafka), and
 * the run's coverage reports merged into one.
 *
 * @param config the run
 * @param eventsPublished records the run added to the events topic
 * @param firstEventMillis Kafka timestamp of the earliest of them
 * @param lastEventMillis Kafka timestamp of the latest of them
 * @param reports the run's coverage reports
 * @param total the reports merged; null when there is none
 * @param wall wall-clock time of the Flink job, start-up included
 * @param stoppedEarly whether the run was drained before its last batch
 */
public record RunSummary(GeneratorConfig config, long eventsPublished, long firstEventMillis,
        long lastEventMillis, int reports, CoverageReport total, Duration wall,
        boolean stoppedEarly) {
    private static final Logger LOG = LoggerFactory.getLogger(RunSummary.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** Below this coverage the summary says that the clipped density is far from p. */
    static final double LOW_COVERAGE = 0.99;
    private static final CoverageReportDeserializer REPORTS = new CoverageReportDeserializer();

    /**
     * Reads what the run published since {@code marks}.
     *
     * @param stoppedEarly whether the run was drained (a bounded run then has fewer events)
     */
    public static RunSummary read(GeneratorConfig config, TopicMarks marks, Duration wall,
            boolean stoppedEarly) {
        try (KafkaConsumer<byte[], byte[]> consumer = TopicMarks.consumer(
                marks.bootstrapServers())) {
            List<TopicPartition> eventPartitions = TopicMarks.partitions(consumer,
                    config.eventsTopic());
            Map<TopicPartition, Long> ends = consumer.endOffsets(eventPartitions);
            long published = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (TopicPartition partition : eventPartitions) {
                long from = marks.start().getOrDefault(partition, 0L);
                long to = ends.get(partition);
                if (to > from) {
                    published += to - from;
                    first = Math.min(first, timestampAt(consumer, partition, from));
                    last = Math.max(last, timestampAt(consumer, partition, to - 1));
                }
            }
            List<CoverageReport> reports = readReports(consumer, config, marks);
            CoverageReport total = null;
            for (CoverageReport report : reports) {
                if (total == null) {
                    total = CoverageReport.newBuilder(report).build();
                } else {
                    ReportFigures.merge(total, report);
                }
            }
            return new RunSummary(config, published, first, last, reports.size(), total, wall,
                    stoppedEarly);
        }
    }

    private static long timestampAt(KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                return record.timestamp();
            }
        }
        throw new IllegalStateException("no record at offset " + offset + " of " + partition);
    }

    private static List<CoverageReport> readReports(KafkaConsumer<byte[], byte[]> consumer,
            GeneratorConfig config, TopicMarks marks) {
        List<TopicPartition> partitions = TopicMarks.partitions(consumer,
                config.coverageTopic());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        long remaining = 0;
        for (TopicPartition partition : partitions) {
            long from = marks.start().getOrDefault(partition, 0L);
            consumer.seek(partition, from);
            remaining += ends.get(partition) - from;
        }
        List<CoverageReport> reports = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (remaining > 0 && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(),
                        record.partition()))) {
                    continue;
                }
                remaining--;
                try {
                    CoverageReport report = REPORTS.decode(record.value());
                    if (report.getRunId().equals(config.runId())) {
                        reports.add(report);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Skipping an undecodable record at offset {} of {}: {}",
                            record.offset(), record.topic(), e.toString());
                }
            }
        }
        return reports;
    }

    /** Events the coverage reports account for. */
    public long eventsReported() {
        return total == null ? 0 : total.getAccepted();
    }

    /**
     * Whether Kafka holds exactly what the reports account for, and, for a run that was not
     * stopped early, exactly {@code maxEvents}.
     */
    public boolean isConsistent() {
        boolean complete = stoppedEarly || !config.plan().isBounded()
                || eventsPublished == config.plan().maxEvents();
        return complete && eventsPublished == eventsReported();
    }

    /** Events per second into Kafka, from the first to the last event's timestamp. */
    public double eventsPerSecond() {
        if (eventsPublished < 2 || lastEventMillis <= firstEventMillis) {
            return Double.NaN;
        }
        return eventsPublished / ((lastEventMillis - firstEventMillis) / 1000.0);
    }

    /**
     * The summary for a person.
     *
     * @param kafkaDataDir the project broker's data directory, or null for an external broker
     */
    public String format(Path kafkaDataDir) {
        StringBuilder s = new StringBuilder();
        String bootstrap = config.bootstrapServers();
        s.append(String.format(Locale.ROOT, "Run %s finished in %.1f s%n", config.runId(),
                wall.toMillis() / 1000.0));
        s.append(String.format(Locale.ROOT, "  events published   %,d to %s%n",
                eventsPublished, config.eventsTopic()));
        s.append(String.format(Locale.ROOT, "  events per second  %,.0f into Kafka (first to"
                + " last event), %,.0f over the whole job%n", eventsPerSecond(),
                eventsPublished / Math.max(1e-3, wall.toMillis() / 1000.0)));
        if (total != null) {
            s.append(String.format(Locale.ROOT, "  proposals          %,d (zero weight %,d,"
                    + " above w_Q %,d, invalid %,d)%n", total.getProposals(),
                    total.getZeroWeight(), total.getAboveThreshold(),
                    total.getInvalidWeights()));
            s.append(String.format(Locale.ROOT, "  acceptance         %.4f observed (%.4f"
                    + " expected from the weights)%n",
                    (double) total.getAccepted() / total.getProposals(), total.getAcceptance()));
            s.append(String.format(Locale.ROOT, "  coverage           %.5f at quantile %s,"
                    + " w_Q = %.6g%s%n", total.getCoverage(), config.quantile(),
                    config.thresholdWeight(), config.exact()
                            ? " (exact mode: the weighted events cover all of p)" : ""));
            if (!config.exact() && total.getCoverage() < LOW_COVERAGE) {
                s.append(String.format(Locale.ROOT, "  NOTE: the events follow min(p, w_Q q),"
                        + " which keeps only %.2f %% of p: raise --quantile or use --exact%n",
                        100 * total.getCoverage()));
            }
            s.append(String.format(Locale.ROOT, "  ESS / N            %.4f%n",
                    total.getEffectiveSampleSizeRatio()));
            s.append(String.format(Locale.ROOT, "  integral of p      %.5g +- %.2g (1e-38 cm^2"
                    + " GeV per nucleon)%n", total.getIntegral(), total.getIntegralError()));
        }
        s.append(String.format(Locale.ROOT, "  coverage reports   %d to %s (%,d events"
                + " accounted for)%n", reports, config.coverageTopic(), eventsReported()));
        if (!isConsistent()) {
            s.append(String.format(Locale.ROOT, "  WARNING: Kafka holds %,d events of this run,"
                    + " the reports account for %,d%s (another producer on the topic?)%n",
                    eventsPublished, eventsReported(), config.plan().isBounded()
                            ? ", the run asked for " + config.plan().maxEvents() : ""));
        }
        if (stoppedEarly) {
            s.append("  (stopped early and drained: every batch started was completed)\n");
        }
        s.append(String.format("%nRead the events:%n"));
        s.append(String.format("  bin/consume --bootstrapServers %s --runId %s%n", bootstrap,
                config.runId()));
        s.append(String.format("  bin/consume --csv events.csv     (all events to CSV)%n"));
        s.append(String.format("  kcat -b %s -t %s -C -e -f '%%k %%S bytes\\n'   (see"
                + " docs/pipelines.md)%n", bootstrap, config.eventsTopic()));
        if (kafkaDataDir != null) {
            s.append(String.format("The Kafka broker keeps running (data in %s); stop it with"
                    + " bin/kafka-stop.sh%n", kafkaDataDir));
        }
        return s.toString();
    }
}
