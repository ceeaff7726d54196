package org.enis.pipeline.sampling;

import org.enis.physics.TargetDensity;

/**
 * Forms the weights {@code w = p / q} of a block of proposals: evaluates the target density p
 * with the physics batch API, then {@code w = p exp(-log q)}.
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
        int n = block.size();
        double[] p = block.targetDensity();
        double[] logQ = block.logProposalDensity();
        double[] w = block.weight();
        int invalid = 0;

        // p is exactly 0 outside its support; the density rejects NaN or infinite points, so a
        // point the proposal got wrong is marked before the batch call.
        double[][] x = {block.neutrinoEnergyGeV(), block.muonMomentumGeV(),
            block.muonAngleRad(), block.nucleonMomentumGeV()};
        for (int i = 0; i < n; i++) {
            if (!isFinitePoint(x, i)) {
                x[0][i] = 0;
                x[1][i] = 0;
                x[2][i] = 0;
                x[3][i] = 0;
                logQ[i] = Double.NaN;
            }
        }
        density.density(x[0], x[1], x[2], x[3], p, 0, n);

        for (int i = 0; i < n; i++) {
            double weight = p[i] == 0.0 && logQ[i] < Double.POSITIVE_INFINITY
                    ? 0.0 : p[i] * Math.exp(-logQ[i]);
            if (Double.isNaN(logQ[i]) || !Double.isFinite(weight) || weight < 0) {
                w[i] = Double.NaN;
                invalid++;
            } else {
                w[i] = weight;
            }
        }
        return invalid;
    }

    private static boolean isFinitePoint(double[][] x, int i) {
        return Double.isFinite(x[0][i]) && Double.isFinite(x[1][i])
                && Double.isFinite(x[2][i]) && Double.isFinite(x[3][i]);
    }
}
