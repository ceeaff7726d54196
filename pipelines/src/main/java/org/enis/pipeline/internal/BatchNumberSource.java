package org.enis.pipeline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.enis.pipeline.BatchPlan;
import org.joda.time.Instant;

/**
 * An unbounded source of batch numbers. Split {@code i} of {@code k} emits the batch numbers
 * {@code i, i + k, i + 2k, ...}, each stamped with the wall-clock time at which it was emitted,
 * optionally paced to a rate in events per second.
 *
 * <p>A bounded {@link BatchPlan} ends the source the way a stream should end: after its last
 * batch a split advances its watermark to the end of time, so that every window downstream
 * fires and the runner finishes the job with every record flushed. An unbounded plan runs until
 * the job is drained (Flink stop with drain), which ends it the same way.
 */
public final class BatchNumberSource extends UnboundedSource<Long, BatchNumberSource.Checkpoint> {
    private static final long serialVersionUID = 1L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final BatchPlan plan;
    private final double eventsPerSecond;
    private final int splitIndex;
    private final int splitCount;

    /**
     * @param plan the batches of the run
     * @param eventsPerSecond rate limit of the whole source in events per second, 0 for none
     */
    public BatchNumberSource(BatchPlan plan, double eventsPerSecond) {
        this(plan, eventsPerSecond, 0, 1);
    }

    private BatchNumberSource(BatchPlan plan, double eventsPerSecond, int splitIndex,
            int splitCount) {
        if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a finite number >= 0 events/s (0 = unlimited), got "
                            + eventsPerSecond);
        }
        this.plan = plan;
        this.eventsPerSecond = eventsPerSecond;
        this.splitIndex = splitIndex;
        this.splitCount = splitCount;
    }

    /** Index of this split among {@link #splitCount()}. */
    public int splitIndex() {
        return splitIndex;
    }

    /** Number of splits the batch numbers are dealt over. */
    public int splitCount() {
        return splitCount;
    }

    @Override
    public List<BatchNumberSource> split(int desiredNumSplits, PipelineOptions options) {
        int count = Math.max(1, desiredNumSplits);
        if (plan.isBounded()) {
            count = (int) Math.min(count, plan.batchCount());
        }
        List<BatchNumberSource> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(new BatchNumberSource(plan, eventsPerSecond, i, count));
        }
        return splits;
    }

    @Override
    public UnboundedReader<Long> createReader(PipelineOptions options, Checkpoint checkpoint) {
        long first = checkpoint == null ? splitIndex : checkpoint.nextBatchNumber();
        return new Reader(this, first);
    }

    @Override
    public Coder<Checkpoint> getCheckpointMarkCoder() {
        return CheckpointCoder.INSTANCE;
    }

    @Override
    public Coder<Long> getOutputCoder() {
        return VarLongCoder.of();
    }

    /** The next batch number a split will emit: all a restarted reader needs. */
    public static final class Checkpoint implements UnboundedSource.CheckpointMark {
        private final long nextBatchNumber;

        Checkpoint(long nextBatchNumber) {
            this.nextBatchNumber = nextBatchNumber;
        }

        long nextBatchNumber() {
            return nextBatchNumber;
        }

        @Override
        public void finalizeCheckpoint() {
            // Batch numbers are regenerated from the number alone: nothing to acknowledge.
        }
    }

    private static final class CheckpointCoder extends AtomicCoder<Checkpoint> {
        private static final long serialVersionUID = 1L;
        static final CheckpointCoder INSTANCE = new CheckpointCoder();

        @Override
        public void encode(Checkpoint value, OutputStream out) throws IOException {
            VarLongCoder.of().encode(value.nextBatchNumber(), out);
        }

        @Override
        public Checkpoint decode(InputStream in) throws IOException {
            return new Checkpoint(VarLongCoder.of().decode(in));
        }
    }

    private static final class Reader extends UnboundedReader<Long> {
        private final BatchNumberSource source;
        private final long batchCount;
        private final long intervalNanos;
        private long nextBatchNumber;
        private long nextEmitNanos;
        private long currentBatchNumber = -1;
        private Instant currentTimestamp;
        private long lastClockMillis = Long.MIN_VALUE;

        Reader(BatchNumberSource source, long firstBatchNumber) {
            this.source = source;
            this.batchCount = source.plan.batchCount();
            this.nextBatchNumber = firstBatchNumber;
            double batchesPerSecond = source.eventsPerSecond / source.plan.batchSize()
                    / source.splitCount;
            this.intervalNanos = batchesPerSecond > 0
                    ? (long) Math.ceil(NANOS_PER_SECOND / batchesPerSecond) : 0L;
            this.nextEmitNanos = System.nanoTime();
        }

        @Override
        public boolean start() {
            return advance();
        }

        @Override
        public boolean advance() {
            if (isDone()) {
                return false;
            }
            long now = System.nanoTime();
            if (intervalNanos > 0) {
                if (now - nextEmitNanos < 0) {
                    return false;
                }
                // At most one interval of catch-up after a stall, never a long burst.
                nextEmitNanos = Math.max(nextEmitNanos, now - intervalNanos) + intervalNanos;
            }
            currentBatchNumber = nextBatchNumber;
            currentTimestamp = new Instant(monotonicClockMillis());
            nextBatchNumber += source.splitCount;
            return true;
        }

        private boolean isDone() {
            return nextBatchNumber >= batchCount;
        }

        private long monotonicClockMillis() {
            lastClockMillis = Math.max(lastClockMillis, System.currentTimeMillis());
            return lastClockMillis;
        }

        @Override
        public Long getCurrent() {
            if (currentBatchNumber < 0) {
                throw new NoSuchElementException("no batch number emitted yet");
            }
            return currentBatchNumber;
        }

        @Override
        public Instant getCurrentTimestamp() {
            if (currentTimestamp == null) {
                throw new NoSuchElementException("no batch number emitted yet");
            }
            return currentTimestamp;
        }

        @Override
        public Instant getWatermark() {
            if (isDone()) {
                return BoundedWindow.TIMESTAMP_MAX_VALUE;
            }
            // Every batch number emitted from now on is stamped with a later clock reading.
            return new Instant(monotonicClockMillis());
        }

        @Override
        public Checkpoint getCheckpointMark() {
            return new Checkpoint(nextBatchNumber);
        }

        @Override
        public BatchNumberSource getCurrentSource() {
            return source;
        }

        @Override
        public void close() {
            // Nothing is held open.
        }
    }
}
