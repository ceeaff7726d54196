package org.enis.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightSummaryTest {

    private static final double TOLERANCE = 1e-12;

    /** Weights 0, 1, 2, 3, 4 clipped at 2.5: hand-computed figures of merit. */
    @Test
    void figuresOfMeritOfASmallSample() {
        WeightSummary summary = WeightSummary.withThreshold(2.5);
        summary.addAll(new double[] {0, 1, 2, 3, 4}, 0, 5);

        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.zeroCount()).isEqualTo(1);
        assertThat(summary.zeroFraction()).isEqualTo(0.2);
        assertThat(summary.aboveThresholdCount()).isEqualTo(2);
        assertThat(summary.sumOfWeights()).isEqualTo(10);
        assertThat(summary.sumOfSquaredWeights()).isEqualTo(30);
        assertThat(summary.sumOfClippedWeights()).isEqualTo(8);
        assertThat(summary.sumOfSquaredClippedWeights()).isEqualTo(1 + 4 + 6.25 + 6.25);
        assertThat(summary.maximumWeight()).isEqualTo(4);
        // mean(min(w / 2.5, 1)) = (0 + 0.4 + 0.8 + 1 + 1) / 5
        assertThat(summary.acceptance()).isCloseTo(0.64, within(TOLERANCE));
        // Eq. (9): 8 / 10
        assertThat(summary.coverage()).isCloseTo(0.8, within(TOLERANCE));
        // Eq. (10) / N with clipped weights: 8^2 / (5 * 17.5)
        assertThat(summary.effectiveSampleSizeRatio()).isCloseTo(64 / 87.5, within(TOLERANCE));
        assertThat(summary.integral()).isCloseTo(2, within(TOLERANCE));
        // sample variance of the mean: (30/5 - 4) / 4
        assertThat(summary.integralStandardError()).isCloseTo(Math.sqrt(0.5),
                within(TOLERANCE));
    }

    @Test
    void unclippedSummaryHasFullCoverageAndNoAcceptance() {
        WeightSummary summary = WeightSummary.unclipped();
        summary.addAll(new double[] {1, 1, 2}, 0, 3);
        assertThat(summary.coverage()).isEqualTo(1);
        assertThat(summary.acceptance()).isEqualTo(0);
        assertThat(summary.effectiveSampleSizeRatio()).isCloseTo(16.0 / 18, within(TOLERANCE));
    }

    @Test
    void mergedShardsEqualTheWholeSample() {
        SplittableRandom random = new SplittableRandom(7);
        double[] weights = new double[10_000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextDouble() < 0.1 ? 0 : -Math.log(random.nextDouble());
        }
        WeightSummary whole = WeightSummary.withThreshold(2);
        whole.addAll(weights, 0, weights.length);
        WeightSummary first = WeightSummary.withThreshold(2);
        first.addAll(weights, 0, 3_000);
        WeightSummary second = WeightSummary.withThreshold(2);
        second.addAll(weights, 3_000, weights.length);
        WeightSummary merged = first.copy().merge(second);

        assertThat(merged.count()).isEqualTo(whole.count());
        assertThat(merged.zeroCount()).isEqualTo(whole.zeroCount());
        assertThat(merged.aboveThresholdCount()).isEqualTo(whole.aboveThresholdCount());
        assertThat(merged.sumOfWeights()).isCloseTo(whole.sumOfWeights(), within(1e-9));
        assertThat(merged.coverage()).isCloseTo(whole.coverage(), within(1e-12));
        assertThat(merged.acceptance()).isCloseTo(whole.acceptance(), within(1e-12));
        assertThat(merged.effectiveSampleSizeRatio())
                .isCloseTo(whole.effectiveSampleSizeRatio(), within(1e-12));
        assertThat(first.count()).isEqualTo(3_000);
    }

    /** Exponential weights: mean 1, E[min(w, t)] = 1 - e^-t, E[w^2] = 2. */
    @Test
    void largeSampleMatchesExponentialDistribution() {
        SplittableRandom random = new SplittableRandom(11);
        WeightSummary summary = WeightSummary.withThreshold(2);
        for (int i = 0; i < 1_000_000; i++) {
            summary.add(-Math.log(1 - random.nextDouble()));
        }
        assertThat(summary.integral()).isCloseTo(1, within(5e-3));
        assertThat(summary.coverage()).isCloseTo(1 - Math.exp(-2), within(5e-3));
        assertThat(summary.acceptance()).isCloseTo((1 - Math.exp(-2)) / 2, within(5e-3));
        assertThat(summary.integralStandardError()).isCloseTo(1e-3, within(1e-4));
    }

    @Test
    void rejectsBadInput() {
        WeightSummary summary = WeightSummary.withThreshold(1);
        assertThatThrownBy(() -> summary.add(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> summary.add(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> summary.add(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> WeightSummary.withThreshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholdWeight must be > 0");
        assertThatThrownBy(() -> summary.merge(WeightSummary.withThreshold(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold weights 1.0 and 2.0");
        assertThatThrownBy(() -> summary.addAll(new double[3], 2, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range [2, 5)");
        assertThat(summary.count()).isZero();
    }
}
