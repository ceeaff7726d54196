package org.enis.weights;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * Calibration of a proposal on a sample of its weights: Table I of the ENIS paper plus the
 * share of zero weights and the integral of the target density estimated from the weights.
 *
 * @param sampleSize number of proposal points N
 * @param zeroFraction share of points with p(x) = 0
 * @param integral {@code mean(w)}, the estimate of the integral of p
 * @param integralStandardError standard error of the integral
 * @param rows one row per quantile
 */
public record CalibrationTable(
        @JsonProperty("sampleSize") long sampleSize,
        @JsonProperty("zeroFraction") double zeroFraction,
        @JsonProperty("integral") double integral,
        @JsonProperty("integralStandardError") double integralStandardError,
        @JsonProperty("rows") List<CalibrationRow> rows) {

    /** Copies the rows. */
    @JsonCreator
    public CalibrationTable {
        rows = List.copyOf(rows);
    }

    /**
     * Computes the table.
     *
     * @param weights finite, non-negative weights of points drawn from the proposal
     * @param quantiles each in (0, 1]
     * @return the table
     * @throws IllegalArgumentException as {@link WeightStatistics#calibrate}
     */
    public static CalibrationTable of(double[] weights, double... quantiles) {
        WeightSummary summary = WeightSummary.unclipped();
        summary.addAll(weights, 0, weights.length);
        return new CalibrationTable(summary.count(), summary.zeroFraction(), summary.integral(),
                summary.integralStandardError(), WeightStatistics.calibrate(weights, quantiles));
    }

    /**
     * The row of a quantile.
     *
     * @param quantile Q as given when the table was computed
     * @return the row
     * @throws IllegalArgumentException if the table has no row for Q
     */
    public CalibrationRow row(double quantile) {
        for (CalibrationRow row : rows) {
            if (Math.abs(row.quantile() - quantile) < 1e-12) {
                return row;
            }
        }
        throw new IllegalArgumentException("no calibration row for quantile " + quantile);
    }

    /**
     * Markdown table in the layout of the paper's Table I.
     *
     * @return the table as text, one line per quantile
     */
    public String toMarkdown() {
        StringBuilder text = new StringBuilder();
        text.append("| quantile | threshold weight | acceptance | coverage | ESS / N |\n");
        text.append("|---|---|---|---|---|\n");
        for (CalibrationRow row : rows) {
            text.append(String.format(Locale.ROOT, "| %.5f | %.4f | %.4f | %.5f | %.4f |%n",
                    row.quantile(), row.thresholdWeight(), row.acceptance(), row.coverage(),
                    row.effectiveSampleSizeRatio()));
        }
        return text.toString();
    }
}
