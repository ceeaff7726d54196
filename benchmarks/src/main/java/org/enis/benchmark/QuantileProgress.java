package org.enis.benchmark;

/**
 * Progress of rejection sampling at one threshold weight towards a number of accepted events:
 * counts, cycles and the time those cycles took. A cycle counts whole, as in the paper's
 * {@code t_cycle * Cycles}, even when its last proposals were not needed. Not thread-safe.
 */
public final class QuantileProgress {
    private final double quantile;
    private final double thresholdWeight;
    private final long targetEvents;
    private long accepted;
    private long proposals;
    private long invalidWeights;
    private long cycles;
    private long nanos;

    /**
     * @param quantile Q the threshold weight was chosen at
     * @param thresholdWeight {@code w_Q >= 0}; 0 marks a quantile with no usable threshold
     * @param targetEvents accepted events wanted, {@code >= 1}
     * @throws IllegalArgumentException if the threshold is negative or NaN or the target below 1
     */
    public QuantileProgress(double quantile, double thresholdWeight, long targetEvents) {
        if (!(thresholdWeight >= 0) || Double.isInfinite(thresholdWeight)) {
            throw new IllegalArgumentException(
                    "threshold weight must be finite and >= 0, got " + thresholdWeight);
        }
        if (targetEvents < 1) {
            throw new IllegalArgumentException(
                    "target events must be >= 1, got " + targetEvents);
        }
        this.quantile = quantile;
        this.thresholdWeight = thresholdWeight;
        this.targetEvents = targetEvents;
    }

    /**
     * Adds one cycle's outcome.
     *
     * @param cycleNanos time of the cycle for this quantile (sampling, evaluation and its own
     *     accept step), ns
     * @param cycleAccepted events accepted in the cycle
     * @param cycleProposals proposals examined in the cycle
     * @param cycleInvalid proposals without a valid weight among them
     * @throws IllegalStateException if the target is already reached or the threshold unusable
     */
    public void addCycle(long cycleNanos, long cycleAccepted, long cycleProposals,
            long cycleInvalid) {
        if (!isUsable()) {
            throw new IllegalStateException("quantile " + quantile + " has no usable threshold");
        }
        if (isReached()) {
            throw new IllegalStateException("quantile " + quantile + " already reached "
                    + targetEvents + " events");
        }
        if (cycleNanos < 0 || cycleAccepted < 0 || cycleProposals < cycleAccepted
                || cycleInvalid < 0 || cycleInvalid > cycleProposals) {
            throw new IllegalArgumentException("inconsistent cycle: " + cycleNanos + " ns, "
                    + cycleAccepted + " accepted of " + cycleProposals + " proposals, "
                    + cycleInvalid + " invalid");
        }
        cycles++;
        nanos += cycleNanos;
        accepted += cycleAccepted;
        proposals += cycleProposals;
        invalidWeights += cycleInvalid;
    }

    /** @return whether the threshold weight is positive, so that rejection can accept */
    public boolean isUsable() {
        return thresholdWeight > 0;
    }

    /** @return whether the accepted events reached the target */
    public boolean isReached() {
        return accepted >= targetEvents;
    }

    /** @return the events still missing, 0 once reached */
    public long remaining() {
        return Math.max(0, targetEvents - accepted);
    }

    public double quantile() {
        return quantile;
    }

    public double thresholdWeight() {
        return thresholdWeight;
    }

    public long targetEvents() {
        return targetEvents;
    }

    public long accepted() {
        return accepted;
    }

    /** @return proposals examined up to the last accepted event (or the cap) */
    public long proposals() {
        return proposals;
    }

    public long invalidWeights() {
        return invalidWeights;
    }

    public long cycles() {
        return cycles;
    }

    /** @return time of the cycles added, ns */
    public long nanos() {
        return nanos;
    }

    /** @return observed acceptance, accepted over examined proposals; NaN when none */
    public double observedAcceptance() {
        return proposals == 0 ? Double.NaN : (double) accepted / proposals;
    }

    /**
     * The time to the target: measured when reached, else extrapolated from the mean measured
     * time per cycle to the cycles of Eq. (11).
     *
     * @param eq11Cycles cycles Eq. (11) gives for the target at the calibrated acceptance
     * @return the time and how it was obtained
     */
    public TimeToEvents timeToTarget(long eq11Cycles) {
        if (!isUsable()) {
            return new TimeToEvents(0, Double.NaN, Double.NaN, TimeBasis.NOT_APPLICABLE);
        }
        double measured = nanos / 1e9;
        if (isReached()) {
            return new TimeToEvents(cycles, measured, measured / cycles, TimeBasis.MEASURED);
        }
        if (cycles == 0) {
            throw new IllegalStateException("quantile " + quantile
                    + " ran no cycle: nothing to extrapolate from");
        }
        double perCycle = measured / cycles;
        return new TimeToEvents(cycles, RejectionCycles.seconds(perCycle, eq11Cycles), perCycle,
                TimeBasis.EXTRAPOLATED);
    }
}
