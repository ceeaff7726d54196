package org.enis.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.PhaseSpaceBox;
import org.junit.jupiter.api.Test;

class StartupCalibrationTest {

    private static final CcqeParameters PHYSICS = CcqeParameters.defaults();
    private static final WeightEvaluator WEIGHTS =
            new WeightEvaluator(new CcqeTargetDensity(PHYSICS));
    private static final BatchSeeds SEEDS = new BatchSeeds("calibration-test");

    /** A broken proposal: every point it draws is NaN. */
    private static final ProposalSampler BROKEN = new ProposalSampler() {
        @Override
        public void sample(long seed, int count, ProposalBlock block) {
            block.resize(count);
            for (double[] column : new double[][] {block.neutrinoEnergyGeV(),
                block.muonMomentumGeV(), block.muonAngleRad(), block.nucleonMomentumGeV(),
                block.logProposalDensity()}) {
                Arrays.fill(column, 0, count, Double.NaN);
            }
        }

        @Override
        public String name() {
            return "broken";
        }
    };

    @Test
    void theUniformProposalCalibratesToTheQuantileOfItsWeights() {
        StartupCalibration.Result result = StartupCalibration.calibrate(
                new UniformProposalSampler(PhaseSpaceBox.background(PHYSICS)), WEIGHTS, SEEDS,
                0.99, 20_000);

        assertThat(result.proposals()).isEqualTo(20_000);
        assertThat(result.invalidWeights()).isZero();
        // The paper: 98.03 % of the uniform proposals have weight 0; here the box is the same.
        assertThat(result.zeroFraction()).isBetween(0.97, 0.99);
        assertThat(result.row().quantile()).isEqualTo(0.99);
        assertThat(result.row().thresholdWeight()).isPositive();
    }

    @Test
    void aProposalWithoutAnyValidWeightIsAClearError() {
        assertThatThrownBy(() -> StartupCalibration.calibrate(BROKEN, WEIGHTS, SEEDS, 0.99,
                1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 1000 calibration proposals from the broken"
                        + " proposal has a valid weight");
    }
}
