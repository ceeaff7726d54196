package org.enis.pipeline.sampling;

import java.util.SplittableRandom;

/**
 * Generates the accepted events of one batch: draws proposals from q in cycles, forms their
 * weights against p, and accepts by quantile rejection until the batch's event quota is met.
 *
 * <p>A batch is sequential rejection sampling: the proposals tallied are those up to and
 * including the one that filled the quota, so that accepted over proposals is the acceptance
 * of the paper's Table I; the rest of the last cycle is discarded unseen, which biases nothing
 * because proposals are independent. Cycles are sized from the expected acceptance so that one
 * cycle usually suffices; every draw is seeded by {@link BatchSeeds}, so a batch is
 * reproducible from its number alone. Not thread-safe: one instance per worker thread.
 */
public final class BatchGenerator {
    /** Fewest proposals drawn in one cycle. */
    public static final int MIN_CYCLE_PROPOSALS = 256;
    /** Most proposals drawn in one cycle (bounds the memory of a block). */
    public static final int MAX_CYCLE_PROPOSALS = 262_144;
    /** Relative head-room on the expected number of proposals a quota needs. */
    private static final double CYCLE_HEADROOM = 0.02;
    /** Standard deviations of head-room on the accepted count of a cycle. */
    private static final double CYCLE_SIGMAS = 4.0;
    /** A batch gives up after this many times the proposals its quota should need. */
    private static final double RUNAWAY_FACTOR = 1000.0;

    /** Receives each accepted event of a batch. */
    public interface EventSink {
        /**
         * @param indexInBatch 0, 1, ... in acceptance order
         * @param block the proposals of the current cycle
         * @param proposal index of the accepted proposal in the block
         * @param eventWeight 1, or {@code w / w_Q} above the threshold in exact mode
         */
        void accept(int indexInBatch, ProposalBlock block, int proposal, double eventWeight);
    }

    private final ProposalSampler sampler;
    private final WeightEvaluator weights;
    private final QuantileRejection rejection;
    private final BatchSeeds seeds;
    private final double expectedAcceptance;
    private final ProposalBlock block = new ProposalBlock();

    /**
     * @param expectedAcceptance acceptance expected from the calibration, in (0, 1]; sizes the
     *     cycles only, never changes what is generated
     */
    public BatchGenerator(ProposalSampler sampler, WeightEvaluator weights,
            QuantileRejection rejection, BatchSeeds seeds, double expectedAcceptance) {
        if (!(expectedAcceptance > 0 && expectedAcceptance <= 1)) {
            throw new IllegalArgumentException(
                    "expected acceptance must be in (0, 1], got " + expectedAcceptance);
        }
        this.sampler = sampler;
        this.weights = weights;
        this.rejection = rejection;
        this.seeds = seeds;
        this.expectedAcceptance = expectedAcceptance;
    }

    /**
     * Generates the {@code quota} events of batch {@code batchNumber}.
     *
     * @return the tally of the proposals the batch used
     * @throws IllegalStateException when the acceptance collapsed far below the expected one, so
     *     that the quota cannot be met in reasonable time
     */
    public CoverageTally generate(long batchNumber, int quota, EventSink sink) {
        CoverageTally tally = new CoverageTally(rejection.thresholdWeight());
        long budget = (long) (RUNAWAY_FACTOR * (quota / expectedAcceptance)) + 1_000_000L;
        int accepted = 0;
        for (int cycle = 0; accepted < quota; cycle++) {
            if (tally.proposals() > budget) {
                throw new IllegalStateException(String.format("batch %d accepted %d of %d events"
                        + " in %d proposals, far below the expected acceptance %.3g: %s",
                        batchNumber, accepted, quota, tally.proposals(), expectedAcceptance,
                        tally));
            }
            int count = cycleSize(quota - accepted);
            sampler.sample(seeds.seed(batchNumber, cycle, BatchSeeds.Stream.PROPOSALS), count,
                    block);
            weights.evaluate(block);
            SplittableRandom uniforms = new SplittableRandom(
                    seeds.seed(batchNumber, cycle, BatchSeeds.Stream.ACCEPTANCE));
            double[] w = block.weight();

            for (int i = 0; i < count && accepted < quota; i++) {
                double u = uniforms.nextDouble();
                if (Double.isNaN(w[i])) {
                    tally.addInvalid();
                    continue;
                }
                tally.addWeight(w[i]);
                if (rejection.accepts(w[i], u)) {
                    tally.addAccepted();
                    sink.accept(accepted, block, i, rejection.eventWeight(w[i]));
                    accepted++;
                }
            }
        }
        return tally;
    }

    /** Proposals for a cycle that should meet {@code remaining} events with high probability. */
    int cycleSize(int remaining) {
        double a = expectedAcceptance;
        double expected = remaining / a;
        double sigma = Math.sqrt(remaining * (1 - a)) / a;
        double size = expected * (1 + CYCLE_HEADROOM) + CYCLE_SIGMAS * sigma;
        return (int) Math.max(MIN_CYCLE_PROPOSALS, Math.min(MAX_CYCLE_PROPOSALS, Math.ceil(size)));
    }
}
