package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many random points inside, around and far outside the background box: the density is never
 * NaN or negative, exactly 0 where a support condition of ccqe-model.md fails and positive
 * where every condition holds. The conditions are recomputed here from the formulas, with a
 * margin of {@link #MARGIN} so that points on an edge (where rounding decides) are only
 * required to be finite and non-negative.
 */
class RandomizedSupportTest {

    private static final int POINTS = 150_000;
    private static final double MARGIN = 1e-9;

    private enum Verdict { INSIDE, OUTSIDE, EDGE }

    @ParameterizedTest
    @CsvSource({
        "MUON_ANTINEUTRINO, true, 0.025, 1",
        "MUON_NEUTRINO, true, 0.025, 2",
        "MUON_ANTINEUTRINO, false, 0.0, 3",
        "MUON_NEUTRINO, false, 0.025, 4",
    })
    void densityIsZeroExactlyWhereTheSupportConditionsSay(Flavour flavour, boolean pauli,
            double removalEnergy, long seed) {
        CcqeParameters parameters = CcqeParameters.builder().flavour(flavour)
                .pauliBlocking(pauli).removalEnergyGeV(removalEnergy).build();
        CcqeTargetDensity density = new CcqeTargetDensity(parameters);
        PhaseSpaceBox background = PhaseSpaceBox.background(parameters);
        SplittableRandom random = new SplittableRandom(seed);
        int inside = 0;
        int outside = 0;
        for (int n = 0; n < POINTS; n++) {
            double[] x = draw(random, background, n % 4);
            double p = density.density(x);
            assertThat(Double.isFinite(p) && p >= 0.0)
                    .as("p(%s) = %s", Arrays.toString(x), p).isTrue();
            Verdict verdict = verdict(parameters, x);
            if (verdict == Verdict.INSIDE) {
                assertThat(p).as("p at %s", Arrays.toString(x)).isPositive();
                inside++;
            } else if (verdict == Verdict.OUTSIDE) {
                assertThat(p).as("p at %s", Arrays.toString(x)).isZero();
                outside++;
            }
        }
        assertThat(inside).as("points in the support").isGreaterThan(POINTS / 20);
        assertThat(outside).as("points outside the support").isGreaterThan(POINTS / 4);
    }

    /**
     * Four kinds of points: uniform in the background box; near the quasi-elastic ridge; near
     * the Fermi edge with forward muons; far outside (huge, tiny, negative values).
     */
    private static double[] draw(SplittableRandom r, PhaseSpaceBox box, int kind) {
        double[] x = new double[4];
        switch (kind) {
            case 0:
                for (int i = 0; i < 4; i++) {
                    x[i] = box.lower(i) + box.width(i) * r.nextDouble();
                }
                return x;
            case 1:
                x[0] = 10.2 * r.nextDouble();
                x[1] = x[0] * (0.4 + 0.65 * r.nextDouble());
                x[2] = 0.8 * r.nextDouble();
                x[3] = 0.23 * r.nextDouble();
                return x;
            case 2:
                x[0] = 0.1 + 2.0 * r.nextDouble();
                x[1] = x[0] - 0.05 * r.nextDouble();
                x[2] = 0.3 * r.nextDouble();
                x[3] = 0.2 + 0.03 * r.nextDouble();
                return x;
            default:
                for (int i = 0; i < 4; i++) {
                    double scale = Math.pow(10.0, -300.0 + 600.0 * r.nextDouble());
                    x[i] = (r.nextBoolean() ? 1.0 : -1.0) * Math.min(scale, 1e300);
                }
                return x;
        }
    }

    /** The support conditions of ccqe-model.md, recomputed independently of the kernel. */
    private static Verdict verdict(CcqeParameters p, double[] x) {
        double eNu = x[0];
        double pMu = x[1];
        double theta = x[2];
        double pN = x[3];
        double kF = p.fermiMomentumGeV();
        double[] margins = new double[8];
        int k = 0;
        margins[k++] = pN;
        margins[k++] = kF - pN;
        margins[k++] = Math.min(theta, Math.PI - theta);
        margins[k++] = Math.min(eNu, p.maxNeutrinoEnergyGeV() - eNu);
        margins[k++] = Math.min(pMu, p.maxMuonMomentumGeV() - pMu);
        if (min(margins, k) < -MARGIN) {
            return Verdict.OUTSIDE;
        }
        if (min(margins, k) <= MARGIN) {
            return Verdict.EDGE;
        }
        double m = p.muonMassGeV();
        double omega = eNu - Math.sqrt(pMu * pMu + m * m);
        double mi = p.initialNucleonMassGeV();
        double mf = p.finalNucleonMassGeV();
        double eFinal = Math.sqrt(mi * mi + pN * pN) + omega - p.removalEnergyGeV();
        double pFinal2 = eFinal * eFinal - mf * mf;
        double q2 = eNu * eNu + pMu * pMu - 2.0 * eNu * pMu * Math.cos(theta);
        double cosAlpha = (pFinal2 - pN * pN - q2) / (2.0 * pN * Math.sqrt(q2));
        k = 0;
        margins[k++] = eFinal - mf;
        margins[k++] = p.pauliBlocking() ? pFinal2 - kF * kF : 1.0;
        margins[k++] = 1.0 - Math.abs(cosAlpha);
        double worst = min(margins, k);
        if (worst < -MARGIN) {
            return Verdict.OUTSIDE;
        }
        return worst > MARGIN ? Verdict.INSIDE : Verdict.EDGE;
    }

    private static double min(double[] values, int count) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            m = Math.min(m, values[i]);
        }
        return m;
    }
}
