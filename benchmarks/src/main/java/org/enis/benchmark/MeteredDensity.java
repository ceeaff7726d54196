package org.enis.benchmark;

import org.enis.physics.TargetDensity;

/**
 * A target density whose batch evaluation is repeated {@code repeats} times and timed: the
 * paper's Appendix A thought experiment of a model that costs 1, 10, 100 or 1000 times more
 * (Table II), and the density's own share of a rejection cycle. Every repeat computes the same
 * values into the output array, so the result is the base density's.
 *
 * <p>The timer is not thread-safe: use an instance from one thread.
 */
public final class MeteredDensity implements TargetDensity {
    /** Largest repeat factor accepted. */
    public static final int MAX_REPEATS = 1_000_000;

    private final TargetDensity base;
    private final int repeats;
    private long nanos;

    /**
     * @param base the target density
     * @param repeats evaluations per batch call, in [1, {@value #MAX_REPEATS}]
     * @throws IllegalArgumentException if repeats is out of range
     */
    public MeteredDensity(TargetDensity base, int repeats) {
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("density cost factor must be in [1, "
                    + MAX_REPEATS + "], got " + repeats);
        }
        this.base = base;
        this.repeats = repeats;
    }

    @Override
    public double density(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV) {
        return base.density(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
    }

    @Override
    public void density(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad, double[] pNGeV,
            double[] out, int from, int to) {
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            base.density(eNuGeV, pMuGeV, thetaMuRad, pNGeV, out, from, to);
        }
        nanos += System.nanoTime() - start;
    }

    /** @return evaluations per batch call */
    public int repeats() {
        return repeats;
    }

    /** @return time spent in batch calls since the last {@link #resetTimer()}, ns */
    public long nanos() {
        return nanos;
    }

    /** Sets the timer to 0. */
    public void resetTimer() {
        nanos = 0;
    }
}
