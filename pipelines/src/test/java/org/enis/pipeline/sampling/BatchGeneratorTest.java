package org.enis.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.enis.physics.PhaseSpaceBox;
import org.enis.physics.TargetDensity;
import org.junit.jupiter.api.Test;

/**
 * Rejection on a target with known answers: q uniform on the unit box, {@code p(x) = 2 x_0}, so
 * {@code w = 2 x_0} is uniform on [0, 2]. With {@code w_Q = 1}: acceptance
 * {@code E[min(w, 1)] = 3/4}, coverage {@code 3/4 / E[w] = 3/4}, ESS ratio of the clipped
 * weights {@code E[w']^2 / E[w'^2] = (3/4)^2 / (2/3) = 27/32}, integral 1, half the weights
 * above the threshold. The accepted x_0 has mean {@code (1/12 + 3/8) / (3/4) = 11/18} when
 * clipped, and the exact-mode weighted mean is the mean under p, 2/3.
 */
class BatchGeneratorTest {
    private static final PhaseSpaceBox UNIT_BOX =
            new PhaseSpaceBox(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1});
    private static final TargetDensity LINEAR = (e, pMu, theta, pN) -> 2 * e;
    /** Five standard deviations of the estimates below at these sample sizes. */
    private static final double STATISTICAL_TOLERANCE = 0.006;

    private static BatchGenerator generator(String runId, boolean exact) {
        return new BatchGenerator(new UniformProposalSampler(UNIT_BOX),
                new WeightEvaluator(LINEAR), new QuantileRejection(1.0, exact),
                new BatchSeeds(runId), 0.75);
    }

    private record Event(int index, double x0, double weight) {
    }

    private static List<Event> collect(BatchGenerator generator, long batch, int quota,
            CoverageTally[] tallyOut) {
        List<Event> events = new ArrayList<>();
        tallyOut[0] = generator.generate(batch, quota, (index, block, i, weight) ->
                events.add(new Event(index, block.neutrinoEnergyGeV()[i], weight)));
        return events;
    }

    @Test
    void batchPublishesExactlyItsQuotaWithDenseIndices() {
        CoverageTally[] tally = new CoverageTally[1];
        List<Event> events = collect(generator("dense", false), 3, 1234, tally);

        assertThat(events).hasSize(1234);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).index()).isEqualTo(i);
        }
        assertThat(tally[0].accepted()).isEqualTo(1234);
    }

    @Test
    void acceptanceCoverageAndEssMatchTheKnownAnswers() {
        CoverageTally[] tally = new CoverageTally[1];
        collect(generator("known", false), 0, 150_000, tally);
        CoverageTally t = tally[0];

        assertThat(t.acceptance()).isCloseTo(0.75, within(STATISTICAL_TOLERANCE));
        assertThat(t.expectedAcceptance()).isCloseTo(0.75, within(STATISTICAL_TOLERANCE));
        assertThat(t.coverage()).isCloseTo(0.75, within(STATISTICAL_TOLERANCE));
        assertThat(t.effectiveSampleSizeRatio())
                .isCloseTo(27.0 / 32, within(STATISTICAL_TOLERANCE));
        assertThat(t.integralEstimate()).isCloseTo(1.0, within(STATISTICAL_TOLERANCE));
        assertThat((double) t.aboveThreshold() / t.proposals())
                .isCloseTo(0.5, within(STATISTICAL_TOLERANCE));
        assertThat(t.invalidWeights()).isZero();
    }

    @Test
    void plainModeSamplesTheClippedDensityAndExactModeTheTargetItself() {
        CoverageTally[] tally = new CoverageTally[1];
        List<Event> plain = collect(generator("modes", false), 0, 150_000, tally);
        List<Event> exact = collect(generator("modes", true), 0, 150_000, tally);

        double plainMean = plain.stream().mapToDouble(Event::x0).average().orElseThrow();
        double weightSum = exact.stream().mapToDouble(Event::weight).sum();
        double exactMean = exact.stream().mapToDouble(e -> e.x0() * e.weight()).sum() / weightSum;

        assertThat(plain).allSatisfy(e -> assertThat(e.weight()).isEqualTo(1.0));
        assertThat(plainMean).isCloseTo(11.0 / 18, within(STATISTICAL_TOLERANCE / 2));
        assertThat(exactMean).isCloseTo(2.0 / 3, within(STATISTICAL_TOLERANCE / 2));
        assertThat(exact).anySatisfy(e -> assertThat(e.weight()).isGreaterThan(1.5));
    }

    @Test
    void sameRunIdAndBatchNumberGiveIdenticalEvents() {
        CoverageTally[] first = new CoverageTally[1];
        CoverageTally[] second = new CoverageTally[1];
        List<Event> a = collect(generator("repro", false), 42, 5000, first);
        // A generator that already made another batch must not carry state over.
        BatchGenerator used = generator("repro", false);
        collect(used, 7, 999, new CoverageTally[1]);
        List<Event> b = collect(used, 42, 5000, second);
        List<Event> otherBatch = collect(generator("repro", false), 43, 5000, second);
        List<Event> otherRun = collect(generator("repro-2", false), 42, 5000, second);

        assertThat(b).isEqualTo(a);
        assertThat(second[0]).isNotNull();
        assertThat(otherBatch).isNotEqualTo(a);
        assertThat(otherRun).isNotEqualTo(a);
    }

    @Test
    void nanProposalDensitiesAreCountedAndNeverAccepted() {
        ProposalSampler broken = new ProposalSampler() {
            private final UniformProposalSampler uniform = new UniformProposalSampler(UNIT_BOX);

            @Override
            public void sample(long seed, int count, ProposalBlock block) {
                uniform.sample(seed, count, block);
                for (int i = 0; i < count; i += 10) {
                    block.logProposalDensity()[i] = Double.NaN;
                }
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        BatchGenerator generator = new BatchGenerator(broken, new WeightEvaluator(LINEAR),
                new QuantileRejection(1.0, false), new BatchSeeds("nan"), 0.75);
        List<Double> weights = new ArrayList<>();

        CoverageTally tally = generator.generate(0, 10_000, (index, block, i, weight) ->
                weights.add(block.weight()[i]));

        assertThat(weights).hasSize(10_000).allSatisfy(w -> assertThat(w).isNotNaN());
        assertThat(tally.invalidWeights()).isGreaterThan(0);
        assertThat((double) tally.invalidWeights() / tally.proposals())
                .isCloseTo(0.1, within(0.01));
    }

    @Test
    void aTargetThatIsZeroEverywhereFailsClearlyInsteadOfSpinning() {
        BatchGenerator generator = new BatchGenerator(new UniformProposalSampler(UNIT_BOX),
                new WeightEvaluator((e, pMu, theta, pN) -> 0.0),
                new QuantileRejection(1.0, false), new BatchSeeds("zero"), 0.5);

        assertThatThrownBy(() -> generator.generate(0, 10, (index, block, i, weight) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batch 0 accepted 0 of 10 events");
    }
}
