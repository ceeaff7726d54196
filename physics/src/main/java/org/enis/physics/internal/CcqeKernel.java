package org.enis.physics.internal;

import org.enis.physics.CcqeParameters;

/**
 * The fully differential RFG cross section {@code d3sigma/(dp_N dp_mu dcos(theta))} per target
 * nucleon, in 1e-38 cm^2/GeV^2, azimuth-averaged in closed form (shared/reference/
 * ccqe-model.md, "RFG density with the nucleon momentum as a variable").
 *
 * <p>Frame: {@code q} along z, the neutrino in the xz-plane, the nucleon at polar angle
 * {@code alpha0} (fixed by energy conservation) and azimuth {@code phi} about {@code q}. The
 * contraction is {@code S(phi) = s0 + s1 cos(phi) + s2 cos^2(phi)}; its average
 * {@code s0 + s2/2} enters the density. Immutable and thread-safe; {@link #evaluate} allocates
 * nothing.
 */
public final class CcqeKernel {

    /** Cross sections are reported in units of 1e-38 cm^2. */
    public static final double CM2_UNIT = 1.0e-38;

    private final double initialMass;
    private final double initialMass2;
    private final double finalMass2;
    private final double finalMass;
    private final double vertexMass2;
    private final double muonMass2;
    private final double fermiMomentum;
    private final double fermiMomentum2;
    private final double removalEnergy;
    private final boolean pauliBlocking;
    private final double eta;
    private final double inverseVectorMass2;
    private final double inverseAxialMass2;
    private final double pionMass2;
    private final double isovectorMoment;
    private final double axialCoupling;
    private final double inverseFourVertexMass2;
    /** {@code 3/k_F^3 * G_F^2 V_ud^2/(4 pi)} converted to 1e-38 cm^2. */
    private final double normalisation;

    /** Precomputes the constants of {@code parameters}. */
    public CcqeKernel(CcqeParameters parameters) {
        this.initialMass = parameters.initialNucleonMassGeV();
        this.initialMass2 = initialMass * initialMass;
        this.finalMass = parameters.finalNucleonMassGeV();
        this.finalMass2 = finalMass * finalMass;
        double vertexMass = parameters.vertexNucleonMassGeV();
        this.vertexMass2 = vertexMass * vertexMass;
        this.muonMass2 = parameters.muonMassGeV() * parameters.muonMassGeV();
        this.fermiMomentum = parameters.fermiMomentumGeV();
        this.fermiMomentum2 = fermiMomentum * fermiMomentum;
        this.removalEnergy = parameters.removalEnergyGeV();
        this.pauliBlocking = parameters.pauliBlocking();
        this.eta = parameters.flavour().interferenceSign();
        this.inverseVectorMass2 = 1.0 / parameters.vectorMassSquaredGeV2();
        this.inverseAxialMass2 = 1.0 / (parameters.axialMassGeV() * parameters.axialMassGeV());
        this.pionMass2 = parameters.pionMassGeV() * parameters.pionMassGeV();
        this.isovectorMoment = parameters.protonMagneticMoment()
                - parameters.neutronMagneticMoment();
        this.axialCoupling = parameters.axialCoupling();
        this.inverseFourVertexMass2 = 1.0 / (4.0 * vertexMass2);
        double gv = parameters.fermiConstantPerGeV2() * parameters.vud();
        this.normalisation = 3.0 / (fermiMomentum2 * fermiMomentum) * gv * gv
                / (4.0 * Math.PI) * parameters.cm2PerGeVMinus2() / CM2_UNIT;
    }

    /**
     * {@code d3sigma/(dp_N dp_mu dcos(theta))} in 1e-38 cm^2/GeV^2 per target nucleon; exactly
     * 0 outside the support ({@code 0 < p_N <= k_F}, {@code E_nu > 0}, {@code p_mu > 0},
     * {@code |cos(alpha0)| <= 1}, {@code E' > M_f}, Pauli {@code |p'| > k_F}).
     *
     * @param cosTheta cosine of the muon angle, in [-1, 1]
     * @param solution when not null, receives the kinematics and the azimuthal coefficients
     *     of the contraction (only meaningful when the result is positive)
     */
    public double evaluate(double eNu, double pMu, double cosTheta, double pN,
            Solution solution) {
        if (!(pN > 0.0 && pN <= fermiMomentum && eNu > 0.0 && pMu > 0.0)) {
            return 0.0;
        }
        double eMu = Math.sqrt(pMu * pMu + muonMass2);
        double eN = Math.sqrt(initialMass2 + pN * pN);
        double eFinal = eN + eNu - eMu - removalEnergy;
        if (!(eFinal > finalMass)) {
            return 0.0;
        }
        double pFinal2 = eFinal * eFinal - finalMass2;
        if (pauliBlocking && !(pFinal2 > fermiMomentum2)) {
            return 0.0;
        }
        return contraction(eNu, pMu, cosTheta, pN, eMu, eN, eFinal, pFinal2, solution);
    }

    /**
     * The density in {@code theta}: {@code sin(theta) d3sigma/(dp_N dp_mu dcos(theta))}, 0 for
     * {@code theta} outside {@code [0, pi]}. The checks that need no trigonometry come first,
     * so that most points outside the support cost a few square roots.
     */
    public double densityInTheta(double eNu, double pMu, double theta, double pN) {
        if (!(pN > 0.0 && pN <= fermiMomentum && eNu > 0.0 && pMu > 0.0 && theta >= 0.0
                && theta <= Math.PI)) {
            return 0.0;
        }
        double eMu = Math.sqrt(pMu * pMu + muonMass2);
        double eN = Math.sqrt(initialMass2 + pN * pN);
        double eFinal = eN + eNu - eMu - removalEnergy;
        if (!(eFinal > finalMass)) {
            return 0.0;
        }
        double pFinal2 = eFinal * eFinal - finalMass2;
        if (pauliBlocking && !(pFinal2 > fermiMomentum2)) {
            return 0.0;
        }
        // |q| lies in [|E_nu - p_mu|, E_nu + p_mu] at any angle; |cos(alpha0)| <= 1 needs
        // |q| in [|p' - p_N|, p' + p_N]: reject disjoint ranges before any trigonometry.
        double pFinal = Math.sqrt(pFinal2);
        if (eNu + pMu < Math.abs(pFinal - pN) || Math.abs(eNu - pMu) > pFinal + pN) {
            return 0.0;
        }
        double cosTheta = Math.cos(theta);
        double value = contraction(eNu, pMu, cosTheta, pN, eMu, eN, eFinal, pFinal2, null);
        if (value == 0.0) {
            return 0.0;
        }
        // sqrt(1 - cos^2) is exact to rounding away from the poles and cheaper than sin.
        double cos2 = cosTheta * cosTheta;
        double sinTheta = cos2 < SQRT_SIN_LIMIT ? Math.sqrt(1.0 - cos2) : Math.sin(theta);
        return sinTheta * value;
    }

    /** Below this {@code cos^2(theta)}, {@code sin(theta)} is taken as a square root. */
    private static final double SQRT_SIN_LIMIT = 0.98;

    /** The density once the energy of the outgoing nucleon is known to be allowed. */
    private double contraction(double eNu, double pMu, double cosTheta, double pN, double eMu,
            double eN, double eFinal, double pFinal2, Solution solution) {
        double q2 = eNu * eNu + pMu * pMu - 2.0 * eNu * pMu * cosTheta;
        if (!(q2 > 0.0)) {
            return 0.0;
        }
        double q = Math.sqrt(q2);
        double inverseQ = 1.0 / q;
        double cosAlpha = (pFinal2 - pN * pN - q2) * 0.5 * inverseQ / pN;
        if (!(cosAlpha >= -1.0 && cosAlpha <= 1.0)) {
            return 0.0;
        }
        double omega = eNu - eMu;
        double omegaEff = omega - removalEnergy;

        // Form factors at the effective transfer Q~^2 = |q|^2 - omega~^2 (de Forest).
        double bigQ2Eff = q2 - omegaEff * omegaEff;
        double tau = bigQ2Eff * inverseFourVertexMass2;
        double inverseOnePlusTau = 1.0 / (1.0 + tau);
        double dipoleV = 1.0 / (1.0 + bigQ2Eff * inverseVectorMass2);
        double gE = dipoleV * dipoleV;
        double gM = isovectorMoment * gE;
        double f1 = (gE + tau * gM) * inverseOnePlusTau;
        double f2 = (gM - gE) * inverseOnePlusTau;
        double dipoleA = 1.0 / (1.0 + bigQ2Eff * inverseAxialMass2);
        double fA = -axialCoupling * dipoleA * dipoleA;
        double fP = 2.0 * vertexMass2 * fA / (pionMass2 + bigQ2Eff);
        double f12 = f1 + f2;
        double h1 = fA * fA * (1.0 + tau) + tau * f12 * f12;
        double h2 = fA * fA + f1 * f1 + tau * f2 * f2;
        double h3 = 2.0 * fA * f12;
        double h4 = f2 * f2 * (1.0 - tau) * 0.25 + 0.5 * f1 * f2 + fA * fP - tau * fP * fP;

        // Invariants; k.p = a - b cos(phi), k'.p = a' - b cos(phi).
        double eNuCosKq = eNu * (eNu - pMu * cosTheta) * inverseQ;
        double cosKq = eNuCosKq / eNu;
        double sin2Kq = Math.max(0.0, 1.0 - cosKq * cosKq);
        double sin2Alpha = Math.max(0.0, 1.0 - cosAlpha * cosAlpha);
        double a = eNu * eN - pN * cosAlpha * eNuCosKq;
        double aPrime = eMu * eN - pN * cosAlpha * (eNuCosKq - q);
        double b2 = eNu * eNu * pN * pN * sin2Kq * sin2Alpha;
        double kk = 0.5 * (muonMass2 + q2 - omega * omega);
        double kq = eNu * omegaEff - q * eNuCosKq;
        double kPrimeQ = eMu * omegaEff - q * eNuCosKq + q2;
        double pq = eN * omegaEff - pN * q * cosAlpha;

        double s0 = 2.0 * vertexMass2 * kk * h1
                + (2.0 * a * aPrime - vertexMass2 * kk + a * kPrimeQ + aPrime * kq - kk * pq)
                * h2
                + eta * (a * kPrimeQ - kq * aPrime) * h3
                - (kk * bigQ2Eff + 2.0 * kq * kPrimeQ) * h4;
        double s2 = 2.0 * b2 * h2;
        // S is a sum of squared currents, so >= 0 (a scan of 1.6e8 points found no negative
        // value, per azimuth either); the guard only absorbs rounding at the support edge.
        double sAverage = Math.max(0.0, s0 + 0.5 * s2);
        double result = normalisation * pN * pMu * pMu * sAverage * inverseQ
                / (eNu * eN * eMu);

        if (solution != null) {
            double b = Math.sqrt(b2);
            solution.muonEnergy = eMu;
            solution.nucleonEnergy = eN;
            solution.finalNucleonEnergy = eFinal;
            solution.momentumTransfer = q;
            solution.cosAlpha = cosAlpha;
            solution.s0 = s0;
            solution.s1 = -b * ((2.0 * (a + aPrime) + kPrimeQ + kq) * h2
                    + eta * (kPrimeQ - kq) * h3);
            solution.s2 = s2;
        }
        return result;
    }

    /**
     * The range of {@code |q|} in GeV where the density is non-zero at fixed
     * {@code (E_nu, p_mu, p_N)}: {@code |cos(alpha0)| <= 1} gives
     * {@code |p' - p_N| <= |q| <= p' + p_N} and {@code |cos(theta)| <= 1} gives
     * {@code |E_nu - p_mu| <= |q| <= E_nu + p_mu}.
     *
     * @param out receives {@code {qLow, qHigh}} when the range is not empty
     * @return false when there is no support (out is then unchanged)
     */
    public boolean momentumTransferRange(double eNu, double pMu, double pN, double[] out) {
        if (!(pN > 0.0 && pN <= fermiMomentum && eNu > 0.0 && pMu > 0.0)) {
            return false;
        }
        double eFinal = Math.sqrt(initialMass2 + pN * pN) + eNu
                - Math.sqrt(pMu * pMu + muonMass2) - removalEnergy;
        if (!(eFinal > finalMass)) {
            return false;
        }
        double pFinal2 = eFinal * eFinal - finalMass2;
        if (pauliBlocking && !(pFinal2 > fermiMomentum2)) {
            return false;
        }
        double pFinal = Math.sqrt(pFinal2);
        double low = Math.max(Math.abs(pFinal - pN), Math.abs(eNu - pMu));
        double high = Math.min(pFinal + pN, eNu + pMu);
        if (!(high > low)) {
            return false;
        }
        out[0] = low;
        out[1] = high;
        return true;
    }

    /**
     * The largest muon momentum in GeV/c that energy conservation and Pauli blocking allow at
     * fixed {@code (E_nu, p_N)}, or 0 when none: {@code E_mu < E_nu + E_N - eps_B - E'_min}
     * with {@code E'_min = sqrt(M_f^2 + k_F^2)} (Pauli) or {@code M_f}.
     */
    public double maxMuonMomentum(double eNu, double pN) {
        double eFinalMin = pauliBlocking ? Math.sqrt(finalMass2 + fermiMomentum2) : finalMass;
        double eMuMax = eNu + Math.sqrt(initialMass2 + pN * pN) - removalEnergy - eFinalMin;
        return eMuMax * eMuMax > muonMass2 && eMuMax > 0.0
                ? Math.sqrt(eMuMax * eMuMax - muonMass2) : 0.0;
    }

    /**
     * A lower bound in GeV on the neutrino energy of any non-zero density: energy
     * conservation with the most energetic nucleon needs
     * {@code E_nu > E'_min + eps_B + m_mu - sqrt(M_i^2 + k_F^2)}, with
     * {@code E'_min = sqrt(M_f^2 + k_F^2)} under Pauli blocking, else {@code M_f}.
     */
    public double energyThresholdLowerBound() {
        double eFinalMin = pauliBlocking ? Math.sqrt(finalMass2 + fermiMomentum2) : finalMass;
        return Math.max(0.0, eFinalMin + removalEnergy + Math.sqrt(muonMass2)
                - Math.sqrt(initialMass2 + fermiMomentum2));
    }

    /**
     * Muon momenta inside every narrow piece of support in {@code p_mu} at fixed
     * {@code (E_nu, cos(theta), p_N)}. The numerator of {@code cos(alpha0)},
     * {@code N(p_mu) = K - 2 B E_mu + 2 E_nu cos(theta) p_mu} with
     * {@code B = E_N + E_nu - eps_B}, is concave with its maximum at
     * {@code p* = m r/sqrt(1 - r^2)}, {@code r = E_nu cos(theta)/B}; a piece of support
     * ({@code |N| <= 2 p_N |q|}) holds a zero of {@code N} or {@code p*}. Writes {@code p*}
     * and the zeros of {@code N}.
     *
     * @param out receives up to 3 muon momenta in GeV/c
     * @return how many were written
     */
    public int energyConservationProbes(double eNu, double cosTheta, double pN, double[] out) {
        double b = Math.sqrt(initialMass2 + pN * pN) + eNu - removalEnergy;
        if (!(b > 0.0)) {
            return 0;
        }
        double k = b * b + muonMass2 - finalMass2 - pN * pN - eNu * eNu;
        double slope = 2.0 * eNu * cosTheta;
        double r = eNu * cosTheta / b;
        double peak = r > 0.0 && r < 1.0 ? Math.sqrt(muonMass2) * r / Math.sqrt(1.0 - r * r)
                : 0.0;
        int count = 0;
        out[count++] = peak;
        double atPeak = numerator(k, b, slope, peak);
        if (atPeak > 0.0 && numerator(k, b, slope, 0.0) < 0.0) {
            out[count++] = zeroOfNumerator(k, b, slope, 0.0, peak);
        }
        if (atPeak > 0.0 && b - eNu * Math.abs(cosTheta) > 0.0) {
            double high = Math.max(2.0 * peak, 1.0);
            while (numerator(k, b, slope, high) > 0.0 && high < 1e6) {
                high *= 2.0;
            }
            out[count++] = zeroOfNumerator(k, b, slope, peak, high);
        }
        return count;
    }

    private double numerator(double k, double b, double slope, double pMu) {
        return k - 2.0 * b * Math.sqrt(pMu * pMu + muonMass2) + slope * pMu;
    }

    private double zeroOfNumerator(double k, double b, double slope, double lo, double hi) {
        double left = lo;
        double right = hi;
        boolean leftPositive = numerator(k, b, slope, left) > 0.0;
        for (int i = 0; i < 100 && right - left > 1e-15 * (1.0 + right); i++) {
            double mid = 0.5 * (left + right);
            if ((numerator(k, b, slope, mid) > 0.0) == leftPositive) {
                left = mid;
            } else {
                right = mid;
            }
        }
        return 0.5 * (left + right);
    }

    /** Fermi momentum {@code k_F} in GeV/c. */
    public double fermiMomentum() {
        return fermiMomentum;
    }

    /** Mutable receiver of the kinematics of one evaluation; not thread-safe. */
    public static final class Solution {
        /** Muon energy {@code E_mu} in GeV. */
        public double muonEnergy;
        /** On-shell initial nucleon energy {@code E_N} in GeV. */
        public double nucleonEnergy;
        /** Outgoing nucleon energy {@code E' = E_N + omega - eps_B} in GeV. */
        public double finalNucleonEnergy;
        /** {@code |q|} in GeV. */
        public double momentumTransfer;
        /** Cosine of the angle between the nucleon momentum and {@code q}. */
        public double cosAlpha;
        /** Constant term of {@code S(phi)}. */
        public double s0;
        /** {@code cos(phi)} coefficient of {@code S(phi)}. */
        public double s1;
        /** {@code cos^2(phi)} coefficient of {@code S(phi)}. */
        public double s2;
    }
}
