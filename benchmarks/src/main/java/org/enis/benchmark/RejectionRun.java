package org.enis.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.ProposalBlock;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.QuantileRejection;
import org.enis.pipeline.sampling.WeightEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rejection sampling in cycles, as the paper does for Tables I and II: each cycle draws
 * {@code cycleSize} proposals with their log q, evaluates p and the weights, and accepts each
 * proposal with probability {@code min(w / w_Q, 1)} ({@link QuantileRejection}), until the
 * target number of events is accepted or a time cap is reached.
 *
 * <p>Several quantiles share one stream of cycles: the proposals and their weights of a cycle
 * are drawn once, and every quantile that has not reached its target runs its own accept step
 * on them with its own uniform draws. A quantile is charged, per cycle, the time of drawing and
 * evaluating plus the time of its own accept step, which is exactly what a run at that
 * quantile alone would have spent on the same cycles; the accept steps of the other quantiles
 * are not charged to it. A quantile's time counts whole cycles up to the one that completed its
 * events ({@code t_cycle * Cycles}).
 */
public final class RejectionRun {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionRun.class);
    /** Seconds between progress lines. */
    private static final double PROGRESS_SECONDS = 20;
    /** Quantiles one run can hold; also the stride of their acceptance seed streams. */
    public static final int MAX_QUANTILES = 64;

    /**
     * What one run did.
     *
     * @param quantiles progress of each quantile, in the order given
     * @param times time of every cycle run, accept steps of all quantiles included
     * @param wallSeconds wall-clock time of the run
     * @param capped whether the time cap stopped it before every quantile reached its target
     */
    public record Result(List<QuantileProgress> quantiles, CycleTimes times, double wallSeconds,
            boolean capped) {
    }

    private final ProposalSampler sampler;
    private final MeteredDensity density;
    private final BatchSeeds seeds;
    private final long batchNumber;
    private final int cycleSize;

    /**
     * @param sampler the proposal
     * @param density the target density, metered; its repeat factor is the cost factor
     * @param seeds seeds of the run
     * @param batchNumber seed stream of this run, apart from every other run's
     * @param cycleSize proposals per cycle, {@code >= 1}
     * @throws IllegalArgumentException if the cycle size is below 1
     */
    public RejectionRun(ProposalSampler sampler, MeteredDensity density, BatchSeeds seeds,
            long batchNumber, int cycleSize) {
        if (cycleSize < 1) {
            throw new IllegalArgumentException("cycle size must be >= 1, got " + cycleSize);
        }
        this.sampler = sampler;
        this.density = density;
        this.seeds = seeds;
        this.batchNumber = batchNumber;
        this.cycleSize = cycleSize;
    }

    /**
     * Runs cycles until every usable quantile has {@code targetEvents} accepted events or the
     * cap is reached; at least one cycle runs.
     *
     * @param quantiles Q of each threshold weight
     * @param thresholdWeights {@code w_Q} of each quantile; 0 marks an unusable quantile
     * @param targetEvents accepted events wanted per quantile, {@code >= 1}
     * @param maxSeconds time cap of the run, {@code > 0}
     * @return what was run
     * @throws IllegalArgumentException on mismatched arrays, more than {@value #MAX_QUANTILES}
     *     quantiles, or a bad target or cap
     */
    public Result run(double[] quantiles, double[] thresholdWeights, long targetEvents,
            double maxSeconds) {
        if (quantiles.length != thresholdWeights.length || quantiles.length == 0
                || quantiles.length > MAX_QUANTILES) {
            throw new IllegalArgumentException("need 1 to " + MAX_QUANTILES + " quantiles with"
                    + " one threshold weight each, got " + quantiles.length + " and "
                    + thresholdWeights.length);
        }
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException(
                    "time cap must be > 0 seconds, got " + maxSeconds);
        }
        List<QuantileProgress> progress = new ArrayList<>();
        List<QuantileRejection> rejections = new ArrayList<>();
        for (int q = 0; q < quantiles.length; q++) {
            progress.add(new QuantileProgress(quantiles[q], thresholdWeights[q], targetEvents));
            rejections.add(thresholdWeights[q] > 0
                    ? new QuantileRejection(thresholdWeights[q], false) : null);
        }
        WeightEvaluator evaluator = new WeightEvaluator(density);
        ProposalBlock block = new ProposalBlock();
        CycleTimes times = new CycleTimes();
        long capNanos = (long) Math.min(Long.MAX_VALUE / 2.0, maxSeconds * 1e9);
        long started = System.nanoTime();
        long lastReport = started;
        boolean capped = false;

        for (int cycle = 0; hasOpenQuantile(progress); cycle++) {
            if (cycle > 0 && System.nanoTime() - started >= capNanos) {
                capped = true;
                break;
            }
            long t0 = System.nanoTime();
            sampler.sample(seeds.seed(batchNumber * MAX_QUANTILES, cycle,
                    BatchSeeds.Stream.PROPOSALS), cycleSize, block);
            long t1 = System.nanoTime();
            density.resetTimer();
            int invalid = evaluator.evaluate(block);
            long t2 = System.nanoTime();
            long sampleNanos = t1 - t0;
            long densityNanos = density.nanos();
            long weightNanos = Math.max(0, t2 - t1 - densityNanos);

            long acceptNanos = 0;
            for (int q = 0; q < progress.size(); q++) {
                QuantileProgress quantile = progress.get(q);
                if (!quantile.isUsable() || quantile.isReached()) {
                    continue;
                }
                SplittableRandom uniforms = new SplittableRandom(seeds.seed(
                        batchNumber * MAX_QUANTILES + q, cycle, BatchSeeds.Stream.ACCEPTANCE));
                long a0 = System.nanoTime();
                long[] outcome = accept(block.weight(), block.size(), rejections.get(q),
                        uniforms, quantile.remaining());
                long ownAccept = System.nanoTime() - a0;
                acceptNanos += ownAccept;
                quantile.addCycle(sampleNanos + t2 - t1 + ownAccept, outcome[0], outcome[1],
                        outcome[2]);
            }
            times.addCycle(cycleSize, sampleNanos, densityNanos, weightNanos, acceptNanos);
            if (invalid > 0) {
                LOG.debug("cycle {}: {} proposals without a valid weight", cycle, invalid);
            }
            if (System.nanoTime() - lastReport > PROGRESS_SECONDS * 1e9) {
                lastReport = System.nanoTime();
                LOG.info("{} x{} density: cycle {}, {} s; {}", sampler.name(),
                        density.repeats(), cycle + 1, Math.round((lastReport - started) / 1e9),
                        describe(progress));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new Result(List.copyOf(progress), times, wall, capped);
    }

    /**
     * The accept step of one quantile over a cycle's weights, stopping at the event that fills
     * the quota.
     *
     * @param weights the weights of the cycle, {@code w[0..n)}
     * @param n proposals in the cycle
     * @return accepted events, proposals examined, invalid weights among them
     */
    static long[] accept(double[] weights, int n, QuantileRejection rejection,
            SplittableRandom uniforms, long quota) {
        long accepted = 0;
        long invalid = 0;
        int i = 0;
        for (; i < n && accepted < quota; i++) {
            double u = uniforms.nextDouble();
            double w = weights[i];
            if (Double.isNaN(w)) {
                invalid++;
            } else if (rejection.accepts(w, u)) {
                accepted++;
            }
        }
        return new long[] {accepted, i, invalid};
    }

    private static boolean hasOpenQuantile(List<QuantileProgress> progress) {
        for (QuantileProgress quantile : progress) {
            if (quantile.isUsable() && !quantile.isReached()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<QuantileProgress> progress) {
        StringBuilder text = new StringBuilder();
        for (QuantileProgress quantile : progress) {
            if (quantile.isUsable()) {
                text.append(String.format(Locale.ROOT, "Q=%s %d/%d ", quantile.quantile(),
                        quantile.accepted(), quantile.targetEvents()));
            }
        }
        return text.toString().trim();
    }
}
