package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.enis.physics.ReferenceValues.TOLERANCE;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CcqeTargetDensityTest {

    private static final double DEG30 = Math.toRadians(30.0);

    private final CcqeTargetDensity nu =
            new CcqeTargetDensity(ReferenceValues.reference(Flavour.MUON_NEUTRINO));
    private final CcqeTargetDensity nubar =
            new CcqeTargetDensity(ReferenceValues.reference(Flavour.MUON_ANTINEUTRINO));

    @Test
    void densityPointsMatchTheReference() {
        double c = Math.cos(DEG30);
        assertThat(nu.crossSectionPerCosTheta(1.0, 0.80, c, 0.15))
                .isCloseTo(74.05, within(74.05 * TOLERANCE));
        assertThat(nubar.crossSectionPerCosTheta(1.0, 0.80, c, 0.15))
                .isCloseTo(31.41, within(31.41 * TOLERANCE));
        // The generated variable is theta: the density carries the sin(theta) Jacobian.
        assertThat(nu.density(1.0, 0.80, DEG30, 0.15))
                .isCloseTo(74.05 * 0.5, within(74.05 * 0.5 * TOLERANCE));
    }

    @Test
    void zeroPointOutsideTheEnergyConservationSupport() {
        assertThat(cosAlpha0(ReferenceValues.reference(Flavour.MUON_NEUTRINO), 1.0, 0.70,
                DEG30, 0.10)).isCloseTo(2.86, within(0.005));
        assertThat(nu.density(1.0, 0.70, DEG30, 0.10)).isZero();
        assertThat(nu.crossSectionPerCosTheta(1.0, 0.70, Math.cos(DEG30), 0.10)).isZero();
    }

    @Test
    void zeroPointByPauliBlocking() {
        CcqeParameters p = ReferenceValues.reference(Flavour.MUON_NEUTRINO);
        double theta = Math.toRadians(3.0);
        assertThat(cosAlpha0(p, 1.0, 0.96, theta, 0.15)).isCloseTo(0.81, within(0.005));
        assertThat(finalNucleonMomentum(p, 1.0, 0.96, 0.15)).isCloseTo(0.206, within(0.0005));
        assertThat(nu.density(1.0, 0.96, theta, 0.15)).isZero();
        CcqeTargetDensity unblocked = new CcqeTargetDensity(p.toBuilder().pauliBlocking(false)
                .build());
        assertThat(unblocked.density(1.0, 0.96, theta, 0.15)).isPositive();
    }

    @Test
    void antineutrinoDensityPeaksAtAboutOneHundredAndTwoOnTheFermiEdge() {
        CcqeTargetDensity density = new CcqeTargetDensity(CcqeParameters.defaults());
        double best = 0.0;
        double bestMuon = 0.0;
        double bestAngle = 0.0;
        for (double pMu = 0.955; pMu < 0.975; pMu += 0.00002) {
            for (double theta = 0.08; theta < 0.15; theta += 0.001) {
                double value = density.density(1.0, pMu, theta, 0.225);
                if (value > best) {
                    best = value;
                    bestMuon = pMu;
                    bestAngle = theta;
                }
            }
        }
        assertThat(best).isCloseTo(102.0, within(102.0 * 0.01));
        assertThat(bestMuon).isCloseTo(0.968, within(0.0005));
        assertThat(bestAngle).isCloseTo(0.114, within(0.01));
    }

    @Test
    void nonFiniteInputIsRejectedWithTheValuesNamed() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double b : bad) {
            for (int i = 0; i < 4; i++) {
                double[] x = {1.0, 0.8, 0.5, 0.15};
                x[i] = b;
                assertThatThrownBy(() -> nubar.density(x))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(String.valueOf(b));
            }
        }
        double[] e = {1.0, Double.NaN};
        double[] other = {0.5, 0.5};
        assertThatThrownBy(() -> nubar.density(e, other, other, new double[] {0.1, 0.1},
                new double[2], 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nubar.crossSectionPerCosTheta(1.0, 0.8, 1.5, 0.1))
                .hasMessageContaining("cos(theta_mu) must be in [-1, 1], got 1.5");
    }

    @Test
    void batchEqualsScalarAndWritesOnlyItsRange() {
        int n = 10_000;
        double[][] x = randomPoints(n, 7L);
        double[] out = new double[n];
        Arrays.fill(out, -1.0);
        nubar.density(x[0], x[1], x[2], x[3], out, 100, n - 100);
        for (int i = 0; i < n; i++) {
            double expected = i < 100 || i >= n - 100 ? -1.0
                    : nubar.density(x[0][i], x[1][i], x[2][i], x[3][i]);
            assertThat(out[i]).isEqualTo(expected);
        }
        assertThatThrownBy(() -> nubar.density(x[0], x[1], x[2], x[3], new double[5], 0, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> nubar.density(x[0], x[1], x[2], x[3], out, 5, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void batchIsSafeFromSeveralThreads() throws Exception {
        int n = 200_000;
        double[][] x = randomPoints(n, 11L);
        double[] sequential = new double[n];
        nubar.density(x[0], x[1], x[2], x[3], sequential, 0, n);
        double[] parallel = new double[n];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] futures = new Future<?>[8];
            for (int t = 0; t < futures.length; t++) {
                int from = t * n / futures.length;
                int to = (t + 1) * n / futures.length;
                futures[t] = pool.submit(() ->
                        nubar.density(x[0], x[1], x[2], x[3], parallel, from, to));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void batchAllocatesNothingPerPoint() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 100_000;
        double[][] x = randomPoints(n, 3L);
        double[] out = new double[n];
        for (int warm = 0; warm < 20; warm++) {
            nubar.density(x[0], x[1], x[2], x[3], out, 0, n);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        nubar.density(x[0], x[1], x[2], x[3], out, 0, n);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(allocated).as("bytes allocated by a %s-point batch", n).isLessThan(1024);
    }

    @Test
    void muonMomentumAboveTheGeneratedRangeHasZeroDensity() {
        CcqeTargetDensity narrow = new CcqeTargetDensity(CcqeParameters.defaults().toBuilder()
                .maxMuonMomentumGeV(0.9).build());
        CcqeTargetDensity wide = new CcqeTargetDensity(CcqeParameters.defaults());
        assertThat(wide.density(1.0, 0.95, 0.2, 0.22)).isPositive();
        assertThat(narrow.density(1.0, 0.95, 0.2, 0.22)).isZero();
        assertThat(narrow.generationBox().upper(1)).isEqualTo(0.9);
    }

    @Test
    void describesItsParametersAndFlux() {
        assertThat(nubar.parameters()).isEqualTo(ReferenceValues.reference(
                Flavour.MUON_ANTINEUTRINO));
        assertThat(nubar.toString()).contains("axialMassGeV=1.0;").contains("flat-flux-v1");
    }

    /** {@code cos(alpha0)} from the ccqe-model.md formula. */
    static double cosAlpha0(CcqeParameters p, double eNu, double pMu, double theta,
            double pN) {
        double q2 = eNu * eNu + pMu * pMu - 2.0 * eNu * pMu * Math.cos(theta);
        double pFinal = finalNucleonMomentum(p, eNu, pMu, pN);
        return (pFinal * pFinal - pN * pN - q2) / (2.0 * pN * Math.sqrt(q2));
    }

    /** {@code |p'|} from the ccqe-model.md formula. */
    static double finalNucleonMomentum(CcqeParameters p, double eNu, double pMu, double pN) {
        double m = p.muonMassGeV();
        double omega = eNu - Math.sqrt(pMu * pMu + m * m);
        double mi = p.initialNucleonMassGeV();
        double eFinal = Math.sqrt(mi * mi + pN * pN) + omega - p.removalEnergyGeV();
        double mf = p.finalNucleonMassGeV();
        return Math.sqrt(eFinal * eFinal - mf * mf);
    }

    /** Points mostly near the quasi-elastic ridge of the default box (many non-zero). */
    static double[][] randomPoints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[4][n];
        for (int i = 0; i < n; i++) {
            double e = 0.2 + 9.8 * random.nextDouble();
            x[0][i] = e;
            x[1][i] = e * (0.5 + 0.5 * random.nextDouble());
            x[2][i] = 0.6 * random.nextDouble();
            x[3][i] = 0.225 * random.nextDouble();
        }
        return x;
    }
}
