package org.enis.pipeline.sampling;

import java.nio.file.Path;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.GeneratorConfig;

/** Opens the proposal a run was configured with. */
public final class Proposals {

    private Proposals() {
    }

    /**
     * The proposal sampler of a run: the flow of its model directory, or uniform over the
     * background box of its physics parameters.
     *
     * @throws IllegalArgumentException when the model cannot be loaded, or when it is no longer
     *     the model the run was checked and calibrated with (its fingerprint changed since)
     */
    public static ProposalSampler open(GeneratorConfig config, CcqeParameters parameters) {
        switch (config.proposal()) {
            case UNIFORM:
                return new UniformProposalSampler(PhaseSpaceBox.background(parameters));
            case FLOW:
                FlowProposalSampler flow = FlowProposalSampler.load(
                        Path.of(config.modelDirectory()));
                String loaded = flow.proposal().manifest().fingerprint();
                if (!loaded.equals(config.model().fingerprint())) {
                    flow.close();
                    // Every worker loads the model on its own; a model replaced after the
                    // run's start-up check would publish events under the wrong identity and
                    // the wrong threshold weight.
                    throw new IllegalArgumentException("the model in "
                            + config.modelDirectory() + " has fingerprint " + loaded
                            + ", the run was started with " + config.model().fingerprint()
                            + ": it was replaced while the run started; start the run again");
                }
                return flow;
            default:
                throw new IllegalStateException("unknown proposal " + config.proposal());
        }
    }
}
