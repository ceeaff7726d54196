package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.enis.benchmark.CycleTimes.Component;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.QuantileRejection;
import org.enis.pipeline.sampling.UniformProposalSampler;
import org.junit.jupiter.api.Test;

/**
 * Rejection runs of the uniform proposal on a constant density over its own box: every weight
 * is {@code w = c V} (V the box volume), so acceptance at threshold {@code k w} is exactly
 * {@code 1 / k}.
 */
class RejectionRunTest {
    private static final PhaseSpaceBox BOX = BoxDensity.unitBox();
    /** c = 3 over a box of volume 1: every weight is 3. */
    private static final double WEIGHT = 3.0;

    private static RejectionRun run(BoxDensity density, int repeats, int cycleSize) {
        return new RejectionRun(new UniformProposalSampler(BOX),
                new MeteredDensity(density, repeats), new BatchSeeds("test"), 1, cycleSize);
    }

    @Test
    void atAcceptanceOneEveryProposalUpToTheTargetIsAnEvent() {
        BoxDensity density = new BoxDensity(BOX, WEIGHT);
        RejectionRun.Result result = run(density, 1, 300).run(new double[] {1.0},
                new double[] {WEIGHT}, 1000, 60);

        QuantileProgress q = result.quantiles().get(0);
        assertThat(result.capped()).isFalse();
        // 300 + 300 + 300 + 100 proposals: four cycles, the last examined up to the 1000th
        assertThat(q.accepted()).isEqualTo(1000);
        assertThat(q.proposals()).isEqualTo(1000);
        assertThat(q.cycles()).isEqualTo(4);
        assertThat(result.times().cycles()).isEqualTo(4);
        assertThat(result.times().proposals()).isEqualTo(1200);
        assertThat(density.batchCalls()).isEqualTo(4);
        assertThat(q.timeToTarget(RejectionCycles.cycles(1000, 1.0, 300)).basis())
                .isEqualTo(TimeBasis.MEASURED);
        assertThat(q.nanos()).isPositive();
    }

    @Test
    void acceptanceFollowsTheThresholdAndRunsAreReproducible() {
        double[] quantiles = {0.9, 0.5};
        double[] thresholds = {4 * WEIGHT, 2 * WEIGHT};
        RejectionRun.Result first = run(new BoxDensity(BOX, WEIGHT), 1, 1000).run(quantiles,
                thresholds, 2000, 60);
        RejectionRun.Result second = run(new BoxDensity(BOX, WEIGHT), 1, 1000).run(quantiles,
                thresholds, 2000, 60);

        QuantileProgress quarter = first.quantiles().get(0);
        QuantileProgress half = first.quantiles().get(1);
        // binomial: sigma of the acceptance 0.25 over ~8000 proposals is 0.005
        assertThat(quarter.observedAcceptance()).isCloseTo(0.25, within(0.03));
        assertThat(half.observedAcceptance()).isCloseTo(0.5, within(0.03));
        assertThat(quarter.accepted()).isEqualTo(2000);
        assertThat(half.accepted()).isEqualTo(2000);
        // the stream runs on until the slower quantile is done; the faster stops being charged
        assertThat(first.times().cycles()).isEqualTo(quarter.cycles());
        assertThat(half.cycles()).isLessThan(quarter.cycles());
        assertThat(second.quantiles().get(0).proposals()).isEqualTo(quarter.proposals());
        assertThat(second.quantiles().get(1).proposals()).isEqualTo(half.proposals());
    }

    @Test
    void theCapStopsTheRunAfterAtLeastOneCycle() {
        RejectionRun.Result result = run(new BoxDensity(BOX, WEIGHT), 1, 500).run(
                new double[] {1.0}, new double[] {10 * WEIGHT}, 1_000_000, 1e-9);

        QuantileProgress q = result.quantiles().get(0);
        assertThat(result.capped()).isTrue();
        assertThat(q.cycles()).isEqualTo(1);
        TimeToEvents time = q.timeToTarget(20_000);
        assertThat(time.basis()).isEqualTo(TimeBasis.EXTRAPOLATED);
        assertThat(time.seconds()).isCloseTo(20_000 * q.nanos() / 1e9, within(1e-9));
    }

    @Test
    void anUnusableQuantileIsSkipped() {
        RejectionRun.Result result = run(new BoxDensity(BOX, WEIGHT), 1, 500).run(
                new double[] {1.0, 0.5}, new double[] {WEIGHT, 0}, 700, 60);

        assertThat(result.quantiles().get(0).accepted()).isEqualTo(700);
        assertThat(result.quantiles().get(1).isUsable()).isFalse();
        assertThat(result.quantiles().get(1).cycles()).isZero();
    }

    @Test
    void theDensityIsEvaluatedCostFactorTimesPerCycle() {
        BoxDensity density = new BoxDensity(BOX, WEIGHT);
        RejectionRun.Result result = run(density, 5, 200).run(new double[] {1.0},
                new double[] {WEIGHT}, 400, 60);

        assertThat(result.times().cycles()).isEqualTo(2);
        assertThat(density.batchCalls()).isEqualTo(10);
        assertThat(result.times().nanos(Component.DENSITY)).isPositive();
    }

    @Test
    void theAcceptStepStopsAtTheQuotaAndCountsInvalidWeights() {
        QuantileRejection rejection = new QuantileRejection(1.0, false);
        double[] weights = {0, Double.NaN, 5, 5, 5, 5};
        long[] outcome = RejectionRun.accept(weights, 6, rejection, new SplittableRandom(1), 2);
        // index 0 (w = 0) rejected, 1 invalid, 2 and 3 accepted: 4 examined
        assertThat(outcome).containsExactly(2, 4, 1);
        long[] all = RejectionRun.accept(weights, 3, rejection, new SplittableRandom(1), 10);
        assertThat(all).containsExactly(1, 3, 1);
    }

    @Test
    void rejectsBadArguments() {
        RejectionRun run = run(new BoxDensity(BOX, WEIGHT), 1, 100);
        assertThatThrownBy(() -> run.run(new double[] {1.0}, new double[] {1, 2}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.run(new double[] {1.0}, new double[] {1}, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> new MeteredDensity(new BoxDensity(BOX, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, ");
    }
}
