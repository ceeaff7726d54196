package org.enis.physics.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flavour;
import org.enis.physics.Flux;
import org.enis.physics.Nucleus;
import org.enis.physics.ParameterOverrides;
import picocli.CommandLine.Option;

/** Model options shared by every subcommand: flavour, target, nuclear model, flux. */
final class ModelOptions {

    @Option(names = "--parameters", paramLabel = "TEXT",
            description = "Full parameter set in canonical text form "
                    + "(ccqe-parameters-v1;...), e.g. from a model manifest; the options "
                    + "below override it.")
    String canonical;

    @Option(names = {"-f", "--flavour"}, paramLabel = "FLAVOUR",
            description = "nu, nubar, MUON_NEUTRINO or MUON_ANTINEUTRINO (default nubar).")
    String flavour;

    @Option(names = {"-n", "--nucleus"}, paramLabel = "NUCLEUS",
            description = "carbon, oxygen, argon or CARBON_12, OXYGEN_16, ARGON_40 "
                    + "(default carbon); sets k_F and eps_B to the nucleus defaults.")
    String nucleus;

    @Option(names = "--axial-mass", paramLabel = "GEV",
            description = "Axial mass M_A in GeV (default 1.03).")
    Double axialMassGeV;

    @Option(names = "--fermi-momentum", paramLabel = "GEV",
            description = "Fermi momentum k_F in GeV/c (default: the nucleus default).")
    Double fermiMomentumGeV;

    @Option(names = "--removal-energy", paramLabel = "GEV",
            description = "Removal energy eps_B in GeV (default: the nucleus default).")
    Double removalEnergyGeV;

    @Option(names = "--no-pauli-blocking", description = "Switch Pauli blocking off.")
    boolean noPauliBlocking;

    @Option(names = "--max-energy", paramLabel = "GEV",
            description = "Upper end of the generated E_nu range and of the flat flux "
                    + "(default 10).")
    Double maxEnergyGeV;

    @Option(names = "--flux", paramLabel = "CSV",
            description = "Flux histogram CSV: rows lower_edge_gev,upper_edge_gev,flux "
                    + "(default: flat, weight 1 over [0, max energy]).")
    Path fluxFile;

    /** The parameters these options describe. */
    CcqeParameters parameters() {
        return new ParameterOverrides(canonical, flavour == null ? null : Flavour.parse(flavour),
                nucleus == null ? null : Nucleus.parse(nucleus), axialMassGeV, fermiMomentumGeV,
                removalEnergyGeV, noPauliBlocking, maxEnergyGeV).apply();
    }

    /** The target density: the parameters with the chosen flux. */
    CcqeTargetDensity density() {
        CcqeParameters parameters = parameters();
        if (fluxFile == null) {
            return new CcqeTargetDensity(parameters);
        }
        try {
            return new CcqeTargetDensity(parameters, Flux.readCsv(fluxFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flux file " + fluxFile, e);
        }
    }
}
