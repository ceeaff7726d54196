package org.enis.pipeline.sampling;

import java.io.Serializable;
import java.util.Locale;
import org.enis.weights.WeightSummary;

/**
 * The statistics of a set of proposals under quantile rejection at one threshold weight: the
 * weight summary of {@code org.enis.weights} (counts; sums of w, of the clipped w and of their
 * squares) plus what rejection adds, the number of accepted proposals (published events) and
 * of proposals whose weight could not be formed. Tallies of batches and windows merge exactly:
 * merging the tallies of two sets equals the tally of their union.
 *
 * <p>Figures (ENIS paper, section III.D): observed acceptance {@code accepted / N}; coverage
 * {@code sum min(w, w_Q) / sum w} (Eq. 9); effective sample size ratio of the clipped weights
 * (Eq. 10 over N); the integral of p, {@code mean(w)}, with its standard error. Invalid weights
 * (NaN) are counted as proposals but enter none of the sums. Not thread-safe.
 */
public final class CoverageTally implements Serializable {
    private static final long serialVersionUID = 2L;

    private final WeightSummary weights;
    private long accepted;
    private long invalidWeights;

    /** An empty tally at threshold weight {@code w_Q > 0}. */
    public CoverageTally(double thresholdWeight) {
        this.weights = WeightSummary.withThreshold(thresholdWeight);
    }

    /** Adds one proposal of a valid weight {@code w >= 0}, finite. */
    public void addWeight(double weight) {
        weights.add(weight);
    }

    /** Adds one proposal whose weight could not be formed (NaN). */
    public void addInvalid() {
        invalidWeights++;
    }

    /** Counts one accepted proposal, i.e. one published event. */
    public void addAccepted() {
        accepted++;
    }

    /**
     * Adds every count and sum of {@code other} to this tally.
     *
     * @throws IllegalArgumentException when the threshold weights differ
     */
    public CoverageTally merge(CoverageTally other) {
        weights.merge(other.weights);
        accepted += other.accepted;
        invalidWeights += other.invalidWeights;
        return this;
    }

    /** The threshold weight {@code w_Q}. */
    public double thresholdWeight() {
        return weights.thresholdWeight();
    }

    /** A copy of the weight summary of the valid weights. */
    public WeightSummary weightSummary() {
        return weights.copy();
    }

    /** All proposals, invalid ones included. */
    public long proposals() {
        return weights.count() + invalidWeights;
    }

    public long accepted() {
        return accepted;
    }

    public long zeroWeights() {
        return weights.zeroCount();
    }

    public long aboveThreshold() {
        return weights.aboveThresholdCount();
    }

    public long invalidWeights() {
        return invalidWeights;
    }

    /** {@code sum w} over the valid weights. */
    public double sumWeights() {
        return weights.sumOfWeights();
    }

    /** {@code sum min(w, w_Q)}. */
    public double sumClippedWeights() {
        return weights.sumOfClippedWeights();
    }

    /** {@code sum w^2}. */
    public double sumSquaredWeights() {
        return weights.sumOfSquaredWeights();
    }

    /** {@code sum min(w, w_Q)^2}. */
    public double sumSquaredClippedWeights() {
        return weights.sumOfSquaredClippedWeights();
    }

    /** The largest weight seen; 0 when none. */
    public double maximumWeight() {
        return weights.maximumWeight();
    }

    /** Observed acceptance, accepted over all proposals; NaN with no proposal. */
    public double acceptance() {
        long n = proposals();
        return n == 0 ? Double.NaN : (double) accepted / n;
    }

    /** Acceptance expected from the weights, {@code mean(min(w / w_Q, 1))}; NaN when empty. */
    public double expectedAcceptance() {
        return weights.acceptance();
    }

    /** Eq. 9; NaN when no weight is positive. */
    public double coverage() {
        return weights.coverage();
    }

    /** Eq. 10 over N, clipped weights; NaN when no weight is positive. */
    public double effectiveSampleSizeRatio() {
        return weights.effectiveSampleSizeRatio();
    }

    /** {@code mean(w)} over the valid weights: the estimate of the integral of p. */
    public double integralEstimate() {
        return weights.integral();
    }

    /** Standard error of {@link #integralEstimate()}. */
    public double integralError() {
        return weights.integralStandardError();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "proposals=%d accepted=%d zero=%d above=%d invalid=%d"
                + " acceptance=%.4f coverage=%.5f ess/N=%.4f", proposals(), accepted,
                zeroWeights(), aboveThreshold(), invalidWeights, acceptance(), coverage(),
                effectiveSampleSizeRatio());
    }
}
