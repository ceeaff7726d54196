package org.enis.pipeline;

import java.nio.file.Path;
import org.enis.physics.CcqeParameters;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.WeightEvaluator;

/** Loading and checking a trained flow model. */
final class FlowModels {

    private FlowModels() {
    }

    static ResolvedProposal resolve(Path modelDirectory, CcqeParameters physics,
            double quantile, boolean recalibrate, int calibrationProposals,
            WeightEvaluator weights, BatchSeeds seeds) {
        throw new IllegalArgumentException("the flow proposal needs the model loader of"
                + " model-training, not installed yet; use --proposal=uniform");
    }
}
