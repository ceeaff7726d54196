package org.enis.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NeuralSplineFlowTest {

    private static final BoxMap BOX_2D = new BoxMap(new double[] {0, -1}, new double[] {1, 3}, 3);

    private static FlowConfig smallConfig(FlowArchitecture architecture, int features) {
        return new FlowConfig(architecture, features, 3, 1, 16, 6, 5, 3, 11);
    }

    @Test
    void paperConfigurationHasThePapersParameterCount() {
        FlowConfig paper = FlowConfig.paperDefaults(FlowArchitecture.MASKED_AUTOREGRESSIVE, 1);
        assertThat(paper.parameterCount()).isEqualTo(37_220);
        BoxMap box = new BoxMap(new double[4], new double[] {1, 1, 1, 1}, 3);
        try (FlowHarness harness = new FlowHarness(paper, box, 0, 1)) {
            long graphCount = harness.flow.variables().stream()
                    .mapToLong(v -> v.shape().size()).sum();
            assertThat(graphCount).isEqualTo(37_220);
        }
        FlowConfig coupling = FlowConfig.paperDefaults(FlowArchitecture.COUPLING, 1);
        try (FlowHarness harness = new FlowHarness(coupling, box, 0, 1)) {
            long graphCount = harness.flow.variables().stream()
                    .mapToLong(v -> v.shape().size()).sum();
            assertThat(graphCount).isEqualTo(coupling.parameterCount());
        }
    }

    @ParameterizedTest
    @EnumSource(FlowArchitecture.class)
    void logDensityOfSamplesEqualsLogDensityOfTheSamePoints(FlowArchitecture architecture) {
        FlowConfig config = FlowConfig.paperDefaults(architecture, 5);
        BoxMap box = new BoxMap(new double[] {-0.2, -0.2, -0.06, -0.0045},
                new double[] {10.2, 10.2, 3.2, 0.2295}, 3);
        try (FlowHarness harness = new FlowHarness(config, box, 0.3, 17)) {
            float[] noise = gaussian(2000 * 4, 3);
            float[][] sample = harness.sample(noise);
            float[] logQ = harness.logQ(sample[0]);
            for (int i = 0; i < logQ.length; i++) {
                assertThat((double) logQ[i]).as("point %d", i)
                        .isCloseTo(sample[1][i], within(2e-3 + 2e-4 * Math.abs(logQ[i])));
            }
        }
    }

    /** Midpoint rule on a fine grid over a box that holds all but a negligible mass. */
    @ParameterizedTest
    @EnumSource(FlowArchitecture.class)
    void densityIntegratesToOne(FlowArchitecture architecture) {
        try (FlowHarness harness = new FlowHarness(smallConfig(architecture, 2), BOX_2D, 0.5,
                23)) {
            float[][] sample = harness.sample(gaussian(20_000 * 2, 9));
            double[] lower = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] upper = {-Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < 20_000; i++) {
                for (int d = 0; d < 2; d++) {
                    lower[d] = Math.min(lower[d], sample[0][2 * i + d]);
                    upper[d] = Math.max(upper[d], sample[0][2 * i + d]);
                }
            }
            int cells = 600;
            double[] step = new double[2];
            for (int d = 0; d < 2; d++) {
                double margin = 0.5 * (upper[d] - lower[d]);
                lower[d] -= margin;
                upper[d] += margin;
                step[d] = (upper[d] - lower[d]) / cells;
            }
            float[] grid = new float[cells * cells * 2];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    grid[2 * (i * cells + j)] = (float) (lower[0] + (i + 0.5) * step[0]);
                    grid[2 * (i * cells + j) + 1] = (float) (lower[1] + (j + 0.5) * step[1]);
                }
            }
            double integral = 0;
            for (float logQ : harness.logQ(grid)) {
                integral += Math.exp(logQ) * step[0] * step[1];
            }
            assertThat(integral).isCloseTo(1.0, within(0.01));
        }
    }

    @Test
    void boxOfTheWrongDimensionIsRejected() {
        BoxMap box = new BoxMap(new double[3], new double[] {1, 1, 1}, 3);
        assertThatThrownBy(() -> new FlowHarness(
                smallConfig(FlowArchitecture.COUPLING, 2), box, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 dimensions");
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
