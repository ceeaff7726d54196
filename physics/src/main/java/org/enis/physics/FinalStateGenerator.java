package org.enis.physics;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.enis.physics.internal.CcqeKernel;

/**
 * The exclusive final state of a point {@code x = (E_nu, p_mu, theta_mu, p_N)}: lab-frame
 * four-momenta of the muon and the outgoing nucleon, for detector simulation.
 *
 * <p>The density integrates out two azimuths, which are drawn here:
 * <ul>
 *   <li>the muon azimuth about the beam, uniform in {@code [0, 2 pi)} (the cross section does
 *       not depend on it);</li>
 *   <li>the struck nucleon's azimuth {@code phi} about {@code q}, from the exact dependence
 *       of the contraction, {@code S(phi) = s0 + s1 cos(phi) + s2 cos^2(phi)} (through
 *       {@code k.p} and {@code k'.p}), by rejection against its maximum over {@code phi},
 *       {@code s0 + |s1| + s2} ({@code S} is convex in {@code cos(phi)} since
 *       {@code s2 >= 0}). The acceptance is at least 3/8 for any non-negative quadratic.</li>
 * </ul>
 * The polar angle of the nucleon to {@code q} is {@code alpha0}, fixed by energy conservation.
 *
 * <p>Energy and momentum: the struck nucleon is on shell, {@code (E_N, p_N)}; the outgoing
 * nucleon has {@code E' = E_N + omega - eps_B} and {@code p' = p_N + q}. The removal energy
 * {@code eps_B} is absorbed by the residual nucleus, which recoils with {@code -p_N}; see
 * {@link FinalState} for the exact bookkeeping.
 *
 * <p>Immutable and thread-safe: each caller passes its own random source.
 */
public final class FinalStateGenerator {

    /** Rejection trials before giving up; the acceptance is at least 3/8, so never reached. */
    private static final int MAX_TRIALS = 100_000;
    /** Below this |k_perp|/E the neutrino is along q and any transverse axis will do. */
    private static final double PARALLEL_TOLERANCE = 1e-12;

    private final CcqeParameters parameters;
    private final CcqeKernel kernel;

    /** A generator for the model of {@code parameters}. */
    public FinalStateGenerator(CcqeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.kernel = new CcqeKernel(parameters);
    }

    /** The parameters. */
    public CcqeParameters parameters() {
        return parameters;
    }

    /**
     * Draws the final state of a point of non-zero density.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite, or the cross
     *     section is 0 at the point (outside the support)
     */
    public FinalState generate(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV,
            RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        CcqeKernel.Solution solution = solve(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
        double muonAzimuth = 2.0 * Math.PI * random.nextDouble();
        double nucleonAzimuth = drawNucleonAzimuth(solution, random);
        return assemble(eNuGeV, pMuGeV, thetaMuRad, pNGeV, muonAzimuth, nucleonAzimuth,
                solution);
    }

    /**
     * The final state for given azimuths (deterministic; for tests and reweighting).
     *
     * @throws IllegalArgumentException as {@link #generate}
     */
    public FinalState finalState(double eNuGeV, double pMuGeV, double thetaMuRad,
            double pNGeV, double muonAzimuthRad, double nucleonAzimuthRad) {
        CcqeKernel.Solution solution = solve(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
        return assemble(eNuGeV, pMuGeV, thetaMuRad, pNGeV, muonAzimuthRad, nucleonAzimuthRad,
                solution);
    }

    /**
     * The normalised distribution of the nucleon azimuth about {@code q} at the point:
     * {@code S(phi) / (2 pi <S>)}, a probability density in rad^-1 on {@code [0, 2 pi)}.
     *
     * @throws IllegalArgumentException as {@link #generate}
     */
    public double nucleonAzimuthDensity(double eNuGeV, double pMuGeV, double thetaMuRad,
            double pNGeV, double nucleonAzimuthRad) {
        CcqeKernel.Solution solution = solve(eNuGeV, pMuGeV, thetaMuRad, pNGeV);
        double c = Math.cos(nucleonAzimuthRad);
        double average = solution.s0 + 0.5 * solution.s2;
        return contraction(solution, c) / (2.0 * Math.PI * average);
    }

    private CcqeKernel.Solution solve(double eNu, double pMu, double theta, double pN) {
        if (!(Double.isFinite(eNu) && Double.isFinite(pMu) && Double.isFinite(theta)
                && Double.isFinite(pN))) {
            throw new IllegalArgumentException(String.format("final state needs finite E_nu "
                    + "(GeV), p_mu (GeV/c), theta_mu (rad) and p_N (GeV/c), got (%s, %s, %s, %s)",
                    eNu, pMu, theta, pN));
        }
        CcqeKernel.Solution solution = new CcqeKernel.Solution();
        double value = theta >= 0.0 && theta <= Math.PI
                ? kernel.evaluate(eNu, pMu, Math.cos(theta), pN, solution) : 0.0;
        if (!(value > 0.0)) {
            throw new IllegalArgumentException(String.format("no final state: the cross "
                    + "section is 0 at (E_nu %s GeV, p_mu %s GeV/c, theta_mu %s rad, p_N %s "
                    + "GeV/c), outside the support", eNu, pMu, theta, pN));
        }
        return solution;
    }

    private static double contraction(CcqeKernel.Solution s, double cosPhi) {
        return Math.max(0.0, s.s0 + cosPhi * (s.s1 + cosPhi * s.s2));
    }

    private static double drawNucleonAzimuth(CcqeKernel.Solution s, RandomGenerator random) {
        double bound = s.s0 + Math.abs(s.s1) + Math.max(0.0, s.s2);
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            double phi = 2.0 * Math.PI * random.nextDouble();
            if (random.nextDouble() * bound <= contraction(s, Math.cos(phi))) {
                return phi;
            }
        }
        throw new IllegalStateException("nucleon azimuth: no acceptance in " + MAX_TRIALS
                + " trials with bound " + bound + " and mean " + (s.s0 + 0.5 * s.s2));
    }

    private FinalState assemble(double eNu, double pMu, double theta, double pN,
            double muonAzimuth, double nucleonAzimuth, CcqeKernel.Solution s) {
        double sinTheta = Math.sin(theta);
        double cosTheta = Math.cos(theta);
        double muX = pMu * sinTheta * Math.cos(muonAzimuth);
        double muY = pMu * sinTheta * Math.sin(muonAzimuth);
        double muZ = pMu * cosTheta;
        FourMomentum neutrino = new FourMomentum(eNu, 0.0, 0.0, eNu);
        FourMomentum muon = new FourMomentum(s.muonEnergy, muX, muY, muZ);

        // Frame about q: ez along q, ex along the neutrino's component transverse to q.
        double qx = -muX;
        double qy = -muY;
        double qz = eNu - muZ;
        double qNorm = Math.sqrt(qx * qx + qy * qy + qz * qz);
        double[] ez = {qx / qNorm, qy / qNorm, qz / qNorm};
        double[] ex = {-ez[2] * ez[0], -ez[2] * ez[1], 1.0 - ez[2] * ez[2]};
        double exNorm = Math.sqrt(ex[0] * ex[0] + ex[1] * ex[1] + ex[2] * ex[2]);
        if (exNorm < PARALLEL_TOLERANCE) {
            // Neutrino along q: S does not depend on phi; any transverse axis will do.
            ex = new double[] {1.0, 0.0, 0.0};
            exNorm = 1.0;
        }
        for (int i = 0; i < 3; i++) {
            ex[i] /= exNorm;
        }
        double[] ey = {ez[1] * ex[2] - ez[2] * ex[1], ez[2] * ex[0] - ez[0] * ex[2],
            ez[0] * ex[1] - ez[1] * ex[0]};

        double sinAlpha = Math.sqrt(Math.max(0.0, 1.0 - s.cosAlpha * s.cosAlpha));
        double cx = pN * sinAlpha * Math.cos(nucleonAzimuth);
        double cy = pN * sinAlpha * Math.sin(nucleonAzimuth);
        double cz = pN * s.cosAlpha;
        double px = cx * ex[0] + cy * ey[0] + cz * ez[0];
        double py = cx * ex[1] + cy * ey[1] + cz * ez[1];
        double pz = cx * ex[2] + cy * ey[2] + cz * ez[2];
        FourMomentum initialNucleon = new FourMomentum(s.nucleonEnergy, px, py, pz);
        FourMomentum outgoingNucleon = new FourMomentum(s.finalNucleonEnergy, px + qx,
                py + qy, pz + qz);
        FourMomentum residualRecoil = new FourMomentum(
                parameters.removalEnergyGeV() - s.nucleonEnergy, -px, -py, -pz);
        return new FinalState(neutrino, muon, initialNucleon, outgoingNucleon, residualRecoil,
                muonAzimuth, nucleonAzimuth);
    }
}
