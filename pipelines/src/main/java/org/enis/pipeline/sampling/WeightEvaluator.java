package org.enis.pipeline.sampling;

import org.enis.physics.TargetDensity;
import org.enis.weights.ImportanceWeights;

/**
 * Forms the weights {@code w = p / q} of a block of proposals with {@link ImportanceWeights}:
 * the target density p by the physics batch API, then {@code w = p exp(-log q)}.
 *
 * <p>A proposal whose log q is NaN or +infinity, or whose weight comes out NaN or infinite, has
 * no usable weight: it is marked with {@code w = NaN} and counted by the caller as an invalid
 * weight, never accepted and never silently dropped.
 */
public final class WeightEvaluator {
    private final TargetDensity density;

    /** @param density the target density p, thread-safe */
    public WeightEvaluator(TargetDensity density) {
        this.density = density;
    }

    /**
     * Fills the target density and the weight of every proposal of the block.
     *
     * @return the number of proposals whose weight is invalid (marked NaN)
     */
    public int evaluate(ProposalBlock block) {
        double[][] x = {block.neutrinoEnergyGeV(), block.muonMomentumGeV(),
            block.muonAngleRad(), block.nucleonMomentumGeV()};
        return ImportanceWeights.evaluate(density, x, block.logProposalDensity(),
                block.targetDensity(), block.weight(), block.size());
    }
}
