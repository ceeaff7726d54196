package org.enis.physics;

import org.junit.jupiter.api.Nested;

/** Every density variant of the module under the shared contract. */
class TargetDensityContractTests {

    /** A contract test bound to one CCQE density. */
    abstract static class CcqeContract extends AbstractTargetDensityContractTest {
        private final CcqeTargetDensity density = create();

        abstract CcqeTargetDensity create();

        @Override
        TargetDensity density() {
            return density;
        }

        @Override
        PhaseSpaceBox generationBox() {
            return density.generationBox();
        }

        @Override
        double expectedIntegral() {
            return new MarginalDistributions(density, 1e-5).total();
        }
    }

    @Nested
    class AntineutrinoOnCarbon extends CcqeContract {
        @Override
        CcqeTargetDensity create() {
            return new CcqeTargetDensity(CcqeParameters.defaults());
        }
    }

    @Nested
    class NeutrinoOnArgonUpToFourGeV extends CcqeContract {
        @Override
        CcqeTargetDensity create() {
            return new CcqeTargetDensity(CcqeParameters.builder()
                    .flavour(Flavour.MUON_NEUTRINO).nucleus(Nucleus.ARGON_40)
                    .maxNeutrinoEnergyGeV(4.0).maxMuonMomentumGeV(4.0).build());
        }
    }

    @Nested
    class AntineutrinoOnOxygenWithHistogramFlux extends CcqeContract {
        @Override
        CcqeTargetDensity create() {
            return new CcqeTargetDensity(CcqeParameters.builder().nucleus(Nucleus.OXYGEN_16)
                    .build(), Flux.histogram(new double[] {0.0, 0.6, 1.2, 3.0, 10.0},
                            new double[] {1.0, 3.0, 1.5, 0.2}));
        }
    }

    @Nested
    class NeutrinoOnCarbonWithoutPauliBlocking extends CcqeContract {
        @Override
        CcqeTargetDensity create() {
            return new CcqeTargetDensity(CcqeParameters.builder()
                    .flavour(Flavour.MUON_NEUTRINO).pauliBlocking(false).build());
        }
    }
}
