package org.enis.pipeline;

import java.io.Serializable;

/**
 * How a run is cut into batches: batch {@code b} (0, 1, 2, ...) is one unit of work that
 * publishes exactly {@link #eventQuota(long)} accepted events, drawing as many proposals as the
 * rejection needs. A run of {@code maxEvents} events therefore has
 * {@code ceil(maxEvents / batchSize)} batches, the last one possibly smaller, and publishes
 * exactly {@code maxEvents} events; {@code maxEvents = 0} means batches until the job is
 * stopped.
 *
 * <p>Counting batches in accepted events (not in proposals) is what lets an unbounded, parallel
 * source stop at an exact event count and enforce a rate in events per second without any
 * coordination between workers, and keeps (run id, batch, index) a dense event id.
 */
public final class BatchPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Largest number of events in one batch; a batch's events are held in memory at once. */
    public static final int MAX_BATCH_SIZE = 1_000_000;

    private final long maxEvents;
    private final int batchSize;

    /**
     * @param maxEvents events of the run, {@code >= 0}; 0 means until stopped
     * @param batchSize accepted events per batch, in {@code [1, MAX_BATCH_SIZE]}
     * @throws IllegalArgumentException when a value is out of its range
     */
    public BatchPlan(long maxEvents, int batchSize) {
        if (maxEvents < 0) {
            throw new IllegalArgumentException(
                    "maxEvents must be >= 0 (0 = until stopped), got " + maxEvents);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be in [1, " + MAX_BATCH_SIZE
                    + "] events, got " + batchSize);
        }
        this.maxEvents = maxEvents;
        this.batchSize = batchSize;
    }

    /** Events of the run; 0 when the run goes on until stopped. */
    public long maxEvents() {
        return maxEvents;
    }

    /** Accepted events of a full batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether the run stops by itself after {@link #batchCount()} batches. */
    public boolean isBounded() {
        return maxEvents > 0;
    }

    /** Number of batches of a bounded run; {@link Long#MAX_VALUE} for an unbounded one. */
    public long batchCount() {
        if (!isBounded()) {
            return Long.MAX_VALUE;
        }
        return (maxEvents + batchSize - 1) / batchSize;
    }

    /**
     * The number of events batch {@code batchNumber} publishes: {@link #batchSize()}, except for
     * the last batch of a bounded run, which takes the remainder.
     *
     * @throws IllegalArgumentException when the batch is not part of the run
     */
    public int eventQuota(long batchNumber) {
        if (batchNumber < 0 || batchNumber >= batchCount()) {
            throw new IllegalArgumentException("batch number must be in [0, " + batchCount()
                    + "), got " + batchNumber);
        }
        if (!isBounded()) {
            return batchSize;
        }
        long remaining = maxEvents - batchNumber * (long) batchSize;
        return (int) Math.min(batchSize, remaining);
    }

    @Override
    public String toString() {
        return isBounded()
                ? maxEvents + " events in " + (batchCount() == 1 ? "1 batch"
                        : batchCount() + " batches of " + batchSize)
                : "batches of " + batchSize + " events until stopped";
    }
}
