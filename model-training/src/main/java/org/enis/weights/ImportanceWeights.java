package org.enis.weights;

import org.enis.physics.TargetDensity;

/**
 * The importance weights {@code w = p / q} of a block of proposals, shared by the trainer's
 * calibration, the pipeline and the benchmarks so that all three treat a bad proposal alike.
 *
 * <p>A proposal whose point is not finite, whose log q is NaN or +infinity, or whose weight
 * comes out NaN, infinite or negative has no usable weight: it is marked {@code w = NaN} and
 * counted, so that the caller reports it instead of dropping it silently.
 */
public final class ImportanceWeights {

    private ImportanceWeights() {
    }

    /**
     * Fills {@code p[0..n)} with the target density (the physics batch API) and {@code w[0..n)}
     * with the weights. A point that is not finite is set to the origin first, since the
     * density rejects such input; its weight is marked invalid.
     *
     * @param x the four columns of the points, overwritten only where a point is not finite
     * @param logQ log q of each point, set to NaN where the point is not finite
     * @return the number of proposals whose weight is invalid (marked NaN)
     */
    public static int evaluate(TargetDensity density, double[][] x, double[] logQ, double[] p,
            double[] w, int n) {
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(x[0][i]) && Double.isFinite(x[1][i])
                    && Double.isFinite(x[2][i]) && Double.isFinite(x[3][i]))) {
                x[0][i] = 0;
                x[1][i] = 0;
                x[2][i] = 0;
                x[3][i] = 0;
                logQ[i] = Double.NaN;
            }
        }
        density.density(x[0], x[1], x[2], x[3], p, 0, n);

        int invalid = 0;
        for (int i = 0; i < n; i++) {
            // p is exactly 0 outside the support: the weight is 0 there whatever q says, as
            // long as q itself is a number.
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
}
