package org.enis.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quantiles of importance weights and the calibration table of a proposal (paper section
 * III.D).
 *
 * <p>The Q-quantile of N weights is the order statistic {@code w_(ceil(Q N))} (1-based): the
 * smallest weight such that at least a fraction Q of the weights are at or below it. Q = 1 gives
 * the largest weight, the exact rejection constant of Eq. (1); smaller Q relax it (Eq. 8).
 */
public final class WeightStatistics {

    /** The quantiles of Table I of the ENIS paper. */
    public static final double[] PAPER_QUANTILES =
            {1.0, 0.99999, 0.9999, 0.999, 0.99, 0.985, 0.981};

    private WeightStatistics() {
    }

    /**
     * Q-quantile of the weights.
     *
     * @param weights finite, non-negative weights (not modified)
     * @param quantile Q in (0, 1]
     * @return {@code w_(ceil(Q N))}
     * @throws IllegalArgumentException if weights is empty, holds a negative or non-finite
     *     value, or Q is outside (0, 1]
     */
    public static double thresholdWeight(double[] weights, double quantile) {
        return thresholdWeights(weights, quantile)[0];
    }

    /**
     * Several quantiles of the same weights, sorting them once.
     *
     * @param weights finite, non-negative weights (not modified)
     * @param quantiles each in (0, 1]
     * @return the threshold weight of each quantile, in the given order
     * @throws IllegalArgumentException as {@link #thresholdWeight(double[], double)}
     */
    public static double[] thresholdWeights(double[] weights, double... quantiles) {
        double[] sorted = sortedCopy(weights);
        double[] thresholds = new double[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            thresholds[i] = quantileOfSorted(sorted, quantiles[i]);
        }
        return thresholds;
    }

    /**
     * Calibration table: for each quantile, the threshold weight and the acceptance, coverage
     * and effective sample size ratio of rejection sampling at that threshold.
     *
     * @param weights finite, non-negative weights of points drawn from the proposal
     * @param quantiles each in (0, 1]
     * @return one row per quantile, in the given order; a quantile whose threshold weight is 0
     *     (more than 1 - Q of the points have p = 0) gets a row of zeros
     * @throws IllegalArgumentException as {@link #thresholdWeight(double[], double)}
     */
    public static List<CalibrationRow> calibrate(double[] weights, double... quantiles) {
        double[] thresholds = thresholdWeights(weights, quantiles);
        List<CalibrationRow> rows = new ArrayList<>(quantiles.length);
        for (int i = 0; i < quantiles.length; i++) {
            if (!(thresholds[i] > 0)) {
                // More than 1 - Q of the points lie outside the support: no usable rejection
                // constant at this quantile.
                rows.add(new CalibrationRow(quantiles[i], 0, 0, 0, 0));
                continue;
            }
            WeightSummary summary = WeightSummary.withThreshold(thresholds[i]);
            summary.addAll(weights, 0, weights.length);
            rows.add(new CalibrationRow(quantiles[i], thresholds[i], summary.acceptance(),
                    summary.coverage(), summary.effectiveSampleSizeRatio()));
        }
        return rows;
    }

    private static double[] sortedCopy(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        double[] sorted = weights.clone();
        for (double w : sorted) {
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantileOfSorted(double[] sorted, double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }
        long rank = (long) Math.ceil(quantile * sorted.length - 1e-9 * sorted.length);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, rank - 1));
        return sorted[index];
    }
}
