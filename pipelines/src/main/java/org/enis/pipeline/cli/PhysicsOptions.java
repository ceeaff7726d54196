package org.enis.pipeline.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flavour;
import org.enis.physics.Flux;
import org.enis.physics.Nucleus;
import org.enis.physics.ParameterOverrides;
import picocli.CommandLine.Option;

/**
 * The run's physics: the model's defaults (muon antineutrino on carbon-12, M_A = 1.03 GeV),
 * optionally a full parameter set, single overrides, and a flux histogram. A run whose
 * parameters or flux differ from those the flow was trained on recalibrates its threshold
 * weight at start-up.
 */
final class PhysicsOptions {

    @Option(names = "--parameters", paramLabel = "TEXT", order = 100,
            description = "Full physics parameter set in canonical form (ccqe-parameters-v1;"
                    + "...), e.g. from a model manifest; the options below override it.")
    String canonical;

    @Option(names = "--flavour", paramLabel = "FLAVOUR", order = 101,
            description = "nu or nubar (MUON_NEUTRINO, MUON_ANTINEUTRINO); default nubar.")
    String flavour;

    @Option(names = "--nucleus", paramLabel = "NUCLEUS", order = 102,
            description = "carbon, oxygen or argon (CARBON_12, OXYGEN_16, ARGON_40); default"
                    + " carbon. Sets k_F and eps_B to the nucleus defaults.")
    String nucleus;

    @Option(names = "--axialMass", paramLabel = "GEV", order = 103,
            description = "Axial mass M_A in GeV; default 1.03.")
    Double axialMassGeV;

    @Option(names = "--fermiMomentum", paramLabel = "GEV", order = 104,
            description = "Fermi momentum k_F in GeV/c; default: the nucleus default.")
    Double fermiMomentumGeV;

    @Option(names = "--removalEnergy", paramLabel = "GEV", order = 105,
            description = "Removal energy eps_B in GeV; default: the nucleus default.")
    Double removalEnergyGeV;

    @Option(names = "--noPauliBlocking", order = 106, description = "Switch Pauli blocking off.")
    boolean noPauliBlocking;

    @Option(names = "--maxEnergy", paramLabel = "GEV", order = 107,
            description = "Upper end of the generated E_nu and p_mu ranges in GeV; default 10.")
    Double maxEnergyGeV;

    @Option(names = "--flux", paramLabel = "CSV", order = 108,
            description = "E_nu flux histogram, rows lower_edge_gev,upper_edge_gev,flux"
                    + " (docs/physics.md); default flat over [0, maxEnergy]. A model trained"
                    + " with another flux is recalibrated at start-up.")
    Path fluxFile;

    /**
     * The run's target density: these parameters and the flux.
     *
     * @throws IllegalArgumentException naming a bad value, or the flux file and what is wrong
     *     with it
     */
    CcqeTargetDensity targetDensity() {
        CcqeParameters parameters = parameters();
        if (fluxFile == null) {
            return new CcqeTargetDensity(parameters);
        }
        try {
            return new CcqeTargetDensity(parameters, Flux.readCsv(fluxFile));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("flux file " + fluxFile + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("flux file " + fluxFile + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The parameters these options describe.
     *
     * @throws IllegalArgumentException naming a bad value and its range
     */
    CcqeParameters parameters() {
        return new ParameterOverrides(canonical, flavour == null ? null : Flavour.parse(flavour),
                nucleus == null ? null : Nucleus.parse(nucleus), axialMassGeV, fermiMomentumGeV,
                removalEnergyGeV, noPauliBlocking, maxEnergyGeV).apply();
    }
}
