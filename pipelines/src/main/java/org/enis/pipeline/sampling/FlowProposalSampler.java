package org.enis.pipeline.sampling;

import java.io.IOException;
import java.nio.file.Path;
import org.enis.flow.SavedModelProposal;

/**
 * The trained flow as a proposal: seeded batch sampling of points with their log q from the
 * SavedModel of {@link SavedModelProposal} (model-training), which works in chunks of the size
 * TensorFlow evaluates fastest.
 */
public final class FlowProposalSampler implements ProposalSampler {
    private final SavedModelProposal proposal;
    private final boolean owned;

    private FlowProposalSampler(SavedModelProposal proposal, boolean owned) {
        this.proposal = proposal;
        this.owned = owned;
    }

    /**
     * Loads and validates a model directory; close the sampler to free TensorFlow's memory.
     *
     * @throws IllegalArgumentException when the model is missing, unreadable, corrupt or not
     *     4-dimensional
     */
    public static FlowProposalSampler load(Path modelDirectory) {
        SavedModelProposal proposal;
        try {
            proposal = SavedModelProposal.load(modelDirectory);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model in " + modelDirectory
                    + ": " + e.getMessage(), e);
        }
        if (proposal.dimensions() != 4) {
            int dimensions = proposal.dimensions();
            proposal.close();
            throw new IllegalArgumentException("the model in " + modelDirectory + " has "
                    + dimensions + " variables; the CCQE generator needs 4 (E_nu, p_mu,"
                    + " theta_mu, p_N)");
        }
        return new FlowProposalSampler(proposal, true);
    }

    /** A sampler over a proposal the caller keeps and closes. */
    public static FlowProposalSampler borrowing(SavedModelProposal proposal) {
        return new FlowProposalSampler(proposal, false);
    }

    /** The loaded model. */
    public SavedModelProposal proposal() {
        return proposal;
    }

    @Override
    public void sample(long seed, int count, ProposalBlock block) {
        block.resize(count);
        proposal.sample(seed, count, block.neutrinoEnergyGeV(), block.muonMomentumGeV(),
                block.muonAngleRad(), block.nucleonMomentumGeV(), block.logProposalDensity(), 0);
    }

    @Override
    public String name() {
        return "flow " + proposal.manifest().modelName();
    }

    @Override
    public void close() {
        if (owned) {
            proposal.close();
        }
    }
}
