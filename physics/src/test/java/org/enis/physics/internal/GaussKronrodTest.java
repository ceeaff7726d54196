package org.enis.physics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussKronrodTest {

    @Test
    void kronrodRuleIsExactForDegreeTwentyTwo() {
        double value = GaussKronrod.kronrod15(x -> Math.pow(x, 22), -1.0, 2.0);
        double exact = (Math.pow(2.0, 23) + 1.0) / 23.0;
        assertThat(value).isCloseTo(exact, within(exact * 1e-13));
    }

    @Test
    void adaptiveRuleConvergesOnAnEndpointSingularityAndAJump() {
        assertThat(GaussKronrod.integrate(Math::sqrt, 0.0, 1.0, 1e-10, 0.0))
                .isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(GaussKronrod.integrate(x -> x < 0.3 ? 1.0 : 0.0, 0.0, 1.0, 1e-8, 0.0))
                .isCloseTo(0.3, within(1e-7));
    }

    @Test
    void errorEstimateBoundsTheActualError() {
        GaussKronrod.Estimate e = GaussKronrod.integrateWithError(x -> Math.exp(-x * x),
                -3.0, 3.0, 1e-12, 0.0, 200);
        double exact = Math.sqrt(Math.PI) * 0.9999779095030014;
        assertThat(Math.abs(e.value() - exact)).isLessThanOrEqualTo(e.error() + 1e-15);
        assertThat(GaussKronrod.integrate(x -> 1.0, 2.0, 2.0, 1e-8, 0.0)).isZero();
    }
}
