package org.enis.pipeline.sampling;

import java.io.Serializable;

/**
 * Rejection sampling with the relaxed constant {@code k_Q = 1 / w_Q} of the ENIS paper
 * (arXiv:2402.09155, Eq. 8): a proposal of weight {@code w = p / q} is accepted with
 * probability {@code min(w / w_Q, 1)}, where {@code w_Q} is the Q-quantile of the weights.
 *
 * <p>Plain mode publishes unweighted events (weight 1) distributed as the clipped density
 * {@code min(p, w_Q q)}: the share of p that clipping keeps is the coverage (Eq. 9). Exact mode
 * keeps coverage 1: a proposal above the threshold is still always accepted, but carries the
 * event weight {@code w / w_Q > 1}, so that the weighted sample follows p itself.
 */
public final class QuantileRejection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double thresholdWeight;
    private final boolean exact;

    /**
     * @param thresholdWeight the threshold weight {@code w_Q}, finite and {@code > 0}
     * @param exact whether events above the threshold keep the weight {@code w / w_Q}
     * @throws IllegalArgumentException when the threshold weight is not finite and positive
     */
    public QuantileRejection(double thresholdWeight, boolean exact) {
        if (!(thresholdWeight > 0) || Double.isInfinite(thresholdWeight)) {
            throw new IllegalArgumentException(
                    "threshold weight w_Q must be finite and > 0, got " + thresholdWeight);
        }
        this.thresholdWeight = thresholdWeight;
        this.exact = exact;
    }

    /** The threshold weight {@code w_Q}. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** Whether events above the threshold are published with weight {@code w / w_Q}. */
    public boolean isExact() {
        return exact;
    }

    /** The probability {@code min(w / w_Q, 1)} of accepting a proposal of weight w >= 0. */
    public double acceptanceProbability(double weight) {
        return Math.min(weight / thresholdWeight, 1.0);
    }

    /**
     * Whether a proposal of weight {@code weight} is accepted, given a uniform draw
     * {@code u} in [0, 1): {@code u w_Q < w}. A zero weight is never accepted, a weight at or
     * above the threshold always is.
     */
    public boolean accepts(double weight, double uniform) {
        return uniform * thresholdWeight < weight;
    }

    /** Whether a weight lies above the threshold, i.e. is clipped in plain mode. */
    public boolean isAboveThreshold(double weight) {
        return weight > thresholdWeight;
    }

    /** The weight an accepted event carries: 1, or {@code max(1, w / w_Q)} in exact mode. */
    public double eventWeight(double weight) {
        if (!exact || weight <= thresholdWeight) {
            return 1.0;
        }
        return weight / thresholdWeight;
    }
}
