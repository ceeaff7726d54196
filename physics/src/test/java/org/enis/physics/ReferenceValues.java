package org.enis.physics;

/**
 * Reference values of shared/reference/ccqe-model.md ("Reference values"), computed there with
 * {@code M_A = 1.00 GeV}, {@code k_F = 0.225 GeV/c}, {@code eps_B = 0.025 GeV}.
 */
final class ReferenceValues {

    /** Relative tolerance of every comparison with a reference value (issue 3). */
    static final double TOLERANCE = 0.005;
    /** Axial mass of the reference tables in GeV. */
    static final double REFERENCE_AXIAL_MASS_GEV = 1.00;
    /** Energies of the sigma table in GeV. */
    static final double[] ENERGIES_GEV = {0.5, 1.0, 2.0, 5.0};
    /** sigma, nu n free, 1e-38 cm^2. */
    static final double[] NU_FREE = {0.824, 1.061, 1.053, 0.990};
    /** sigma, nu C12 RFG, per target neutron, 1e-38 cm^2. */
    static final double[] NU_CARBON = {0.670, 0.923, 0.931, 0.879};
    /** sigma, nu-bar p free, 1e-38 cm^2. */
    static final double[] NUBAR_FREE = {0.230, 0.408, 0.596, 0.774};
    /** sigma, nu-bar C12 RFG, per target proton, 1e-38 cm^2. */
    static final double[] NUBAR_CARBON = {0.150, 0.319, 0.502, 0.675};

    private ReferenceValues() {
    }

    /** Reference parameters for a flavour ({@code M_A = 1.00}, carbon defaults). */
    static CcqeParameters reference(Flavour flavour) {
        return CcqeParameters.builder().flavour(flavour)
                .axialMassGeV(REFERENCE_AXIAL_MASS_GEV).build();
    }
}
