package org.enis.physics;

import java.util.Objects;
import org.enis.physics.internal.Checks;
import org.enis.physics.internal.GaussKronrod;

/**
 * The Llewellyn Smith CCQE cross section on a free nucleon at rest (C. H. Llewellyn Smith,
 * Phys. Rep. 3 (1972) 261), with the dipole form factors and sign convention of
 * shared/reference/ccqe-model.md:
 * {@code dsigma/dQ^2 = G_F^2 V_ud^2 M^2/(8 pi E^2) [A -/+ B (s-u)/M^2 + C (s-u)^2/M^4]},
 * upper sign nu, lower nu-bar, {@code s - u = 4 M E - Q^2 - m^2}, vertex mass
 * {@code M = (M_p + M_n)/2}; kinematic limits with the true initial and final nucleon masses.
 *
 * <p>Only the flavour, masses, couplings and form-factor parameters are used; the nuclear
 * parameters (k_F, eps_B, Pauli blocking) are ignored. Immutable and thread-safe.
 */
public final class FreeNucleonCrossSection {

    /** Relative accuracy of {@link #totalCrossSection(double)} (adaptive Gauss-Kronrod). */
    public static final double RELATIVE_ACCURACY = 1e-9;

    private final CcqeParameters parameters;
    private final double vertexMass2;
    private final double muonMass2;
    private final double initialMass;
    private final double finalMass;
    private final double sign;
    /** {@code G_F^2 V_ud^2 M^2/(8 pi)} in 1e-38 cm^2 GeV^2 (divide by E^2 for GeV^-2). */
    private final double prefactor;

    /** The free cross section of the flavour and constants of {@code parameters}. */
    public FreeNucleonCrossSection(CcqeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        double vertexMass = parameters.vertexNucleonMassGeV();
        this.vertexMass2 = vertexMass * vertexMass;
        this.muonMass2 = parameters.muonMassGeV() * parameters.muonMassGeV();
        this.initialMass = parameters.initialNucleonMassGeV();
        this.finalMass = parameters.finalNucleonMassGeV();
        this.sign = parameters.flavour().isAntineutrino() ? 1.0 : -1.0;
        double gv = parameters.fermiConstantPerGeV2() * parameters.vud();
        this.prefactor = gv * gv * vertexMass2 / (8.0 * Math.PI)
                * parameters.cm2PerGeVMinus2() / 1.0e-38;
    }

    /** The parameters. */
    public CcqeParameters parameters() {
        return parameters;
    }

    /**
     * Neutrino energy threshold in GeV: {@code ((m + M_f)^2 - M_i^2)/(2 M_i)}, 0.1102 GeV for
     * nu n and 0.1130 GeV for nu-bar p with the default masses.
     */
    public double thresholdGeV() {
        double sum = parameters.muonMassGeV() + finalMass;
        return (sum * sum - initialMass * initialMass) / (2.0 * initialMass);
    }

    /**
     * The kinematic range {@code [Q^2_-, Q^2_+]} in GeV^2 at {@code eNuGeV}, or null below
     * threshold.
     *
     * @throws IllegalArgumentException if {@code eNuGeV} is NaN or infinite
     */
    public double[] qSquaredRangeGeV2(double eNuGeV) {
        Checks.finite("eNuGeV", eNuGeV, "GeV");
        if (!(eNuGeV > thresholdGeV())) {
            return null;
        }
        double mi2 = initialMass * initialMass;
        double s = mi2 + 2.0 * initialMass * eNuGeV;
        double rootS = Math.sqrt(s);
        double eStar = (s - mi2) / (2.0 * rootS);
        double eLeptonStar = (s + muonMass2 - finalMass * finalMass) / (2.0 * rootS);
        double pLeptonStar = Math.sqrt(Math.max(0.0, eLeptonStar * eLeptonStar - muonMass2));
        return new double[] {
            Math.max(0.0, -muonMass2 + 2.0 * eStar * (eLeptonStar - pLeptonStar)),
            -muonMass2 + 2.0 * eStar * (eLeptonStar + pLeptonStar),
        };
    }

    /**
     * {@code dsigma/dQ^2} in 1e-38 cm^2/GeV^2 per nucleon; 0 outside the kinematic range.
     *
     * @throws IllegalArgumentException if an argument is NaN or infinite
     */
    public double dSigmaDQ2(double eNuGeV, double q2GeV2) {
        Checks.finite("q2GeV2", q2GeV2, "GeV^2");
        double[] range = qSquaredRangeGeV2(eNuGeV);
        if (range == null || !(q2GeV2 >= range[0] && q2GeV2 <= range[1])) {
            return 0.0;
        }
        return Math.max(0.0, unrestricted(eNuGeV, q2GeV2));
    }

    /** The Llewellyn Smith formula without the kinematic range check. */
    private double unrestricted(double eNu, double q2) {
        double tau = q2 / (4.0 * vertexMass2);
        double dipoleV = 1.0 / (1.0 + q2 / parameters.vectorMassSquaredGeV2());
        double gE = dipoleV * dipoleV;
        double gM = (parameters.protonMagneticMoment() - parameters.neutronMagneticMoment())
                * gE;
        double f1 = (gE + tau * gM) / (1.0 + tau);
        double f2 = (gM - gE) / (1.0 + tau);
        double axialMass2 = parameters.axialMassGeV() * parameters.axialMassGeV();
        double dipoleA = 1.0 / (1.0 + q2 / axialMass2);
        double fA = -parameters.axialCoupling() * dipoleA * dipoleA;
        double pion2 = parameters.pionMassGeV() * parameters.pionMassGeV();
        double fP = 2.0 * vertexMass2 * fA / (pion2 + q2);

        double r = muonMass2 / (4.0 * vertexMass2);
        double termA = (muonMass2 + q2) / vertexMass2 * ((1.0 + tau) * fA * fA
                - (1.0 - tau) * f1 * f1 + tau * (1.0 - tau) * f2 * f2 + 4.0 * tau * f1 * f2
                - r * ((f1 + f2) * (f1 + f2) + (fA + 2.0 * fP) * (fA + 2.0 * fP)
                        - (q2 / vertexMass2 + 4.0) * fP * fP));
        double termB = q2 / vertexMass2 * fA * (f1 + f2);
        double termC = 0.25 * (fA * fA + f1 * f1 + tau * f2 * f2);
        double sMinusU = 4.0 * Math.sqrt(vertexMass2) * eNu - q2 - muonMass2;
        double x = sMinusU / vertexMass2;
        return prefactor / (eNu * eNu) * (termA + sign * termB * x + termC * x * x);
    }

    /**
     * Total cross section {@code sigma(E_nu)} in 1e-38 cm^2 per nucleon: {@code dsigma/dQ^2}
     * integrated over {@code [Q^2_-, Q^2_+]} to relative accuracy {@link #RELATIVE_ACCURACY};
     * 0 at or below threshold.
     *
     * @throws IllegalArgumentException if {@code eNuGeV} is NaN or infinite
     */
    public double totalCrossSection(double eNuGeV) {
        double[] range = qSquaredRangeGeV2(eNuGeV);
        if (range == null) {
            return 0.0;
        }
        return GaussKronrod.integrate(q2 -> Math.max(0.0, unrestricted(eNuGeV, q2)),
                range[0], range[1], RELATIVE_ACCURACY, 0.0);
    }
}
