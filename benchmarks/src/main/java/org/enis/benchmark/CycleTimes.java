package org.enis.benchmark;

import java.util.Locale;

/**
 * Where the time of rejection cycles went: drawing the proposals with their log q, evaluating
 * the target density p, forming the weights {@code w = p / q}, and the accept step. Sums over
 * cycles, so that a mean per cycle and a cost per proposal follow (the figures of the paper's
 * Appendix A). Not thread-safe.
 */
public final class CycleTimes {

    /** A part of a rejection cycle. */
    public enum Component {
        /** Drawing proposals from q with their log q. */
        SAMPLE,
        /** Evaluating the target density p (all its repeats when its cost is multiplied). */
        DENSITY,
        /** Forming {@code w = p exp(-log q)} and checking it. */
        WEIGHT,
        /** Uniform draws and accept decisions against the threshold weight. */
        ACCEPT
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private long cycles;
    private long proposals;
    private final long[] nanos = new long[Component.values().length];

    /**
     * Adds one cycle.
     *
     * @param cycleProposals proposals drawn in the cycle, {@code >= 1}
     * @param sampleNanos time drawing them, ns
     * @param densityNanos time evaluating p, ns
     * @param weightNanos time forming the weights, ns
     * @param acceptNanos time of the accept step, ns
     * @throws IllegalArgumentException if the count is below 1 or a time is negative
     */
    public void addCycle(int cycleProposals, long sampleNanos, long densityNanos,
            long weightNanos, long acceptNanos) {
        if (cycleProposals < 1) {
            throw new IllegalArgumentException(
                    "a cycle has at least 1 proposal, got " + cycleProposals);
        }
        long[] parts = {sampleNanos, densityNanos, weightNanos, acceptNanos};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] < 0) {
                throw new IllegalArgumentException(Component.values()[i]
                        + " time must be >= 0 ns, got " + parts[i]);
            }
        }
        cycles++;
        proposals += cycleProposals;
        for (int i = 0; i < parts.length; i++) {
            nanos[i] += parts[i];
        }
    }

    /** @return cycles added */
    public long cycles() {
        return cycles;
    }

    /** @return proposals of all cycles */
    public long proposals() {
        return proposals;
    }

    /**
     * @param component a part of the cycle
     * @return its total time over all cycles, ns
     */
    public long nanos(Component component) {
        return nanos[component.ordinal()];
    }

    /** @return total time of all cycles, ns */
    public long totalNanos() {
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        return total;
    }

    /**
     * @param component a part of the cycle
     * @return its mean time per proposal, ns; NaN when no cycle was added
     */
    public double nanosPerProposal(Component component) {
        return proposals == 0 ? Double.NaN : (double) nanos(component) / proposals;
    }

    /**
     * @param component a part of the cycle
     * @param cycleSize proposals per cycle
     * @return its mean time for {@code cycleSize} proposals, seconds; NaN when empty
     */
    public double secondsPerCycle(Component component, int cycleSize) {
        return nanosPerProposal(component) * cycleSize / NANOS_PER_SECOND;
    }

    /** @return mean time of a whole cycle, seconds; NaN when empty */
    public double secondsPerCycle() {
        return cycles == 0 ? Double.NaN : totalNanos() / (cycles * NANOS_PER_SECOND);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d cycles, %d proposals: sample %.1f ns, density %.1f"
                + " ns, weight %.1f ns, accept %.1f ns per proposal", cycles, proposals,
                nanosPerProposal(Component.SAMPLE), nanosPerProposal(Component.DENSITY),
                nanosPerProposal(Component.WEIGHT), nanosPerProposal(Component.ACCEPT));
    }
}
