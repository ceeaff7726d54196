package org.enis.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.junit.jupiter.api.Test;

class ImportanceWeightsTest {

    private static final CcqeTargetDensity DENSITY = new CcqeTargetDensity(
            CcqeParameters.defaults());

    /**
     * One proposal of each kind: inside the support, outside it, with q = +infinity outside,
     * a point that is not finite, log q NaN, and q = 0 (log q = -infinity) inside the support.
     */
    @Test
    void validWeightsArePOverQAndEveryBadProposalIsMarkedAndCounted() {
        double inside = DENSITY.density(1.0, 0.8, 0.5236, 0.15);
        assertThat(inside).isPositive();
        double[][] x = {
            {1.0, 1.0, 1.0, Double.NaN, 1.0, 1.0},
            {0.8, 3.0, 3.0, 0.8, 0.8, 0.8},
            {0.5236, 0.5236, 0.5236, 0.5236, 0.5236, 0.5236},
            {0.15, 0.15, 0.15, 0.15, 0.15, 0.15},
        };
        double[] logQ = {-1.5, -1.5, Double.POSITIVE_INFINITY, -1.5, Double.NaN,
            Double.NEGATIVE_INFINITY};
        double[] p = new double[6];
        double[] w = new double[6];

        int invalid = ImportanceWeights.evaluate(DENSITY, x, logQ, p, w, 6);

        assertThat(invalid).isEqualTo(3);
        assertThat(p[0]).isEqualTo(inside);
        assertThat(w[0]).isEqualTo(inside * Math.exp(1.5));
        // p_mu = 3 GeV/c from E_nu = 1 GeV is kinematically forbidden: p = 0 exactly.
        assertThat(p[1]).isZero();
        assertThat(w[1]).isZero();
        assertThat(w[2]).isZero();
        assertThat(w[3]).isNaN();
        assertThat(logQ[3]).isNaN();
        assertThat(w[4]).isNaN();
        assertThat(w[5]).isNaN();
    }
}
