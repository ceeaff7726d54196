package org.enis.benchmark.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enis.flow.ModelManifest;
import org.enis.flow.SavedModelProposal;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flux;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.sampling.FlowProposalSampler;
import org.enis.pipeline.sampling.ProposalBlock;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.UniformProposalSampler;

/**
 * What the microbenchmarks share: the flow model named by the system property
 * {@value #MODEL_PROPERTY} (set by {@code benchmark jmh}), the target density of its physics,
 * and proposals drawn from the flow or the uniform proposal.
 */
public final class BenchmarkFixtures {
    /** System property holding the model directory. */
    public static final String MODEL_PROPERTY = "enis.benchmark.model";
    /** The flow proposal. */
    public static final String FLOW = "flow";
    /** The uniform proposal over the background box. */
    public static final String UNIFORM = "uniform";

    private BenchmarkFixtures() {
    }

    /**
     * Loads the model of {@value #MODEL_PROPERTY}.
     *
     * @return the loaded proposal; close it
     * @throws IllegalStateException if the property is not set or the model cannot be read
     */
    public static SavedModelProposal loadModel() {
        String directory = System.getProperty(MODEL_PROPERTY);
        if (directory == null || !Files.isDirectory(Path.of(directory))) {
            throw new IllegalStateException("set -D" + MODEL_PROPERTY + " to a model directory"
                    + " (bin/benchmark jmh does), got " + directory);
        }
        try {
            return SavedModelProposal.load(Path.of(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The target density of the physics a model was trained for.
     *
     * @param manifest the model's manifest
     * @return the CCQE target density with its parameters and flux
     */
    public static CcqeTargetDensity density(ModelManifest manifest) {
        return new CcqeTargetDensity(CcqeParameters.parse(manifest.physics().parameters()),
                Flux.parse(manifest.physics().flux()));
    }

    /**
     * Draws proposals from the flow or the uniform proposal over the model's background box.
     *
     * @param proposal {@value #FLOW} or {@value #UNIFORM}
     * @param model the flow
     * @param count proposals
     * @param seed seed
     * @return the proposals with their log q
     * @throws IllegalArgumentException for an unknown proposal
     */
    public static ProposalBlock draw(String proposal, SavedModelProposal model, int count,
            long seed) {
        ProposalBlock block = new ProposalBlock();
        try (ProposalSampler sampler = sampler(proposal, model)) {
            sampler.sample(seed, count, block);
        }
        return block;
    }

    /**
     * The sampler of a proposal; closing it leaves the model open.
     *
     * @param proposal {@value #FLOW} or {@value #UNIFORM}
     * @param model the flow
     * @return the sampler
     * @throws IllegalArgumentException for an unknown proposal
     */
    public static ProposalSampler sampler(String proposal, SavedModelProposal model) {
        switch (proposal) {
            case FLOW:
                return FlowProposalSampler.borrowing(model);
            case UNIFORM:
                return new UniformProposalSampler(PhaseSpaceBox.background(
                        CcqeParameters.parse(model.manifest().physics().parameters())));
            default:
                throw new IllegalArgumentException(
                        "proposal must be flow or uniform, got " + proposal);
        }
    }
}
