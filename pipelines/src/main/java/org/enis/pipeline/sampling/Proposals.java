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
     * @throws IllegalArgumentException when the model cannot be loaded
     */
    public static ProposalSampler open(GeneratorConfig config, CcqeParameters parameters) {
        switch (config.proposal()) {
            case UNIFORM:
                return new UniformProposalSampler(PhaseSpaceBox.background(parameters));
            case FLOW:
                return FlowProposalSampler.load(Path.of(config.modelDirectory()));
            default:
                throw new IllegalStateException("unknown proposal " + config.proposal());
        }
    }
}
