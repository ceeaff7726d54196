package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.enis.physics.ReferenceValues.TOLERANCE;

import org.junit.jupiter.api.Test;

class FreeNucleonCrossSectionTest {

    private final FreeNucleonCrossSection nu =
            new FreeNucleonCrossSection(ReferenceValues.reference(Flavour.MUON_NEUTRINO));
    private final FreeNucleonCrossSection nubar =
            new FreeNucleonCrossSection(ReferenceValues.reference(Flavour.MUON_ANTINEUTRINO));

    @Test
    void dSigmaDQ2MatchesTheReferenceAtOneGeV() {
        assertThat(nu.dSigmaDQ2(1.0, 0.1)).isCloseTo(1.8601, within(1.8601 * TOLERANCE));
        assertThat(nubar.dSigmaDQ2(1.0, 0.1)).isCloseTo(1.2339, within(1.2339 * TOLERANCE));
        assertThat(nu.dSigmaDQ2(1.0, 0.5)).isCloseTo(0.8433, within(0.8433 * TOLERANCE));
        assertThat(nubar.dSigmaDQ2(1.0, 0.5)).isCloseTo(0.1715, within(0.1715 * TOLERANCE));
    }

    @Test
    void totalCrossSectionMatchesTheReferenceTable() {
        for (int i = 0; i < ReferenceValues.ENERGIES_GEV.length; i++) {
            double e = ReferenceValues.ENERGIES_GEV[i];
            assertThat(nu.totalCrossSection(e)).as("nu n at %s GeV", e)
                    .isCloseTo(ReferenceValues.NU_FREE[i],
                            within(ReferenceValues.NU_FREE[i] * TOLERANCE));
            assertThat(nubar.totalCrossSection(e)).as("nu-bar p at %s GeV", e)
                    .isCloseTo(ReferenceValues.NUBAR_FREE[i],
                            within(ReferenceValues.NUBAR_FREE[i] * TOLERANCE));
        }
    }

    @Test
    void thresholdsAreThoseOfTheReference() {
        assertThat(nu.thresholdGeV()).isCloseTo(0.1102, within(0.00005));
        assertThat(nubar.thresholdGeV()).isCloseTo(0.1130, within(0.00005));
        assertThat(nu.totalCrossSection(0.1101)).isZero();
        assertThat(nu.qSquaredRangeGeV2(0.11)).isNull();
        assertThat(nu.totalCrossSection(0.1105)).isPositive();
    }

    @Test
    void dSigmaDQ2IsZeroOutsideTheKinematicRange() {
        double[] range = nu.qSquaredRangeGeV2(1.0);
        assertThat(range[0]).isPositive().isLessThan(0.01);
        assertThat(nu.dSigmaDQ2(1.0, range[1] * 1.0001)).isZero();
        assertThat(nu.dSigmaDQ2(1.0, range[0] * 0.999)).isZero();
        assertThat(nu.dSigmaDQ2(1.0, -0.1)).isZero();
        assertThat(nu.dSigmaDQ2(1.0, 0.5 * (range[0] + range[1]))).isPositive();
        assertThatThrownBy(() -> nu.dSigmaDQ2(Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eNuGeV");
    }

    @Test
    void neutrinoIsAboveAntineutrinoAtEveryEnergy() {
        for (double e = 0.12; e <= 20.0; e *= 1.15) {
            assertThat(nu.totalCrossSection(e)).as("E = %s GeV", e)
                    .isGreaterThan(nubar.totalCrossSection(e));
        }
    }

    @Test
    void flippingTheAxialSignConventionWouldSwapNeutrinoAndAntineutrino() {
        // The interference term B must be negative with F_A < 0 (ccqe-model.md): at Q^2 = 0.5
        // the neutrino exceeds the antineutrino by the full 2|B|(s-u)/M^2 term.
        double difference = nu.dSigmaDQ2(1.0, 0.5) - nubar.dSigmaDQ2(1.0, 0.5);
        assertThat(difference).isCloseTo(0.8433 - 0.1715, within(0.002));
    }
}
