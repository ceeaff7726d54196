package org.enis.physics;

import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import org.enis.physics.internal.CcqeKernel;
import org.enis.physics.internal.Checks;
import org.enis.physics.internal.GaussKronrod;
import org.enis.physics.internal.SupportIntervals;

/**
 * Integrals of the RFG density at fixed neutrino energy: the total nuclear cross section
 * {@code sigma(E_nu)} per target nucleon and its single and double differentials, in units of
 * 1e-38 cm^2 (per GeV/c, per unit cos(theta) or per rad as named).
 *
 * <p>Method: {@code sigma(E) = int dp_N int dp_mu int dcos(theta) d3sigma}. The innermost
 * integral runs over {@code |q|} ({@code dcos(theta) = |q| d|q|/(E p_mu)}) between the exact
 * support limits {@link CcqeKernel#momentumTransferRange}, where the integrand is smooth. The
 * outer integrals are globally adaptive Gauss-Kronrod (7/15) rules, split first at the
 * support edges (the sharp Pauli edge included), which are located by bisection to 1e-12 of
 * the range. The requested relative accuracy {@code eps} is given to the outermost integral;
 * inner integrals get {@code eps/4} and {@code eps/16}. Measured against {@code eps = 1e-8},
 * the default {@code eps = 1e-4} is met with a wide margin (see {@code NuclearCrossSectionTest}).
 *
 * <p>Immutable and thread-safe.
 */
public final class NuclearCrossSection {

    /** Default relative accuracy of every integral. */
    public static final double DEFAULT_RELATIVE_ACCURACY = 1e-4;
    /** Grid cells used to locate support edges in one variable. */
    private static final int SUPPORT_SAMPLES = 48;
    /** Edge resolution relative to the integration range. */
    private static final double EDGE_RESOLUTION = 1e-12;
    /** Interval budget per adaptive integral. */
    private static final int MAX_INTERVALS = 400;

    private final CcqeParameters parameters;
    private final CcqeKernel kernel;
    private final double relativeAccuracy;
    private final double muonMomentumLimit;

    /** Integrals with {@link #DEFAULT_RELATIVE_ACCURACY}. */
    public NuclearCrossSection(CcqeParameters parameters) {
        this(parameters, DEFAULT_RELATIVE_ACCURACY);
    }

    /**
     * Integrals with a chosen relative accuracy.
     *
     * @throws IllegalArgumentException unless {@code 1e-10 <= relativeAccuracy <= 0.1}
     */
    public NuclearCrossSection(CcqeParameters parameters, double relativeAccuracy) {
        this(parameters, relativeAccuracy, Double.POSITIVE_INFINITY);
    }

    /** Integrals restricted to {@code p_mu <= muonMomentumLimit} (marginals of the density). */
    NuclearCrossSection(CcqeParameters parameters, double relativeAccuracy,
            double muonMomentumLimit) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.relativeAccuracy = Checks.inClosedRange("relativeAccuracy", relativeAccuracy,
                1e-10, 0.1, "");
        this.kernel = new CcqeKernel(parameters);
        this.muonMomentumLimit = muonMomentumLimit;
    }

    /** The parameters. */
    public CcqeParameters parameters() {
        return parameters;
    }

    /** The relative accuracy requested of every integral. */
    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    /**
     * Total cross section {@code sigma(E_nu)} in 1e-38 cm^2 per target nucleon.
     *
     * @throws IllegalArgumentException if {@code eNuGeV} is NaN or infinite
     */
    public double totalCrossSection(double eNuGeV) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        if (!(eNuGeV > 0.0)) {
            return 0.0;
        }
        return integrate(pN -> nucleonMomentumIntegrand(eNuGeV, pN, relativeAccuracy / 4.0),
                0.0, kernel.fermiMomentum(), relativeAccuracy);
    }

    /**
     * {@code dsigma/dp_N} in 1e-38 cm^2 per GeV/c at fixed {@code E_nu}.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite
     */
    public double dSigmaDNucleonMomentum(double eNuGeV, double pNGeV) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        Checks.finite("pNGeV", pNGeV, "GeV/c");
        return nucleonMomentumIntegrand(eNuGeV, pNGeV, relativeAccuracy);
    }

    /**
     * {@code dsigma/dp_mu} in 1e-38 cm^2 per GeV/c at fixed {@code E_nu}.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite
     */
    public double dSigmaDMuonMomentum(double eNuGeV, double pMuGeV) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        Checks.finite("pMuGeV", pMuGeV, "GeV/c");
        if (!(pMuGeV > 0.0 && pMuGeV <= muonMomentumLimit)) {
            return 0.0;
        }
        double[] range = new double[2];
        DoublePredicate inSupport =
                pN -> kernel.momentumTransferRange(eNuGeV, pMuGeV, pN, range);
        return integrateOverSupport(
                pN -> transferIntegral(eNuGeV, pMuGeV, pN, relativeAccuracy / 4.0),
                inSupport, 0.0, kernel.fermiMomentum(), relativeAccuracy);
    }

    /**
     * {@code dsigma/dcos(theta_mu)} in 1e-38 cm^2 at fixed {@code E_nu}.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite or
     *     {@code |cosTheta| > 1}
     */
    public double dSigmaDCosTheta(double eNuGeV, double cosThetaMu) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        Checks.inClosedRange("cosThetaMu", cosThetaMu, -1.0, 1.0, "");
        return integrate(pN -> muonMomentumIntegral(eNuGeV, cosThetaMu, pN,
                relativeAccuracy / 4.0), 0.0, kernel.fermiMomentum(), relativeAccuracy);
    }

    /**
     * {@code dsigma/dtheta_mu = sin(theta) dsigma/dcos(theta)} in 1e-38 cm^2 per rad at fixed
     * {@code E_nu}; 0 outside {@code [0, pi]}.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite
     */
    public double dSigmaDTheta(double eNuGeV, double thetaMuRad) {
        Checks.finite("thetaMuRad", thetaMuRad, "rad");
        if (!(thetaMuRad >= 0.0 && thetaMuRad <= Math.PI)) {
            return 0.0;
        }
        return Math.sin(thetaMuRad) * dSigmaDCosTheta(eNuGeV, Math.cos(thetaMuRad));
    }

    /**
     * The RFG double-differential cross section {@code d2sigma/(dp_mu dcos(theta))} in
     * 1e-38 cm^2 per GeV/c per target nucleon: the density integrated over {@code p_N}.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite or
     *     {@code |cosTheta| > 1}
     */
    public double doubleDifferential(double eNuGeV, double pMuGeV, double cosThetaMu) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        Checks.finite("pMuGeV", pMuGeV, "GeV/c");
        Checks.inClosedRange("cosThetaMu", cosThetaMu, -1.0, 1.0, "");
        if (!(pMuGeV <= muonMomentumLimit)) {
            return 0.0;
        }
        double[] range = new double[2];
        return integrateOverSupport(
                pN -> kernel.evaluate(eNuGeV, pMuGeV, cosThetaMu, pN, null),
                pN -> inSupport(eNuGeV, pMuGeV, cosThetaMu, pN, range),
                0.0, kernel.fermiMomentum(), relativeAccuracy);
    }

    /** {@code dsigma/dp_N}: the density integrated over {@code p_mu} and {@code |q|}. */
    private double nucleonMomentumIntegrand(double eNu, double pN, double accuracy) {
        double pMuMax = Math.min(kernel.maxMuonMomentum(eNu, pN), muonMomentumLimit);
        if (!(pMuMax > 0.0 && pN > 0.0 && pN <= kernel.fermiMomentum())) {
            return 0.0;
        }
        double[] range = new double[2];
        return integrateOverSupport(pMu -> transferIntegral(eNu, pMu, pN, accuracy / 4.0),
                pMu -> kernel.momentumTransferRange(eNu, pMu, pN, range),
                0.0, pMuMax, accuracy);
    }

    /** {@code int dcos(theta) d3sigma} at fixed {@code (E_nu, p_mu, p_N)}, over {@code |q|}. */
    private double transferIntegral(double eNu, double pMu, double pN, double accuracy) {
        double[] range = new double[2];
        if (!kernel.momentumTransferRange(eNu, pMu, pN, range)) {
            return 0.0;
        }
        double jacobian = 1.0 / (eNu * pMu);
        double sum2 = eNu * eNu + pMu * pMu;
        return integrate(q -> {
            double cosTheta = Math.max(-1.0, Math.min(1.0, (sum2 - q * q) * 0.5 * jacobian));
            return q * jacobian * kernel.evaluate(eNu, pMu, cosTheta, pN, null);
        }, range[0], range[1], accuracy);
    }

    /** {@code int dp_mu d3sigma} at fixed {@code (E_nu, cos(theta), p_N)}. */
    private double muonMomentumIntegral(double eNu, double cosTheta, double pN,
            double accuracy) {
        double pMuMax = Math.min(kernel.maxMuonMomentum(eNu, pN), muonMomentumLimit);
        if (!(pMuMax > 0.0 && pN > 0.0)) {
            return 0.0;
        }
        double[] range = new double[2];
        double[] probes = new double[3];
        int probeCount = kernel.energyConservationProbes(eNu, cosTheta, pN, probes);
        double[] pieces = SupportIntervals.find(
                pMu -> inSupport(eNu, pMu, cosTheta, pN, range), 0.0, pMuMax,
                SUPPORT_SAMPLES, EDGE_RESOLUTION * pMuMax, probes, probeCount);
        double sum = 0.0;
        for (int i = 0; i < pieces.length; i += 2) {
            sum += integrate(pMu -> kernel.evaluate(eNu, pMu, cosTheta, pN, null), pieces[i],
                    pieces[i + 1], accuracy);
        }
        return sum;
    }

    private boolean inSupport(double eNu, double pMu, double cosTheta, double pN,
            double[] range) {
        if (!kernel.momentumTransferRange(eNu, pMu, pN, range)) {
            return false;
        }
        double q = Math.sqrt(Math.max(0.0, eNu * eNu + pMu * pMu - 2.0 * eNu * pMu * cosTheta));
        return q >= range[0] && q <= range[1];
    }

    private static double integrateOverSupport(DoubleUnaryOperator f, DoublePredicate inSupport,
            double a, double b, double accuracy) {
        if (!(b > a)) {
            return 0.0;
        }
        double[] pieces = SupportIntervals.find(inSupport, a, b, SUPPORT_SAMPLES,
                EDGE_RESOLUTION * (b - a));
        double sum = 0.0;
        for (int i = 0; i < pieces.length; i += 2) {
            sum += integrate(f, pieces[i], pieces[i + 1], accuracy);
        }
        return sum;
    }

    private static double integrate(DoubleUnaryOperator f, double a, double b,
            double accuracy) {
        return GaussKronrod.integrateWithError(f, a, b, accuracy, 0.0, MAX_INTERVALS).value();
    }
}
