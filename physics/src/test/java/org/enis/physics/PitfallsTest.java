package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.enis.physics.cli.CcqeCommand;
import org.enis.physics.internal.CcqeKernel;
import org.enis.physics.internal.GaussKronrod;
import org.junit.jupiter.api.Test;

/** One test per pitfall listed at the end of shared/reference/ccqe-model.md. */
class PitfallsTest {

    private final CcqeParameters parameters = CcqeParameters.defaults();
    private final CcqeTargetDensity density = new CcqeTargetDensity(parameters);

    /** Pitfall 1: a cross section labelled for one phase space but computed in another. */
    @Test
    void thetaAndCosThetaDensitiesDifferByTheExplicitJacobian() {
        for (double[] x : FinalStateGeneratorTest.supportPoints(parameters, 500, 4L)) {
            assertThat(density.density(x)).isCloseTo(Math.sin(x[2])
                    * density.crossSectionPerCosTheta(x[0], x[1], Math.cos(x[2]), x[3]),
                    within(1e-12 * density.density(x)));
        }
        NuclearCrossSection sigma = new NuclearCrossSection(parameters, 1e-6);
        double e = 1.0;
        double total = sigma.totalCrossSection(e);
        double overTheta = GaussKronrod.integrate(t -> sigma.dSigmaDTheta(e, t), 0.0, Math.PI,
                1e-5, 0.0);
        double overCosTheta = GaussKronrod.integrate(c -> sigma.dSigmaDCosTheta(e, c), -1.0,
                1.0, 1e-5, 0.0);
        assertThat(overTheta).isCloseTo(total, within(total * 1e-3));
        assertThat(overCosTheta).isCloseTo(total, within(total * 1e-3));
    }

    /** Pitfall 2: a maximum (envelope) found in one variable reused for another. */
    @Test
    void envelopeOfTheThetaDensityDoesNotBoundTheCosThetaDensity() {
        double maxInTheta = 0.0;
        double maxInCosTheta = 0.0;
        for (double pMu = 0.90; pMu < 0.975; pMu += 0.0005) {
            for (double theta = 0.005; theta < 0.4; theta += 0.005) {
                maxInTheta = Math.max(maxInTheta, density.density(1.0, pMu, theta, 0.225));
                maxInCosTheta = Math.max(maxInCosTheta,
                        density.crossSectionPerCosTheta(1.0, pMu, Math.cos(theta), 0.225));
            }
        }
        // Near the forward peak the cos(theta) density is p/sin(theta), several times larger:
        // an envelope taken from one would let weights of the other exceed it.
        assertThat(maxInTheta).isCloseTo(102.0, within(2.0));
        assertThat(maxInCosTheta).isGreaterThan(5.0 * maxInTheta);
    }

    /** Pitfall 3: threshold or kinematic-edge evaluation that produces NaN. */
    @Test
    void exactEdgesAndExtremeValuesGiveFiniteNonNegativeDensities() {
        CcqeKernel kernel = new CcqeKernel(parameters);
        double kF = parameters.fermiMomentumGeV();
        double threshold = density.energyThresholdLowerBoundGeV();
        double edgeMuon = kernel.maxMuonMomentum(1.0, kF);
        double[] energies = {0.0, Double.MIN_VALUE, 1e-300, threshold, Math.nextUp(threshold),
            0.1130, 1.0, 10.0, Math.nextUp(10.0), 1e300, -1e300};
        double[] muons = {0.0, Double.MIN_VALUE, 0.5, edgeMuon, Math.nextDown(edgeMuon),
            Math.nextUp(edgeMuon), 1.0, 10.0, 1e300, -1.0};
        double[] angles = {0.0, Double.MIN_VALUE, 1e-8, Math.PI / 2, Math.PI,
            Math.nextDown(Math.PI), Math.nextUp(Math.PI), -Double.MIN_VALUE, 7.0, -1e300};
        double[] nucleons = {0.0, Double.MIN_VALUE, 1e-300, 0.1, kF, Math.nextUp(kF),
            Math.nextDown(kF), -0.1, 1e300};
        int positive = 0;
        for (double e : energies) {
            for (double pMu : muons) {
                for (double theta : angles) {
                    for (double pN : nucleons) {
                        double p = density.density(e, pMu, theta, pN);
                        assertThat(Double.isFinite(p) && p >= 0.0)
                                .as("p(%s, %s, %s, %s) = %s", e, pMu, theta, pN, p).isTrue();
                        positive += p > 0.0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(positive).as("some edge points lie inside the support").isPositive();
        FreeNucleonCrossSection free = new FreeNucleonCrossSection(parameters);
        assertThat(free.totalCrossSection(free.thresholdGeV())).isZero();
        assertThat(free.totalCrossSection(Math.nextUp(free.thresholdGeV()))).isNotNaN();
        assertThat(new NuclearCrossSection(parameters).totalCrossSection(threshold)).isZero();
    }

    /** Pitfall 4: weights above the envelope must be counted and reported, never clipped. */
    @Test
    void weightsAboveTheEnvelopeAreCountedAndKept() {
        CcqeTargetDensity target = new CcqeTargetDensity(parameters.toBuilder()
                .axialMassGeV(1.35).build());
        double envelope = 1.3;
        ParameterReweighting reweighting = new ParameterReweighting(density, target, envelope);
        List<double[]> points = FinalStateGeneratorTest.supportPoints(parameters, 20_000, 6L);
        double[][] x = columns(points);
        double[] weights = new double[points.size()];
        ParameterReweighting.Report report = reweighting.reweight(x[0], x[1], x[2], x[3],
                weights, 0, weights.length);
        long above = 0;
        double max = 0.0;
        for (int i = 0; i < weights.length; i++) {
            double expected = target.density(points.get(i)) / density.density(points.get(i));
            assertThat(weights[i]).isEqualTo(expected);
            above += weights[i] > envelope ? 1 : 0;
            max = Math.max(max, weights[i]);
        }
        assertThat(above).isPositive();
        assertThat(report.aboveEnvelope()).isEqualTo(above);
        assertThat(report.maxWeight()).isEqualTo(max).isGreaterThan(envelope);
        assertThat(report.problems()).anyMatch(line -> line.contains("exceed the envelope"));

        // The final-state generator's own envelope (azimuthal rejection) is never exceeded.
        CcqeKernel kernel = new CcqeKernel(parameters);
        CcqeKernel.Solution s = new CcqeKernel.Solution();
        for (double[] point : points.subList(0, 2000)) {
            kernel.evaluate(point[0], point[1], Math.cos(point[2]), point[3], s);
            double bound = s.s0 + Math.abs(s.s1) + s.s2;
            for (int k = 0; k < 64; k++) {
                double c = Math.cos(2.0 * Math.PI * k / 64);
                assertThat(s.s0 + s.s1 * c + s.s2 * c * c).isLessThanOrEqualTo(bound)
                        .isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    /** Pitfall 5: a run that asks only for energies below threshold. */
    @Test
    void belowThresholdOnlyRequestsEndWithAClearMessage() {
        assertThatThrownBy(() -> new CcqeTargetDensity(parameters, Flux.flat(0.0, 0.12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the CCQE threshold")
                .hasMessageContaining("zero everywhere");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CcqeCommand.run(new PrintWriter(out), new PrintWriter(err),
                "density", "--max-energy", "0.1", "-x", "0.09,0.05,0.3,0.1");
        assertThat(code).isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("error:").contains("threshold");
        StringWriter sigmaOut = new StringWriter();
        StringWriter sigmaErr = new StringWriter();
        int sigmaCode = CcqeCommand.run(new PrintWriter(sigmaOut), new PrintWriter(sigmaErr),
                "sigma", "-e", "0.05,0.1");
        assertThat(sigmaCode).isZero();
        assertThat(sigmaErr.toString()).contains("below the CCQE threshold");
        assertThat(sigmaOut.toString()).contains("0.0500000,0.00000,0.00000,nan");
    }

    /** Pitfall 6: reweighting far from the generated parameters. */
    @Test
    void reweightingFarFromTheGeneratedParametersIsReported() {
        List<double[]> points = FinalStateGeneratorTest.supportPoints(parameters, 20_000, 12L);
        double[][] x = columns(points);
        double[] weights = new double[points.size()];

        ParameterReweighting near = new ParameterReweighting(density, new CcqeTargetDensity(
                parameters.toBuilder().axialMassGeV(1.05).build()), 3.0);
        ParameterReweighting.Report nearReport = near.reweight(x[0], x[1], x[2], x[3], weights,
                0, weights.length);
        assertThat(nearReport.isClean()).isTrue();
        assertThat(nearReport.effectiveSampleSizeRatio()).isGreaterThan(0.99);

        ParameterReweighting far = new ParameterReweighting(density, new CcqeTargetDensity(
                parameters.toBuilder().axialMassGeV(3.0).build()), 3.0);
        ParameterReweighting.Report farReport = far.reweight(x[0], x[1], x[2], x[3], weights,
                0, weights.length);
        assertThat(farReport.aboveEnvelope()).isPositive();
        assertThat(farReport.effectiveSampleSizeRatio()).isLessThan(0.9);
        assertThat(farReport.problems()).isNotEmpty();
        for (double w : weights) {
            assertThat(Double.isFinite(w) && w >= 0.0).isTrue();
        }

        // A wider Fermi sphere puts target density where nothing was generated.
        CcqeTargetDensity wider = new CcqeTargetDensity(parameters.toBuilder()
                .fermiMomentumGeV(0.26).build());
        List<double[]> targetPoints = FinalStateGeneratorTest.supportPoints(wider.parameters(),
                5000, 13L);
        double[][] y = columns(targetPoints);
        double[] w = new double[targetPoints.size()];
        ParameterReweighting.Report uncovered = new ParameterReweighting(density, wider, 3.0)
                .reweight(y[0], y[1], y[2], y[3], w, 0, w.length);
        assertThat(uncovered.uncovered()).isPositive();
        assertThat(uncovered.problems()).anyMatch(line -> line.contains("not covered"));
    }

    private static double[][] columns(List<double[]> points) {
        double[][] x = new double[4][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int k = 0; k < 4; k++) {
                x[k][i] = points.get(i)[k];
            }
        }
        return x;
    }
}
