package org.enis.physics;

import java.util.Locale;

/**
 * The incoming neutrino of a charged-current quasi-elastic (CCQE) interaction.
 *
 * <p>A muon neutrino scatters on a bound neutron ({@code nu n -> mu- p}); a muon antineutrino
 * on a bound proton ({@code nu-bar p -> mu+ n}).
 */
public enum Flavour {
    /** {@code nu_mu}, PDG code 14: target neutron, final proton, negative muon. */
    MUON_NEUTRINO(14, 13, 2112, 2212),
    /** {@code nu-bar_mu}, PDG code -14: target proton, final neutron, positive muon. */
    MUON_ANTINEUTRINO(-14, -13, 2212, 2112);

    private final int pdgCode;
    private final int muonPdgCode;
    private final int targetNucleonPdgCode;
    private final int finalNucleonPdgCode;

    Flavour(int pdgCode, int muonPdgCode, int targetNucleonPdgCode, int finalNucleonPdgCode) {
        this.pdgCode = pdgCode;
        this.muonPdgCode = muonPdgCode;
        this.targetNucleonPdgCode = targetNucleonPdgCode;
        this.finalNucleonPdgCode = finalNucleonPdgCode;
    }

    /** PDG Monte Carlo code of the neutrino: 14 or -14. */
    public int pdgCode() {
        return pdgCode;
    }

    /** PDG code of the outgoing charged lepton: 13 ({@code mu-}) or -13 ({@code mu+}). */
    public int muonPdgCode() {
        return muonPdgCode;
    }

    /** PDG code of the struck nucleon: 2112 (neutron) for nu, 2212 (proton) for nu-bar. */
    public int targetNucleonPdgCode() {
        return targetNucleonPdgCode;
    }

    /** PDG code of the outgoing nucleon: 2212 (proton) for nu, 2112 (neutron) for nu-bar. */
    public int finalNucleonPdgCode() {
        return finalNucleonPdgCode;
    }

    /** True for the antineutrino. */
    public boolean isAntineutrino() {
        return pdgCode < 0;
    }

    /**
     * The sign {@code eta} of the axial-vector interference term of the contraction:
     * -1 for nu, +1 for nu-bar (with {@code F_A < 0}).
     */
    public double interferenceSign() {
        return isAntineutrino() ? 1.0 : -1.0;
    }

    /**
     * The flavour of a PDG code.
     *
     * @throws IllegalArgumentException unless the code is 14 or -14
     */
    public static Flavour ofPdgCode(int pdgCode) {
        for (Flavour flavour : values()) {
            if (flavour.pdgCode == pdgCode) {
                return flavour;
            }
        }
        throw new IllegalArgumentException(
                "neutrino PDG code must be 14 (nu_mu) or -14 (nu-bar_mu), got " + pdgCode);
    }

    /**
     * The flavour a user names: {@code nu} or {@code nubar}, also {@code numu},
     * {@code numubar}, the constant names and the PDG codes {@code 14}, {@code -14}, in any case.
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static Flavour parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "nu", "numu", "muon_neutrino", "14" -> MUON_NEUTRINO;
            case "nubar", "numubar", "muon_antineutrino", "-14" -> MUON_ANTINEUTRINO;
            default -> throw new IllegalArgumentException("flavour must be nu or nubar "
                    + "(MUON_NEUTRINO, MUON_ANTINEUTRINO, 14, -14), got '" + text + "'");
        };
    }
}
