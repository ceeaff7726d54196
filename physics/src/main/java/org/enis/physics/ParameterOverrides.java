package org.enis.physics;

/**
 * A physics parameter set as command lines give it: an optional whole set in canonical text
 * ({@link CcqeParameters#toCanonicalString()}, e.g. from a model manifest), then single values
 * that override it. Every command of the project (the {@code ccqe} tool, {@code train},
 * {@code generate}) builds its {@link CcqeParameters} through this one rule.
 *
 * @param canonical whole parameter set in canonical text, or null for the defaults
 * @param flavour flavour, or null to keep that of the base set
 * @param nucleus nucleus, or null to keep that of the base set; choosing one resets k_F and
 *     eps_B to its defaults unless they are given too
 * @param axialMassGeV M_A in GeV, or null
 * @param fermiMomentumGeV k_F in GeV/c, or null
 * @param removalEnergyGeV eps_B in GeV, or null
 * @param noPauliBlocking true switches Pauli blocking off; false keeps the base set's setting
 * @param maxEnergyGeV upper end of E_nu and p_mu (and of the flat flux) in GeV, or null
 */
public record ParameterOverrides(String canonical, Flavour flavour, Nucleus nucleus,
        Double axialMassGeV, Double fermiMomentumGeV, Double removalEnergyGeV,
        boolean noPauliBlocking, Double maxEnergyGeV) {

    /**
     * The parameters: the base set with the given values replaced.
     *
     * @throws IllegalArgumentException for unreadable canonical text or a value out of its
     *     range, naming the value and the range
     */
    public CcqeParameters apply() {
        CcqeParameters.Builder builder = canonical != null
                ? CcqeParameters.parse(canonical).toBuilder() : CcqeParameters.builder();
        if (nucleus != null) {
            builder.nucleus(nucleus);
        }
        if (flavour != null) {
            builder.flavour(flavour);
        }
        if (axialMassGeV != null) {
            builder.axialMassGeV(axialMassGeV);
        }
        if (fermiMomentumGeV != null) {
            builder.fermiMomentumGeV(fermiMomentumGeV);
        }
        if (removalEnergyGeV != null) {
            builder.removalEnergyGeV(removalEnergyGeV);
        }
        if (noPauliBlocking) {
            builder.pauliBlocking(false);
        }
        if (maxEnergyGeV != null) {
            builder.maxNeutrinoEnergyGeV(maxEnergyGeV).maxMuonMomentumGeV(maxEnergyGeV);
        }
        return builder.build();
    }
}
