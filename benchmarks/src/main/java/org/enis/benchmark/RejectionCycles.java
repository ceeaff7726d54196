package org.enis.benchmark;

/**
 * Cycle arithmetic of the ENIS paper (arXiv:2402.09155, section IV.B): rejection sampling runs
 * in cycles of a fixed number of proposals, and the number of cycles needed for a number of
 * accepted events at acceptance probability {@code p_accept} is Eq. (11),
 * {@code Cycles = ceil(events / (p_accept * cycleSize))}.
 */
public final class RejectionCycles {

    /** Proposals per cycle in the paper. */
    public static final int PAPER_CYCLE_SIZE = 300_000;
    /** Accepted events of Table I. */
    public static final long PAPER_TABLE1_EVENTS = 1_000_000L;
    /** Accepted events of Table II. */
    public static final long PAPER_TABLE2_EVENTS = 10_000_000L;

    /**
     * Relative slack below an integer quotient, so that a quotient that is an integer in exact
     * arithmetic but comes out a rounding error above it is not rounded up a whole cycle.
     */
    private static final double INTEGER_SLACK = 1e-12;

    private RejectionCycles() {
    }

    /**
     * Eq. (11): cycles of {@code cycleSize} proposals needed for {@code events} accepted events.
     *
     * @param events accepted events wanted, {@code >= 1}
     * @param acceptance acceptance probability of one proposal, in (0, 1]
     * @param cycleSize proposals per cycle, {@code >= 1}
     * @return {@code ceil(events / (acceptance * cycleSize))}
     * @throws IllegalArgumentException if an argument is out of its range
     */
    public static long cycles(long events, double acceptance, int cycleSize) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be >= 1, got " + events);
        }
        if (!(acceptance > 0 && acceptance <= 1)) {
            throw new IllegalArgumentException(
                    "acceptance probability must be in (0, 1], got " + acceptance);
        }
        if (cycleSize < 1) {
            throw new IllegalArgumentException("cycle size must be >= 1, got " + cycleSize);
        }
        double quotient = events / (acceptance * cycleSize);
        return (long) Math.ceil(quotient * (1 - INTEGER_SLACK));
    }

    /**
     * The paper's time for a number of cycles: {@code t_cycle * Cycles}.
     *
     * @param secondsPerCycle mean time of one cycle, seconds, {@code >= 0}
     * @param cycles number of cycles, {@code >= 0}
     * @return seconds
     * @throws IllegalArgumentException if an argument is negative or not finite
     */
    public static double seconds(double secondsPerCycle, long cycles) {
        if (!(secondsPerCycle >= 0) || Double.isInfinite(secondsPerCycle)) {
            throw new IllegalArgumentException(
                    "seconds per cycle must be finite and >= 0, got " + secondsPerCycle);
        }
        if (cycles < 0) {
            throw new IllegalArgumentException("cycles must be >= 0, got " + cycles);
        }
        return secondsPerCycle * cycles;
    }
}
