package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.enis.physics.internal.GaussKronrod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFG double-differential {@code d2sigma/(dp_mu dcos(theta))} obtained by integrating the
 * target density over {@code p_N} agrees with an independent route: the nucleon momentum in
 * cylindrical coordinates about {@code q}, the energy delta function solved numerically for
 * the longitudinal component, and the contraction averaged over the azimuth numerically from
 * explicit four-vectors ({@link ExplicitContraction}) instead of the closed form.
 */
class DoubleDifferentialTest {

    /**
     * Agreement required of the two routes: tighter than the 0.5 % of issue 3; the midpoint
     * rule over the transverse momentum across the Pauli edge leaves up to 2.5e-4.
     */
    private static final double TOLERANCE = 1e-3;
    private static final int TRANSVERSE_STEPS = 4000;
    private static final int LONGITUDINAL_SCAN = 400;
    private static final int AZIMUTH_POINTS = 12;

    @ParameterizedTest
    @CsvSource({
        "MUON_ANTINEUTRINO, 1.0, 0.815, 0.80",
        "MUON_ANTINEUTRINO, 1.0, 0.900, 0.95",
        "MUON_ANTINEUTRINO, 1.0, 0.600, 0.50",
        "MUON_ANTINEUTRINO, 2.5, 2.197, 0.95",
        "MUON_NEUTRINO, 1.0, 0.810, 0.80",
        "MUON_NEUTRINO, 0.6, 0.355, 0.00",
        "MUON_NEUTRINO, 2.5, 2.400, 0.99",
    })
    void densityIntegratedOverNucleonMomentumMatchesTheIndependentRoute(Flavour flavour,
            double eNu, double pMu, double cosTheta) {
        CcqeParameters parameters = CcqeParameters.builder().flavour(flavour).build();
        CcqeTargetDensity density = new CcqeTargetDensity(parameters);
        double theta = Math.acos(cosTheta);

        double overNucleon = cosTheta == 1.0 ? 0.0 : GaussKronrod.integrateWithError(
                pN -> density.density(eNu, pMu, theta, pN), 0.0,
                parameters.fermiMomentumGeV(), 1e-7, 0.0, 2000).value() / Math.sin(theta);
        double independent = independentRoute(parameters, eNu, pMu, cosTheta);

        assertThat(independent).as("independent route is non-trivial").isGreaterThan(0.01);
        assertThat(overNucleon).isCloseTo(independent, within(independent * TOLERANCE));
        double library = new NuclearCrossSection(parameters, 1e-6)
                .doubleDifferential(eNu, pMu, cosTheta);
        assertThat(library).isCloseTo(independent, within(independent * TOLERANCE));
    }

    /**
     * {@code d2sigma/(dp_mu dcos(theta)) = int pT dpT dphi dpz 3/(4 pi k_F^3) G_F^2 V_ud^2 S
     * p_mu^2 delta(E_N + omega~ - E') / (2 pi E_nu E_N E_mu E')}, in 1e-38 cm^2 per GeV/c.
     */
    private static double independentRoute(CcqeParameters p, double eNu, double pMu,
            double cosTheta) {
        double sinTheta = Math.sqrt(1.0 - cosTheta * cosTheta);
        double m = p.muonMassGeV();
        double eMu = Math.sqrt(pMu * pMu + m * m);
        FourMomentum k = new FourMomentum(eNu, 0.0, 0.0, eNu);
        FourMomentum kPrime = new FourMomentum(eMu, pMu * sinTheta, 0.0, pMu * cosTheta);
        double[] q = {-pMu * sinTheta, 0.0, eNu - pMu * cosTheta};
        double qNorm = Math.sqrt(q[0] * q[0] + q[2] * q[2]);
        double[] ez = {q[0] / qNorm, 0.0, q[2] / qNorm};
        double[] ex = {ez[2], 0.0, -ez[0]};
        double omegaEff = eNu - eMu - p.removalEnergyGeV();
        FourMomentum qEff = new FourMomentum(omegaEff, q[0], q[1], q[2]);
        double kF = p.fermiMomentumGeV();
        double mi = p.initialNucleonMassGeV();
        double mf = p.finalNucleonMassGeV();
        ExplicitContraction contraction = new ExplicitContraction(p);

        double sum = 0.0;
        double dpT = kF / TRANSVERSE_STEPS;
        for (int i = 0; i < TRANSVERSE_STEPS; i++) {
            double pT = (i + 0.5) * dpT;
            double pzMax = Math.sqrt(kF * kF - pT * pT);
            double step = 2.0 * pzMax / LONGITUDINAL_SCAN;
            for (int j = 0; j < LONGITUDINAL_SCAN; j++) {
                double lo = -pzMax + j * step;
                double hi = lo + step;
                if (Math.signum(mismatch(lo, pT, qNorm, omegaEff, mi, mf))
                        == Math.signum(mismatch(hi, pT, qNorm, omegaEff, mi, mf))) {
                    continue;
                }
                double pz = bisect(lo, hi, pT, qNorm, omegaEff, mi, mf);
                double eN = Math.sqrt(mi * mi + pT * pT + pz * pz);
                double eFinal = eN + omegaEff;
                double pFinal2 = pT * pT + (pz + qNorm) * (pz + qNorm);
                if (p.pauliBlocking() && pFinal2 <= kF * kF) {
                    continue;
                }
                double jacobian = Math.abs(pz / eN - (pz + qNorm) / eFinal);
                double azimuthSum = 0.0;
                for (int a = 0; a < AZIMUTH_POINTS; a++) {
                    double phi = 2.0 * Math.PI * a / AZIMUTH_POINTS;
                    double cx = pT * Math.cos(phi);
                    double cy = pT * Math.sin(phi);
                    FourMomentum nucleon = new FourMomentum(eN, cx * ex[0] + pz * ez[0], cy,
                            cx * ex[2] + pz * ez[2]);
                    azimuthSum += contraction.contraction(k, kPrime, nucleon, qEff);
                }
                double azimuthIntegral = 2.0 * Math.PI * azimuthSum / AZIMUTH_POINTS;
                sum += pT * dpT * azimuthIntegral / (jacobian * eN * eFinal);
            }
        }
        double gv = p.fermiConstantPerGeV2() * p.vud();
        double norm = 3.0 / (4.0 * Math.PI * kF * kF * kF) * gv * gv * pMu * pMu
                / (2.0 * Math.PI * eNu * eMu);
        return norm * sum * p.cm2PerGeVMinus2() / 1e-38;
    }

    /** Energy mismatch {@code E_N + omega~ - E'} at longitudinal momentum {@code pz}. */
    private static double mismatch(double pz, double pT, double q, double omegaEff, double mi,
            double mf) {
        return Math.sqrt(mi * mi + pT * pT + pz * pz) + omegaEff
                - Math.sqrt(mf * mf + pT * pT + (pz + q) * (pz + q));
    }

    private static double bisect(double lo, double hi, double pT, double q, double omegaEff,
            double mi, double mf) {
        double a = lo;
        double b = hi;
        double fa = mismatch(a, pT, q, omegaEff, mi, mf);
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (a + b);
            double fm = mismatch(mid, pT, q, omegaEff, mi, mf);
            if (Math.signum(fm) == Math.signum(fa)) {
                a = mid;
                fa = fm;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }
}
