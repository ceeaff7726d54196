package org.enis.pipeline.sampling;

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
                throw new IllegalStateException("flow proposal: waiting for SavedModelProposal");
            default:
                throw new IllegalStateException("unknown proposal " + config.proposal());
        }
    }
}
