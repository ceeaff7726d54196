package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.enis.weights.WeightStatistics;
import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

    private static BenchmarkSettings settings(int calibration, int cycle, double[] quantiles,
            int[] factors, double cap, int bins) {
        return new BenchmarkSettings(Path.of("model"), Path.of("out"), calibration, cycle,
                1000, quantiles, cap, 1000, new double[] {1.0}, factors, 1, 0.999, bins, 1);
    }

    @Test
    void acceptsThePaperSizesAndCopiesArrays() {
        double[] quantiles = WeightStatistics.PAPER_QUANTILES.clone();
        BenchmarkSettings s = settings(BenchmarkSettings.PAPER_CALIBRATION_SIZE,
                RejectionCycles.PAPER_CYCLE_SIZE, quantiles, BenchmarkSettings.PAPER_COST_FACTORS,
                180, 40);
        quantiles[0] = 0.5;
        assertThat(s.table1Quantiles()).containsExactly(WeightStatistics.PAPER_QUANTILES);
        assertThat(s.costFactors()).containsExactly(1, 10, 100, 1000);
    }

    @Test
    void rejectsEachBadSettingByName() {
        double[] q = {1.0};
        int[] f = {1};
        assertThatThrownBy(() -> settings(999, 300, q, f, 1, 40))
                .hasMessage("calibration size must be >= 1000 proposals, got 999");
        assertThatThrownBy(() -> settings(1000, 99, q, f, 1, 40))
                .hasMessageContaining("cycle size").hasMessageContaining("99");
        assertThatThrownBy(() -> settings(1000, 300, new double[] {0.0}, f, 1, 40))
                .hasMessage("Table I quantiles: each must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> settings(1000, 300, new double[] {0.9, 0.9}, f, 1, 40))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> settings(1000, 300, new double[0], f, 1, 40))
                .hasMessageContaining("give 1 to 64 quantiles, got 0");
        assertThatThrownBy(() -> settings(1000, 300, q, new int[] {0}, 1, 40))
                .hasMessageContaining("density cost factor must be in [1, ");
        assertThatThrownBy(() -> settings(1000, 300, q, new int[] {10, 10}, 1, 40))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> settings(1000, 300, q, f, 0, 40))
                .hasMessage("Table I time cap must be finite and > 0 seconds, got 0.0");
        assertThatThrownBy(() -> settings(1000, 300, q, f, 1, 41))
                .hasMessageContaining("coverage bins must be even");
        assertThatThrownBy(() -> settings(1000, 300, q, f, Double.NaN, 40))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
