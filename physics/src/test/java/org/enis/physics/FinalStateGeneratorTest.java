package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FinalStateGeneratorTest {

    /** Conservation tolerance of issue 3, in GeV. */
    private static final double CONSERVATION_GEV = 1e-9;

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void finalStatesConserveEnergyAndMomentumWithTheResidualNucleus(Flavour flavour) {
        CcqeParameters parameters = CcqeParameters.builder().flavour(flavour).build();
        FinalStateGenerator generator = new FinalStateGenerator(parameters);
        SplittableRandom random = new SplittableRandom(21L);
        double m = parameters.muonMassGeV();
        double mi = parameters.initialNucleonMassGeV();
        double mf = parameters.finalNucleonMassGeV();
        for (double[] x : supportPoints(parameters, 3000, 17L)) {
            FinalState s = generator.generate(x[0], x[1], x[2], x[3], random);
            assertThat(s.conservationImbalance().maxAbsComponent()).isLessThan(CONSERVATION_GEV);
            FourMomentum missing = s.missingFourMomentum();
            assertThat(missing.energyGeV()).isCloseTo(parameters.removalEnergyGeV(),
                    within(CONSERVATION_GEV));
            assertThat(Math.max(Math.abs(missing.pxGeV()), Math.max(Math.abs(missing.pyGeV()),
                    Math.abs(missing.pzGeV())))).isLessThan(CONSERVATION_GEV);
            assertThat(s.muon().massSquared()).isCloseTo(m * m, within(CONSERVATION_GEV));
            assertThat(s.initialNucleon().massSquared()).isCloseTo(mi * mi,
                    within(CONSERVATION_GEV));
            assertThat(s.outgoingNucleon().massSquared()).isCloseTo(mf * mf,
                    within(CONSERVATION_GEV));
            assertThat(s.muon().momentum()).isCloseTo(x[1], within(1e-12));
            assertThat(s.muon().pzGeV() / x[1]).isCloseTo(Math.cos(x[2]), within(1e-12));
            assertThat(s.initialNucleon().momentum()).isCloseTo(x[3], within(1e-12));
            assertThat(s.outgoingNucleon().momentum())
                    .isGreaterThan(parameters.fermiMomentumGeV());
            FourMomentum q = s.neutrino().minus(s.muon());
            double cosAlpha = (q.pxGeV() * s.initialNucleon().pxGeV()
                    + q.pyGeV() * s.initialNucleon().pyGeV()
                    + q.pzGeV() * s.initialNucleon().pzGeV()) / (q.momentum() * x[3]);
            assertThat(cosAlpha).isCloseTo(
                    CcqeTargetDensityTest.cosAlpha0(parameters, x[0], x[1], x[2], x[3]),
                    within(1e-9));
        }
    }

    @Test
    void azimuthDensityIsTheContractionOfTheGeneratedFourVectors() {
        CcqeParameters parameters = CcqeParameters.defaults();
        FinalStateGenerator generator = new FinalStateGenerator(parameters);
        ExplicitContraction contraction = new ExplicitContraction(parameters);
        for (double[] x : supportPoints(parameters, 200, 5L)) {
            int n = 12;
            double[] s = new double[n];
            double mean = 0.0;
            for (int i = 0; i < n; i++) {
                FinalState f = generator.finalState(x[0], x[1], x[2], x[3], 0.7,
                        2.0 * Math.PI * i / n);
                FourMomentum qEff = f.outgoingNucleon().minus(f.initialNucleon());
                s[i] = contraction.contraction(f.neutrino(), f.muon(), f.initialNucleon(), qEff);
                mean += s[i] / n;
            }
            for (int i = 0; i < n; i++) {
                double expected = s[i] / (2.0 * Math.PI * mean);
                assertThat(generator.nucleonAzimuthDensity(x[0], x[1], x[2], x[3],
                        2.0 * Math.PI * i / n)).isCloseTo(expected, within(1e-9 * expected
                                + 1e-12));
            }
        }
    }

    @Test
    void histogramOfDrawnAzimuthsFollowsTheMatrixElement() {
        CcqeParameters parameters = CcqeParameters.defaults();
        FinalStateGenerator generator = new FinalStateGenerator(parameters);
        double[] x = {1.0, 0.48, 1.45, 0.22};
        int bins = 24;
        int draws = 120_000;
        double[] expected = new double[bins];
        double[] uniform = new double[bins];
        for (int b = 0; b < bins; b++) {
            double lo = 2.0 * Math.PI * b / bins;
            double width = 2.0 * Math.PI / bins;
            double sum = 0.0;
            int steps = 64;
            for (int k = 0; k < steps; k++) {
                sum += generator.nucleonAzimuthDensity(x[0], x[1], x[2], x[3],
                        lo + (k + 0.5) * width / steps);
            }
            expected[b] = draws * sum * width / steps;
            uniform[b] = (double) draws / bins;
        }
        long[] counts = new long[bins];
        SplittableRandom random = new SplittableRandom(99L);
        for (int n = 0; n < draws; n++) {
            double phi = generator.generate(x[0], x[1], x[2], x[3], random).nucleonAzimuthRad();
            counts[(int) (phi / (2.0 * Math.PI) * bins)]++;
        }
        // 23 degrees of freedom: chi^2 above 49.7 has probability 0.001.
        assertThat(chiSquare(counts, expected)).isLessThan(49.7);
        assertThat(chiSquare(counts, uniform)).as("the azimuth is not uniform")
                .isGreaterThan(1000.0);
    }

    @Test
    void pointsOutsideTheSupportHaveNoFinalState() {
        FinalStateGenerator generator = new FinalStateGenerator(CcqeParameters.defaults());
        SplittableRandom random = new SplittableRandom(1L);
        assertThatThrownBy(() -> generator.generate(1.0, 0.70, 0.5236, 0.10, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("support");
        assertThatThrownBy(() -> generator.generate(1.0, 0.8, -0.1, 0.15, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(Double.NaN, 0.8, 0.5, 0.15, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void muonAlongTheBeamAxisStillGivesAConservingFinalState() {
        // With theta = 0 or pi the neutrino is parallel to q and S does not depend on phi.
        CcqeParameters parameters = CcqeParameters.defaults();
        FinalStateGenerator generator = new FinalStateGenerator(parameters);
        CcqeTargetDensity density = new CcqeTargetDensity(parameters);
        for (double theta : new double[] {0.0, Math.PI}) {
            assertThat(density.crossSectionPerCosTheta(0.15, 0.01, Math.cos(theta), 0.2))
                    .isPositive();
            FinalState s = generator.generate(0.15, 0.01, theta, 0.2, new SplittableRandom(3L));
            assertThat(s.conservationImbalance().maxAbsComponent())
                    .isLessThan(CONSERVATION_GEV);
            assertThat(generator.nucleonAzimuthDensity(0.15, 0.01, theta, 0.2, 1.0))
                    .isCloseTo(1.0 / (2.0 * Math.PI), within(1e-9));
        }
    }

    @Test
    void generatorIsSafeFromSeveralThreadsWithTheirOwnRandomSources() throws Exception {
        FinalStateGenerator generator = new FinalStateGenerator(CcqeParameters.defaults());
        List<double[]> points = supportPoints(CcqeParameters.defaults(), 500, 8L);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> drawAzimuths(generator, points)));
            }
            double[] sequential = drawAzimuths(generator, points);
            for (Future<double[]> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] drawAzimuths(FinalStateGenerator generator, List<double[]> points) {
        SplittableRandom random = new SplittableRandom(42L);
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            double[] x = points.get(i);
            out[i] = generator.generate(x[0], x[1], x[2], x[3], random).nucleonAzimuthRad();
        }
        return out;
    }

    private static double chiSquare(long[] counts, double[] expected) {
        double chi2 = 0.0;
        for (int i = 0; i < counts.length; i++) {
            double d = counts[i] - expected[i];
            chi2 += d * d / expected[i];
        }
        return chi2;
    }

    /** Random points of positive density (rejection from the quasi-elastic region). */
    static List<double[]> supportPoints(CcqeParameters parameters, int count, long seed) {
        CcqeTargetDensity density = new CcqeTargetDensity(parameters);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> points = new ArrayList<>();
        while (points.size() < count) {
            double e = 0.2 + 9.8 * random.nextDouble();
            double[] x = {e, e * (0.3 + 0.7 * random.nextDouble()), 1.5 * random.nextDouble(),
                parameters.fermiMomentumGeV() * random.nextDouble()};
            if (density.density(x) > 0.0) {
                points.add(x);
            }
        }
        return points;
    }
}
