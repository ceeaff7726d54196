package org.enis.training;

/**
 * A target density p(x) evaluated on a batch of points held as one array per variable
 * (structure of arrays), the shape of the physics module's batch method
 * {@code TargetDensity.density(eNu, pMu, theta, pN, out, from, to)}.
 *
 * <p>p need not be normalised: ENIS only needs it up to a constant. It must be finite and
 * &gt;= 0 everywhere, and exactly 0 outside its support.
 */
@FunctionalInterface
public interface BatchTargetDensity {

    /**
     * Writes {@code p(x_i)} to {@code out[i]} for i in {@code [from, to)}.
     *
     * @param columns {@code columns[d][i]} is coordinate d of point i, physical units
     * @param out receives the densities
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    void density(double[][] columns, double[] out, int from, int to);
}
