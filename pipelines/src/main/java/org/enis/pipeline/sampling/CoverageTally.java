package org.enis.pipeline.sampling;

import java.io.Serializable;

/**
 * The statistics of a set of proposals under quantile rejection, kept as counts and sums so
 * that tallies of batches and windows merge exactly: merging the tallies of two sets equals the
 * tally of their union.
 *
 * <p>From N proposals with weights {@code w_i} and threshold {@code w_Q}: acceptance
 * {@code accepted / N}; coverage (ENIS paper, Eq. 9) {@code sum min(w_i, w_Q) / sum w_i};
 * effective sample size ratio (Eq. 10) {@code (sum w_i)^2 / (N sum w_i^2)}; the integral of p
 * estimated as {@code sum w_i / N} with standard error {@code sqrt((sum w_i^2 / N - mean^2) / N)}.
 * Invalid weights (NaN) are counted apart and enter none of the sums.
 */
public final class CoverageTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private long proposals;
    private long accepted;
    private long zeroWeights;
    private long aboveThreshold;
    private long invalidWeights;
    private double sumWeights;
    private double sumClippedWeights;
    private double sumSquaredWeights;

    /** Adds one proposal of a valid weight {@code w >= 0} under threshold {@code w_Q}. */
    public void addWeight(double weight, double thresholdWeight) {
        proposals++;
        if (weight == 0.0) {
            zeroWeights++;
            return;
        }
        if (weight > thresholdWeight) {
            aboveThreshold++;
        }
        sumWeights += weight;
        sumClippedWeights += Math.min(weight, thresholdWeight);
        sumSquaredWeights += weight * weight;
    }

    /** Adds one proposal whose weight could not be formed (NaN). */
    public void addInvalid() {
        proposals++;
        invalidWeights++;
    }

    /** Counts one accepted proposal, i.e. one published event. */
    public void addAccepted() {
        accepted++;
    }

    /** Adds every count and sum of {@code other} to this tally. */
    public CoverageTally merge(CoverageTally other) {
        proposals += other.proposals;
        accepted += other.accepted;
        zeroWeights += other.zeroWeights;
        aboveThreshold += other.aboveThreshold;
        invalidWeights += other.invalidWeights;
        sumWeights += other.sumWeights;
        sumClippedWeights += other.sumClippedWeights;
        sumSquaredWeights += other.sumSquaredWeights;
        return this;
    }

    /** A tally with the given counts and sums, e.g. read back from a coverage report. */
    public static CoverageTally of(long proposals, long accepted, long zeroWeights,
            long aboveThreshold, long invalidWeights, double sumWeights,
            double sumClippedWeights, double sumSquaredWeights) {
        CoverageTally tally = new CoverageTally();
        tally.proposals = proposals;
        tally.accepted = accepted;
        tally.zeroWeights = zeroWeights;
        tally.aboveThreshold = aboveThreshold;
        tally.invalidWeights = invalidWeights;
        tally.sumWeights = sumWeights;
        tally.sumClippedWeights = sumClippedWeights;
        tally.sumSquaredWeights = sumSquaredWeights;
        return tally;
    }

    public long proposals() {
        return proposals;
    }

    public long accepted() {
        return accepted;
    }

    public long zeroWeights() {
        return zeroWeights;
    }

    public long aboveThreshold() {
        return aboveThreshold;
    }

    public long invalidWeights() {
        return invalidWeights;
    }

    public double sumWeights() {
        return sumWeights;
    }

    public double sumClippedWeights() {
        return sumClippedWeights;
    }

    public double sumSquaredWeights() {
        return sumSquaredWeights;
    }

    /** Number of proposals with a valid weight. */
    public long validProposals() {
        return proposals - invalidWeights;
    }

    /** Accepted over proposals; NaN with no proposal. */
    public double acceptance() {
        return proposals == 0 ? Double.NaN : (double) accepted / proposals;
    }

    /** Eq. 9: {@code sum min(w, w_Q) / sum w}; 1 when every weight is 0; NaN when empty. */
    public double coverage() {
        if (validProposals() == 0) {
            return Double.NaN;
        }
        return sumWeights == 0.0 ? 1.0 : sumClippedWeights / sumWeights;
    }

    /** Eq. 10 over N: {@code (sum w)^2 / (N sum w^2)}; NaN when no weight is positive. */
    public double effectiveSampleSizeRatio() {
        if (sumSquaredWeights == 0.0) {
            return Double.NaN;
        }
        return sumWeights * sumWeights / (validProposals() * sumSquaredWeights);
    }

    /** Mean weight, the Monte Carlo estimate of the integral of p; NaN when empty. */
    public double integralEstimate() {
        long n = validProposals();
        return n == 0 ? Double.NaN : sumWeights / n;
    }

    /** Standard error of {@link #integralEstimate()}; NaN with fewer than two proposals. */
    public double integralError() {
        long n = validProposals();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sumWeights / n;
        double variance = Math.max(0.0, sumSquaredWeights / n - mean * mean);
        return Math.sqrt(variance / n);
    }

    @Override
    public String toString() {
        return String.format("proposals=%d accepted=%d zero=%d above=%d invalid=%d "
                + "acceptance=%.4f coverage=%.5f ess/N=%.4f", proposals, accepted, zeroWeights,
                aboveThreshold, invalidWeights, acceptance(), coverage(),
                effectiveSampleSizeRatio());
    }
}
