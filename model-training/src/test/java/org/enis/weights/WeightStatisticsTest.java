package org.enis.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightStatisticsTest {

    private static double[] oneToHundred() {
        double[] weights = new double[100];
        for (int i = 0; i < 100; i++) {
            weights[i] = 100 - i;
        }
        return weights;
    }

    @Test
    void quantileIsTheOrderStatisticAtCeilingOfQTimesN() {
        double[] weights = oneToHundred();
        assertThat(WeightStatistics.thresholdWeight(weights, 1.0)).isEqualTo(100);
        assertThat(WeightStatistics.thresholdWeight(weights, 0.99)).isEqualTo(99);
        assertThat(WeightStatistics.thresholdWeight(weights, 0.985)).isEqualTo(99);
        assertThat(WeightStatistics.thresholdWeight(weights, 0.5)).isEqualTo(50);
        assertThat(WeightStatistics.thresholdWeight(weights, 0.001)).isEqualTo(1);
        assertThat(weights[0]).as("input not modified").isEqualTo(100);
    }

    @Test
    void calibrationRowsFollowTheirDefinitions() {
        double[] weights = oneToHundred();
        List<CalibrationRow> rows = WeightStatistics.calibrate(weights, 1.0, 0.9);
        CalibrationRow full = rows.get(0);
        assertThat(full.thresholdWeight()).isEqualTo(100);
        assertThat(full.coverage()).isEqualTo(1);
        assertThat(full.acceptance()).isCloseTo(5050.0 / (100 * 100), within(1e-12));
        CalibrationRow relaxed = rows.get(1);
        assertThat(relaxed.thresholdWeight()).isEqualTo(90);
        // sum min(w, 90) = sum 1..90 + 10 * 90
        double clipped = 90 * 91 / 2.0 + 900;
        assertThat(relaxed.coverage()).isCloseTo(clipped / 5050, within(1e-12));
        assertThat(relaxed.acceptance()).isCloseTo(clipped / (100 * 90), within(1e-12));
    }

    @Test
    void quantileOfZeroWeightsGivesARowOfZeros() {
        double[] weights = new double[100];
        weights[99] = 1;
        CalibrationRow row = WeightStatistics.calibrate(weights, 0.9).get(0);
        assertThat(row.thresholdWeight()).isZero();
        assertThat(row.acceptance()).isZero();
        assertThat(row.coverage()).isZero();
    }

    @Test
    void tableHoldsZeroShareAndIntegral() {
        double[] weights = {0, 0, 2, 2};
        CalibrationTable table = CalibrationTable.of(weights, 1.0);
        assertThat(table.sampleSize()).isEqualTo(4);
        assertThat(table.zeroFraction()).isEqualTo(0.5);
        assertThat(table.integral()).isEqualTo(1);
        assertThat(table.integralStandardError()).isCloseTo(Math.sqrt((2 - 1) / 3.0),
                within(1e-12));
        assertThat(table.row(1.0).acceptance()).isEqualTo(0.5);
        assertThat(table.toMarkdown()).contains("| 1.00000 | 2.0000 | 0.5000 | 1.00000 |");
        assertThatThrownBy(() -> table.row(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no calibration row for quantile 0.5");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> WeightStatistics.thresholdWeight(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights must not be empty");
        assertThatThrownBy(() -> WeightStatistics.thresholdWeight(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantile must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> WeightStatistics.thresholdWeight(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> WeightStatistics.thresholdWeight(new double[] {1, -2}, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -2.0");
    }
}
