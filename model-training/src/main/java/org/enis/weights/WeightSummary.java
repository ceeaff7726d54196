package org.enis.weights;

import java.io.Serializable;
import java.util.Locale;

/**
 * Mergeable running summary of importance weights {@code w = p(x) / q(x)} of points drawn from
 * a proposal q, for one fixed threshold weight {@code w_Q} (the rejection constant is
 * {@code k = 1 / w_Q}, paper Eq. 8).
 *
 * <p>It keeps counts and the sums of w, of the clipped weight {@code w' = min(w, w_Q)}, and of
 * their squares, which is all that the figures of merit of the ENIS paper (section III.D) need:
 * <ul>
 *   <li>acceptance probability of rejection sampling, {@code mean(min(w / w_Q, 1))};</li>
 *   <li>coverage, {@code sum w' / sum w} (Eq. 9): the share of the target's volume kept when
 *       weights above the threshold are clipped;</li>
 *   <li>effective sample size ratio {@code (sum w')^2 / (N sum w'^2)} (Eq. 10 divided by N, with
 *       the clipped weights, as in Table I of the paper);</li>
 *   <li>the integral of p, {@code mean(w)}, and its standard error.</li>
 * </ul>
 * Summaries with the same threshold built on different shards of the same sample merge into the
 * summary of the whole sample ({@link #merge}), so that parallel workers can each keep one.
 * Weights above the threshold are never dropped: they are counted
 * ({@link #aboveThresholdCount()}), and the coverage measures their effect.
 *
 * <p>Example:
 * <pre>{@code
 * double wQ = WeightStatistics.thresholdWeight(calibrationWeights, 0.99);
 * WeightSummary summary = WeightSummary.withThreshold(wQ);
 * summary.addAll(batchWeights, 0, batchWeights.length);
 * double acceptance = summary.acceptance();
 * double coverage = summary.coverage();
 * }</pre>
 *
 * <p>Not thread-safe: give each thread its own summary and merge them.
 */
public final class WeightSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double thresholdWeight;
    private long count;
    private long zeroCount;
    private long aboveThresholdCount;
    private double sumOfWeights;
    private double sumOfSquaredWeights;
    private double sumOfClippedWeights;
    private double sumOfSquaredClippedWeights;
    private double maximumWeight;

    private WeightSummary(double thresholdWeight) {
        this.thresholdWeight = thresholdWeight;
    }

    /**
     * An empty summary that clips at the given threshold weight.
     *
     * @param thresholdWeight {@code w_Q > 0}; {@code Double.POSITIVE_INFINITY} for no clipping
     * @return an empty summary
     * @throws IllegalArgumentException if the threshold is NaN or not positive
     */
    public static WeightSummary withThreshold(double thresholdWeight) {
        if (!(thresholdWeight > 0)) {
            throw new IllegalArgumentException(
                    "thresholdWeight must be > 0 (or +infinity for no clipping), got "
                            + thresholdWeight);
        }
        return new WeightSummary(thresholdWeight);
    }

    /**
     * An empty summary without clipping: coverage 1, acceptance 0 (no finite rejection constant).
     *
     * @return an empty summary
     */
    public static WeightSummary unclipped() {
        return new WeightSummary(Double.POSITIVE_INFINITY);
    }

    /**
     * Adds one weight.
     *
     * @param weight {@code p(x) / q(x)}, finite and &gt;= 0
     * @throws IllegalArgumentException if the weight is negative, NaN or infinite
     */
    public void add(double weight) {
        if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "weight must be finite and >= 0, got " + weight);
        }
        count++;
        if (weight == 0) {
            zeroCount++;
            return;
        }
        double clipped = weight;
        if (weight > thresholdWeight) {
            aboveThresholdCount++;
            clipped = thresholdWeight;
        }
        sumOfWeights += weight;
        sumOfSquaredWeights += weight * weight;
        sumOfClippedWeights += clipped;
        sumOfSquaredClippedWeights += clipped * clipped;
        maximumWeight = Math.max(maximumWeight, weight);
    }

    /**
     * Adds {@code weights[from..to)}.
     *
     * @param weights weights, each finite and &gt;= 0
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @throws IllegalArgumentException on a bad weight (the summary then holds the weights
     *     before it) or a bad range
     */
    public void addAll(double[] weights, int from, int to) {
        if (from < 0 || to > weights.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to
                    + ") must lie in [0, " + weights.length + "]");
        }
        for (int i = from; i < to; i++) {
            add(weights[i]);
        }
    }

    /**
     * Adds another summary with the same threshold into this one.
     *
     * @param other summary of another shard
     * @return this summary
     * @throws IllegalArgumentException if the thresholds differ
     */
    public WeightSummary merge(WeightSummary other) {
        if (Double.compare(other.thresholdWeight, thresholdWeight) != 0) {
            throw new IllegalArgumentException("cannot merge summaries with threshold weights "
                    + thresholdWeight + " and " + other.thresholdWeight);
        }
        count += other.count;
        zeroCount += other.zeroCount;
        aboveThresholdCount += other.aboveThresholdCount;
        sumOfWeights += other.sumOfWeights;
        sumOfSquaredWeights += other.sumOfSquaredWeights;
        sumOfClippedWeights += other.sumOfClippedWeights;
        sumOfSquaredClippedWeights += other.sumOfSquaredClippedWeights;
        maximumWeight = Math.max(maximumWeight, other.maximumWeight);
        return this;
    }

    /** @return a copy that further additions to this summary do not change */
    public WeightSummary copy() {
        return new WeightSummary(thresholdWeight).merge(this);
    }

    /** @return the threshold weight {@code w_Q} (+infinity when unclipped) */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** @return number of weights added, zeros included */
    public long count() {
        return count;
    }

    /** @return number of zero weights (points outside the support of p) */
    public long zeroCount() {
        return zeroCount;
    }

    /** @return zero weights over all weights; NaN when empty */
    public double zeroFraction() {
        return count == 0 ? Double.NaN : (double) zeroCount / count;
    }

    /** @return number of weights strictly above the threshold (clipped) */
    public long aboveThresholdCount() {
        return aboveThresholdCount;
    }

    /** @return {@code sum w} */
    public double sumOfWeights() {
        return sumOfWeights;
    }

    /** @return {@code sum w^2} */
    public double sumOfSquaredWeights() {
        return sumOfSquaredWeights;
    }

    /** @return {@code sum min(w, w_Q)} */
    public double sumOfClippedWeights() {
        return sumOfClippedWeights;
    }

    /** @return {@code sum min(w, w_Q)^2} */
    public double sumOfSquaredClippedWeights() {
        return sumOfSquaredClippedWeights;
    }

    /** @return the largest weight added; 0 when empty */
    public double maximumWeight() {
        return maximumWeight;
    }

    /**
     * Acceptance probability of rejection sampling with {@code k = 1 / w_Q}: the mean of
     * {@code min(w / w_Q, 1)}.
     *
     * @return acceptance in [0, 1]; 0 when unclipped; NaN when empty
     */
    public double acceptance() {
        if (count == 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(thresholdWeight)) {
            return 0;
        }
        return sumOfClippedWeights / (thresholdWeight * count);
    }

    /**
     * Coverage, paper Eq. (9): {@code sum min(w, w_Q) / sum w}.
     *
     * @return coverage in [0, 1]; NaN when no weight is positive
     */
    public double coverage() {
        return sumOfWeights > 0 ? sumOfClippedWeights / sumOfWeights : Double.NaN;
    }

    /**
     * Effective sample size ratio, paper Eq. (10) over N, of the clipped weights:
     * {@code (sum w')^2 / (N sum w'^2)}.
     *
     * @return ratio in [0, 1]; NaN when no weight is positive
     */
    public double effectiveSampleSizeRatio() {
        return sumOfSquaredClippedWeights > 0
                ? sumOfClippedWeights * sumOfClippedWeights / (count * sumOfSquaredClippedWeights)
                : Double.NaN;
    }

    /**
     * Importance-sampling estimate of the integral of p: {@code mean(w)} (q is normalised).
     *
     * @return the estimate, in the units of p times the volume element; NaN when empty
     */
    public double integral() {
        return count == 0 ? Double.NaN : sumOfWeights / count;
    }

    /**
     * Standard error of {@link #integral()}: {@code sqrt((mean(w^2) - mean(w)^2) / (N - 1))}.
     *
     * @return the standard error; NaN with fewer than two weights
     */
    public double integralStandardError() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sumOfWeights / count;
        double variance = Math.max(0, sumOfSquaredWeights / count - mean * mean);
        return Math.sqrt(variance / (count - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "WeightSummary[n=%d, zeros=%d, wQ=%.6g, above=%d, acceptance=%.4f, "
                        + "coverage=%.5f, essRatio=%.4f, integral=%.6g +- %.2g]",
                count, zeroCount, thresholdWeight, aboveThresholdCount, acceptance(), coverage(),
                effectiveSampleSizeRatio(), integral(), integralStandardError());
    }
}
