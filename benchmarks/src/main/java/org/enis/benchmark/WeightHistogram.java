package org.enis.benchmark;

import org.enis.weights.WeightSummary;

/**
 * The distribution of {@code log10 w} for the positive weights of a proposal, with the weights
 * scaled to mean 1 over all of them, zeros included (the paper's Fig. 5).
 *
 * @param lowEdge lower edge of the first bin
 * @param highEdge upper edge of the last bin
 * @param counts weights per bin (values outside the range go to the end bins)
 * @param positive positive weights
 * @param total all weights, zeros included
 * @param meanLog10 mean of {@code log10(w / <w>)} over the positive weights
 * @param stdLog10 standard deviation of {@code log10(w / <w>)} over them
 */
public record WeightHistogram(double lowEdge, double highEdge, long[] counts, long positive,
        long total, double meanLog10, double stdLog10) {

    /**
     * The range of {@code log10(w / <w>)} over the positive weights, to share bins between
     * proposals.
     *
     * @param weights finite weights {@code >= 0}
     * @return {@code {min, max}}; {@code {0, 0}} when no weight is positive
     */
    public static double[] log10Range(double[] weights) {
        if (java.util.Arrays.stream(weights).noneMatch(w -> w > 0)) {
            return new double[] {0, 0};
        }
        double mean = mean(weights);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weights) {
            if (w > 0) {
                double value = Math.log10(w / mean);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }

    /**
     * The histogram.
     *
     * @param weights finite weights {@code >= 0}
     * @param bins number of bins, {@code >= 1}
     * @param lowEdge lower edge of the range
     * @param highEdge upper edge, {@code > lowEdge}
     * @return the histogram
     * @throws IllegalArgumentException on a bad range or bin count, or a bad weight
     */
    public static WeightHistogram of(double[] weights, int bins, double lowEdge,
            double highEdge) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(highEdge > lowEdge)) {
            throw new IllegalArgumentException("histogram range [" + lowEdge + ", " + highEdge
                    + "] is empty");
        }
        double mean = mean(weights);
        long[] counts = new long[bins];
        long positive = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (double w : weights) {
            if (w > 0) {
                double value = Math.log10(w / mean);
                int bin = (int) Math.floor((value - lowEdge) / (highEdge - lowEdge) * bins);
                counts[Math.max(0, Math.min(bins - 1, bin))]++;
                positive++;
                sum += value;
                sumOfSquares += value * value;
            }
        }
        double meanLog = positive == 0 ? Double.NaN : sum / positive;
        double variance = positive == 0 ? Double.NaN
                : Math.max(0, sumOfSquares / positive - meanLog * meanLog);
        return new WeightHistogram(lowEdge, highEdge, counts, positive, weights.length, meanLog,
                Math.sqrt(variance));
    }

    /** @return the share of zero weights */
    public double zeroFraction() {
        return total == 0 ? Double.NaN : (double) (total - positive) / total;
    }

    /** @return the centre of bin {@code b} */
    public double binCentre(int b) {
        return lowEdge + (b + 0.5) * (highEdge - lowEdge) / counts.length;
    }

    /** The mean weight {@code <w>}, the weights module's integral estimate. */
    private static double mean(double[] weights) {
        WeightSummary summary = WeightSummary.unclipped();
        summary.addAll(weights, 0, weights.length);
        double mean = summary.integral();
        if (!(mean > 0)) {
            throw new IllegalArgumentException("no positive weight among " + weights.length);
        }
        return mean;
    }
}
