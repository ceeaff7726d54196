package org.enis.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantileRejectionTest {

    @Test
    void acceptsWithProbabilityWeightOverThreshold() {
        QuantileRejection rejection = new QuantileRejection(2.0, false);

        assertThat(rejection.acceptanceProbability(0.5)).isEqualTo(0.25);
        assertThat(rejection.acceptanceProbability(5.0)).isEqualTo(1.0);
        assertThat(rejection.accepts(0.5, 0.24)).isTrue();
        assertThat(rejection.accepts(0.5, 0.25)).isFalse();
        assertThat(rejection.accepts(0.0, 0.0)).as("a zero weight is never accepted").isFalse();
        assertThat(rejection.accepts(2.0, Math.nextDown(1.0))).isTrue();
    }

    @Test
    void plainModeClipsAndExactModeKeepsTheExcessAsEventWeight() {
        QuantileRejection plain = new QuantileRejection(2.0, false);
        QuantileRejection exact = new QuantileRejection(2.0, true);

        assertThat(plain.eventWeight(6.0)).isEqualTo(1.0);
        assertThat(exact.eventWeight(6.0)).isEqualTo(3.0);
        assertThat(exact.eventWeight(1.0)).isEqualTo(1.0);
        assertThat(exact.isAboveThreshold(2.0)).isFalse();
        assertThat(exact.isAboveThreshold(2.5)).isTrue();
    }

    @Test
    void rejectsAThresholdThatIsNotFiniteAndPositive() {
        assertThatThrownBy(() -> new QuantileRejection(0.0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite and > 0, got 0.0");
        assertThatThrownBy(() -> new QuantileRejection(Double.NaN, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got NaN");
    }
}
