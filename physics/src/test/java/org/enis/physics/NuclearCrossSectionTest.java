package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.enis.physics.ReferenceValues.TOLERANCE;

import org.enis.physics.internal.GaussKronrod;
import org.junit.jupiter.api.Test;

class NuclearCrossSectionTest {

    private final NuclearCrossSection nu =
            new NuclearCrossSection(ReferenceValues.reference(Flavour.MUON_NEUTRINO));
    private final NuclearCrossSection nubar =
            new NuclearCrossSection(ReferenceValues.reference(Flavour.MUON_ANTINEUTRINO));

    @Test
    void totalCrossSectionMatchesTheReferenceTable() {
        for (int i = 0; i < ReferenceValues.ENERGIES_GEV.length; i++) {
            double e = ReferenceValues.ENERGIES_GEV[i];
            assertThat(nu.totalCrossSection(e)).as("nu C12 at %s GeV", e)
                    .isCloseTo(ReferenceValues.NU_CARBON[i],
                            within(ReferenceValues.NU_CARBON[i] * TOLERANCE));
            assertThat(nubar.totalCrossSection(e)).as("nu-bar C12 at %s GeV", e)
                    .isCloseTo(ReferenceValues.NUBAR_CARBON[i],
                            within(ReferenceValues.NUBAR_CARBON[i] * TOLERANCE));
        }
    }

    @Test
    void defaultAccuracyIsMetAgainstAMuchTighterIntegral() {
        NuclearCrossSection tight = new NuclearCrossSection(
                ReferenceValues.reference(Flavour.MUON_ANTINEUTRINO), 1e-8);
        for (double e : new double[] {0.3, 1.0, 3.0}) {
            double reference = tight.totalCrossSection(e);
            assertThat(nubar.totalCrossSection(e)).as("E = %s GeV", e)
                    .isCloseTo(reference, within(reference
                            * NuclearCrossSection.DEFAULT_RELATIVE_ACCURACY));
        }
    }

    @Test
    void neutrinoIsAboveAntineutrinoAtEveryEnergy() {
        for (double e = 0.15; e <= 10.0; e *= 1.3) {
            assertThat(nu.totalCrossSection(e)).as("E = %s GeV", e)
                    .isGreaterThan(nubar.totalCrossSection(e));
        }
    }

    @Test
    void carbonOverFreeRatioRisesAsTheReferenceShapeFactsSay() {
        FreeNucleonCrossSection free =
                new FreeNucleonCrossSection(ReferenceValues.reference(Flavour.MUON_ANTINEUTRINO));
        double low = nubar.totalCrossSection(0.5) / free.totalCrossSection(0.5);
        double high = nubar.totalCrossSection(5.0) / free.totalCrossSection(5.0);
        assertThat(low).isCloseTo(0.65, within(0.01));
        assertThat(high).isCloseTo(0.87, within(0.01));
    }

    @Test
    void carbonThresholdLiesBetweenPointOneThreeAndPointOneFourGeV() {
        assertThat(nubar.totalCrossSection(0.13)).isZero();
        assertThat(nubar.totalCrossSection(0.142)).isPositive();
        assertThat(nu.totalCrossSection(0.125)).isZero();
        assertThat(nu.totalCrossSection(0.14)).isPositive();
        CcqeTargetDensity density = new CcqeTargetDensity(CcqeParameters.defaults());
        double bound = density.energyThresholdLowerBoundGeV();
        assertThat(bound).isBetween(0.125, 0.135);
        assertThat(new NuclearCrossSection(CcqeParameters.defaults()).totalCrossSection(bound))
                .isZero();
    }

    @Test
    void withoutPauliBlockingAndBindingSigmaIsTheFermiSphereAverageOfTheFreeCrossSection() {
        // With M_p = M_n the Llewellyn Smith formula is exact for a free nucleon, so the gas
        // must reproduce the average to the integration accuracy.
        double mass = 0.5 * (CcqeParameters.DEFAULT_PROTON_MASS_GEV
                + CcqeParameters.DEFAULT_NEUTRON_MASS_GEV);
        for (Flavour flavour : Flavour.values()) {
            CcqeParameters parameters = ReferenceValues.reference(flavour).toBuilder()
                    .pauliBlocking(false).removalEnergyGeV(0.0)
                    .protonMassGeV(mass).neutronMassGeV(mass).build();
            NuclearCrossSection gas = new NuclearCrossSection(parameters, 1e-6);
            FreeNucleonCrossSection free = new FreeNucleonCrossSection(parameters);
            for (double e : new double[] {0.2, 0.5, 2.0}) {
                double average = fermiSphereAverage(free, parameters, e);
                assertThat(gas.totalCrossSection(e)).as("%s at %s GeV", flavour, e)
                        .isCloseTo(average, within(average * 1e-5));
            }
        }
    }

    @Test
    void withPhysicalMassesTheFermiSphereAverageAgreesWithinTheReferenceTolerance() {
        // The Llewellyn Smith formula uses the mean nucleon mass in s - u and its prefactor,
        // the gas the true masses in the kinematics: they differ by O((M_n - M_p)/E), below
        // 0.5 % from 0.6 GeV on (0.9 % at 0.2 GeV for nu-bar).
        for (Flavour flavour : Flavour.values()) {
            CcqeParameters parameters = ReferenceValues.reference(flavour).toBuilder()
                    .pauliBlocking(false).removalEnergyGeV(0.0).build();
            NuclearCrossSection gas = new NuclearCrossSection(parameters, 1e-6);
            FreeNucleonCrossSection free = new FreeNucleonCrossSection(parameters);
            for (double e : new double[] {0.6, 1.0, 3.0}) {
                double average = fermiSphereAverage(free, parameters, e);
                assertThat(gas.totalCrossSection(e)).as("%s at %s GeV", flavour, e)
                        .isCloseTo(average, within(average * TOLERANCE));
            }
        }
    }

    /**
     * {@code int d3p n(p) sigma_free(E_rest) (k.p)/(E E_N)}: the free cross section at the
     * neutrino energy in the nucleon rest frame, {@code E_rest = k.p/M_i}, times the ratio of
     * the invariant flux {@code k.p} to the lab flux {@code E E_N} used by the model.
     */
    private static double fermiSphereAverage(FreeNucleonCrossSection free,
            CcqeParameters parameters, double eNu) {
        double kF = parameters.fermiMomentumGeV();
        double mass = parameters.initialNucleonMassGeV();
        return GaussKronrod.integrate(pN -> {
            double eN = Math.sqrt(mass * mass + pN * pN);
            double overAngle = GaussKronrod.integrate(cosAlpha -> {
                double kDotP = eNu * (eN - pN * cosAlpha);
                return 0.5 * free.totalCrossSection(kDotP / mass) * kDotP / (eNu * eN);
            }, -1.0, 1.0, 1e-8, 0.0);
            return 3.0 * pN * pN / (kF * kF * kF) * overAngle;
        }, 0.0, kF, 1e-7, 0.0);
    }

    @Test
    void otherTargetsGivePositiveCrossSectionsThatDifferFromCarbon() {
        for (Nucleus nucleus : new Nucleus[] {Nucleus.OXYGEN_16, Nucleus.ARGON_40}) {
            NuclearCrossSection other = new NuclearCrossSection(CcqeParameters.builder()
                    .flavour(Flavour.MUON_NEUTRINO).axialMassGeV(1.0).nucleus(nucleus).build());
            double sigma = other.totalCrossSection(1.0);
            assertThat(sigma).as("%s", nucleus).isBetween(0.8, 1.0)
                    .isNotCloseTo(nu.totalCrossSection(1.0), within(1e-4));
        }
    }

    @Test
    void singleDifferentialsIntegrateToTheTotal() {
        double e = 1.0;
        double sigma = nubar.totalCrossSection(e);
        double overMuon = GaussKronrod.integrate(p -> nubar.dSigmaDMuonMomentum(e, p),
                0.0, e, 1e-5, 0.0);
        double overNucleon = GaussKronrod.integrate(p -> nubar.dSigmaDNucleonMomentum(e, p),
                0.0, 0.225, 1e-5, 0.0);
        assertThat(overMuon).isCloseTo(sigma, within(sigma * 1e-3));
        assertThat(overNucleon).isCloseTo(sigma, within(sigma * 1e-3));
    }

    @Test
    void angularDifferentialAgreesWithTheDoubleDifferentialIntegratedInTheOtherOrder() {
        // dsigma/dcos(theta) integrates p_N outside p_mu; here p_mu is outside p_N. The forward
        // cosines reach the sharp Pauli edge, where the support in p_mu is a sliver.
        NuclearCrossSection precise = new NuclearCrossSection(CcqeParameters.defaults(), 1e-6);
        for (double c : new double[] {0.99, 0.95, 0.5}) {
            double otherOrder = GaussKronrod.integrateWithError(
                    p -> precise.doubleDifferential(1.0, p, c), 0.0, 1.0, 1e-6, 0.0, 2000)
                    .value();
            assertThat(precise.dSigmaDCosTheta(1.0, c)).as("cos(theta) = %s", c)
                    .isCloseTo(otherOrder, within(otherOrder * 1e-4));
        }
    }
}
