package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TargetDensity} of this module meets: finite and non-negative
 * everywhere, an IllegalArgumentException for non-finite input, batch equal to scalar, and
 * the Monte Carlo integral over the generation box equal to the known normalisation.
 */
abstract class AbstractTargetDensityContractTest {

    private static final int MONTE_CARLO_POINTS = 1_000_000;
    /** Monte Carlo agreement in standard errors. */
    private static final double STANDARD_ERRORS = 4.0;

    /** The density under test. */
    abstract TargetDensity density();

    /** The box that holds its whole support. */
    abstract PhaseSpaceBox generationBox();

    /** The integral of the density over all four variables, from an independent method. */
    abstract double expectedIntegral();

    @Test
    void finiteAndNonNegativeInAndAroundTheBackgroundBox() {
        TargetDensity density = density();
        PhaseSpaceBox wide = generationBox().widened(0.5);
        SplittableRandom random = new SplittableRandom(5L);
        for (int n = 0; n < 50_000; n++) {
            double[] x = new double[4];
            for (int i = 0; i < 4; i++) {
                x[i] = wide.lower(i) + wide.width(i) * random.nextDouble();
            }
            double p = density.density(x);
            assertThat(Double.isFinite(p) && p >= 0.0).as("p = %s", p).isTrue();
            if (!generationBox().contains(x)) {
                assertThat(p).as("outside the generation box").isZero();
            }
        }
    }

    @Test
    void nonFiniteInputIsRejected() {
        for (int i = 0; i < 4; i++) {
            double[] x = {1.0, 0.8, 0.3, 0.1};
            x[i] = Double.NaN;
            assertThatThrownBy(() -> density().density(x))
                    .isInstanceOf(IllegalArgumentException.class);
            x[i] = Double.NEGATIVE_INFINITY;
            assertThatThrownBy(() -> density().density(x))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void batchEqualsScalar() {
        double[][] x = CcqeTargetDensityTest.randomPoints(5000, 9L);
        double[] out = new double[5000];
        density().density(x[0], x[1], x[2], x[3], out, 0, out.length);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isEqualTo(density().density(x[0][i], x[1][i], x[2][i], x[3][i]));
        }
    }

    @Test
    void monteCarloIntegralOverTheBoxMatchesTheNormalisation() {
        TargetDensity density = density();
        PhaseSpaceBox box = generationBox();
        SplittableRandom random = new SplittableRandom(13L);
        double[][] x = new double[4][MONTE_CARLO_POINTS];
        double[] proposal = new double[MONTE_CARLO_POINTS];
        for (int n = 0; n < MONTE_CARLO_POINTS; n++) {
            proposal[n] = drawFromProposal(random, box, x, n);
        }
        double[] p = new double[MONTE_CARLO_POINTS];
        density.density(x[0], x[1], x[2], x[3], p, 0, MONTE_CARLO_POINTS);
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int n = 0; n < MONTE_CARLO_POINTS; n++) {
            double w = p[n] / proposal[n];
            sum += w;
            sumSquares += w * w;
        }
        double estimate = sum / MONTE_CARLO_POINTS;
        double standardError = Math.sqrt((sumSquares / MONTE_CARLO_POINTS - estimate * estimate)
                / MONTE_CARLO_POINTS);
        double expected = expectedIntegral();
        assertThat(standardError / expected).as("relative standard error").isLessThan(0.015);
        assertThat(estimate).isCloseTo(expected, within(STANDARD_ERRORS * standardError));
    }

    /**
     * Importance sampling for a low-variance integral: with probability {@link #UNIFORM_SHARE}
     * uniform in the box, else uniform {@code E_nu} and {@code p_N}, a half-normal forward
     * {@code theta} and a normal {@code p_mu} about the free quasi-elastic value. Returns the
     * proposal density of the mixture at the drawn point; the uniform part covers the whole
     * support, so the estimate is unbiased.
     */
    private static double drawFromProposal(SplittableRandom r, PhaseSpaceBox box,
            double[][] x, int n) {
        if (r.nextDouble() < UNIFORM_SHARE) {
            for (int i = 0; i < 4; i++) {
                x[i][n] = box.lower(i) + box.width(i) * r.nextDouble();
            }
        } else {
            x[0][n] = box.lower(0) + box.width(0) * r.nextDouble();
            x[3][n] = box.lower(3) + box.width(3) * r.nextDouble();
            x[2][n] = Math.abs(angleScale(x[0][n]) * r.nextGaussian());
            x[1][n] = quasiElasticMomentum(x[0][n], x[2][n])
                    + momentumScale(x[0][n]) * r.nextGaussian();
        }
        double e = x[0][n];
        double theta = x[2][n];
        double uniform = box.contains(e, x[1][n], theta, x[3][n]) ? 1.0 / box.volume() : 0.0;
        double inEnergyAndNucleon = e >= box.lower(0) && e <= box.upper(0)
                && x[3][n] >= box.lower(3) && x[3][n] <= box.upper(3)
                ? 1.0 / (box.width(0) * box.width(3)) : 0.0;
        double angle = theta >= 0.0 ? 2.0 * gaussian(theta, angleScale(e)) : 0.0;
        double momentum = gaussian(x[1][n] - quasiElasticMomentum(e, theta), momentumScale(e));
        return UNIFORM_SHARE * uniform
                + (1.0 - UNIFORM_SHARE) * inEnergyAndNucleon * angle * momentum;
    }

    private static final double UNIFORM_SHARE = 0.2;
    private static final double NUCLEON_MASS_GEV = 0.939;

    /** Muon momentum of elastic scattering on a nucleon at rest (muon mass neglected). */
    private static double quasiElasticMomentum(double e, double theta) {
        return e * NUCLEON_MASS_GEV / (NUCLEON_MASS_GEV + e * (1.0 - Math.cos(theta)));
    }

    private static double angleScale(double e) {
        return Math.min(1.2, 0.8 / Math.sqrt(Math.max(e, 0.05)));
    }

    private static double momentumScale(double e) {
        return 0.02 + 0.08 * Math.max(e, 0.0);
    }

    private static double gaussian(double dx, double sigma) {
        return Math.exp(-0.5 * dx * dx / (sigma * sigma)) / (sigma * Math.sqrt(2.0 * Math.PI));
    }
}
