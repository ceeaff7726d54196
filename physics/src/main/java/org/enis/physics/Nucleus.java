package org.enis.physics;

import java.util.Locale;

/**
 * Target nuclei of the relativistic Fermi gas, with default Fermi momentum {@code k_F} and
 * removal (binding) energy {@code eps_B}.
 *
 * <p>Sources of the defaults:
 * <ul>
 *   <li>Carbon-12: {@code k_F = 0.225 GeV/c} as in the ENIS paper (Sec. II A; the
 *       quasi-elastic electron-scattering fit of E. J. Moniz et al., Phys. Rev. Lett. 26 (1971)
 *       445, gives 0.221 +- 0.005 GeV/c) and {@code eps_B = 0.025 GeV} (Moniz et al. 1971).</li>
 *   <li>Oxygen-16: {@code k_F = 0.225 GeV/c}, {@code eps_B = 0.027 GeV}: the values used with
 *       the Smith-Moniz model (R. A. Smith and E. J. Moniz, Nucl. Phys. B43 (1972) 605) for
 *       water targets, lying between the Moniz et al. 1971 fits for carbon-12 (0.221, 0.025)
 *       and magnesium-24 (0.235, 0.032).</li>
 *   <li>Argon-40: {@code k_F = 0.251 GeV/c}, {@code eps_B = 0.028 GeV}: the Moniz et al. 1971
 *       fit for calcium-40, the measured nucleus of the same mass number (argon itself was not
 *       in that data set). One {@code k_F} is used for protons and neutrons although
 *       {@code N > Z}; this symmetric-gas approximation is a stated limit of the model.</li>
 * </ul>
 */
public enum Nucleus {
    /** Carbon-12: Z = 6, N = 6. */
    CARBON_12(6, 6, 0.225, 0.025),
    /** Oxygen-16: Z = 8, N = 8. */
    OXYGEN_16(8, 8, 0.225, 0.027),
    /** Argon-40: Z = 18, N = 22. */
    ARGON_40(18, 22, 0.251, 0.028);

    private final int protonCount;
    private final int neutronCount;
    private final double defaultFermiMomentumGeV;
    private final double defaultRemovalEnergyGeV;

    Nucleus(int protonCount, int neutronCount, double defaultFermiMomentumGeV,
            double defaultRemovalEnergyGeV) {
        this.protonCount = protonCount;
        this.neutronCount = neutronCount;
        this.defaultFermiMomentumGeV = defaultFermiMomentumGeV;
        this.defaultRemovalEnergyGeV = defaultRemovalEnergyGeV;
    }

    /** Atomic number Z. */
    public int protonCount() {
        return protonCount;
    }

    /** Neutron number N. */
    public int neutronCount() {
        return neutronCount;
    }

    /** Mass number A = Z + N. */
    public int massNumber() {
        return protonCount + neutronCount;
    }

    /** PDG ion code {@code 100ZZZAAAI}: 1000060120, 1000080160, 1000180400. */
    public int pdgCode() {
        return 1_000_000_000 + protonCount * 10_000 + massNumber() * 10;
    }

    /**
     * PDG ion code of the residual nucleus after CCQE scattering: a neutron removed for
     * nu (carbon-12 to carbon-11), a proton for nu-bar (carbon-12 to boron-11).
     */
    public int residualPdgCode(Flavour flavour) {
        int z = flavour.isAntineutrino() ? protonCount - 1 : protonCount;
        return 1_000_000_000 + z * 10_000 + (massNumber() - 1) * 10;
    }

    /** Default Fermi momentum {@code k_F} in GeV/c. */
    public double defaultFermiMomentumGeV() {
        return defaultFermiMomentumGeV;
    }

    /** Default removal energy {@code eps_B} in GeV. */
    public double defaultRemovalEnergyGeV() {
        return defaultRemovalEnergyGeV;
    }

    /**
     * Number of nucleons a flavour scatters on: N neutrons for nu, Z protons for nu-bar.
     * A cross section per nucleus is the per-target-nucleon value times this count.
     */
    public int targetNucleonCount(Flavour flavour) {
        return flavour.isAntineutrino() ? protonCount : neutronCount;
    }

    /**
     * The nucleus a user names: {@code carbon}, {@code oxygen}, {@code argon}, also
     * {@code c12}, {@code o16}, {@code ar40} and the constant names, in any case.
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static Nucleus parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "carbon", "c12", "carbon_12" -> CARBON_12;
            case "oxygen", "o16", "oxygen_16" -> OXYGEN_16;
            case "argon", "ar40", "argon_40" -> ARGON_40;
            default -> throw new IllegalArgumentException("nucleus must be carbon, oxygen or "
                    + "argon (CARBON_12, OXYGEN_16, ARGON_40), got '" + text + "'");
        };
    }
}
