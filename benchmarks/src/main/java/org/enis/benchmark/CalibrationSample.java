package org.enis.benchmark;

import java.util.Arrays;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.ProposalBlock;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.WeightEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weights of N fresh proposals from one proposal density, the sample the paper chooses its
 * thresholds from (ten million weights, section IV.B), with the bin code of every point of
 * positive weight for the coverage maps and the time the sample took.
 *
 * <p>Proposals whose weight could not be formed (NaN, see {@link WeightEvaluator}) are counted
 * and left out of the weights.
 */
public final class CalibrationSample {
    private static final Logger LOG = LoggerFactory.getLogger(CalibrationSample.class);
    /** Seconds between progress lines. */
    private static final double PROGRESS_SECONDS = 15;

    private final String proposalName;
    private final double[] weights;
    private final int[] positiveCodes;
    private final long invalidWeights;
    private final CycleTimes times;

    private CalibrationSample(String proposalName, double[] weights, int[] positiveCodes,
            long invalidWeights, CycleTimes times) {
        this.proposalName = proposalName;
        this.weights = weights;
        this.positiveCodes = positiveCodes;
        this.invalidWeights = invalidWeights;
        this.times = times;
    }

    /**
     * Draws {@code size} proposals in cycles of {@code cycleSize} and forms their weights.
     *
     * @param sampler the proposal
     * @param density the target density, metered (repeats 1)
     * @param seeds seeds of the run
     * @param batchNumber the seed stream of this sample
     * @param size proposals, {@code >= 1}
     * @param cycleSize proposals per sampler call, {@code >= 1}
     * @param binning bins for the coverage maps
     * @return the sample
     * @throws IllegalArgumentException if a size is below 1
     */
    public static CalibrationSample draw(ProposalSampler sampler, MeteredDensity density,
            BatchSeeds seeds, long batchNumber, int size, int cycleSize, BoxBinning binning) {
        if (size < 1 || cycleSize < 1) {
            throw new IllegalArgumentException("sample size and cycle size must be >= 1, got "
                    + size + " and " + cycleSize);
        }
        WeightEvaluator evaluator = new WeightEvaluator(density);
        ProposalBlock block = new ProposalBlock();
        CycleTimes times = new CycleTimes();
        double[] weights = new double[size];
        int[] codes = new int[Math.min(size, cycleSize)];
        int valid = 0;
        int positive = 0;
        long invalid = 0;
        long started = System.nanoTime();
        long lastReport = started;
        for (int cycle = 0, drawn = 0; drawn < size; cycle++) {
            int count = Math.min(cycleSize, size - drawn);
            long t0 = System.nanoTime();
            sampler.sample(seeds.seed(batchNumber, cycle, BatchSeeds.Stream.PROPOSALS), count,
                    block);
            long t1 = System.nanoTime();
            density.resetTimer();
            invalid += evaluator.evaluate(block);
            long t2 = System.nanoTime();
            times.addCycle(count, t1 - t0, density.nanos(),
                    Math.max(0, t2 - t1 - density.nanos()), 0);

            double[] w = block.weight();
            for (int i = 0; i < count; i++) {
                if (Double.isNaN(w[i])) {
                    continue;
                }
                weights[valid++] = w[i];
                if (w[i] > 0) {
                    if (positive == codes.length) {
                        codes = Arrays.copyOf(codes, Math.min(size, 2 * codes.length));
                    }
                    codes[positive++] = binning.code(block.neutrinoEnergyGeV()[i],
                            block.muonMomentumGeV()[i], block.muonAngleRad()[i],
                            block.nucleonMomentumGeV()[i]);
                }
            }
            drawn += count;
            if (System.nanoTime() - lastReport > PROGRESS_SECONDS * 1e9) {
                lastReport = System.nanoTime();
                LOG.info("{} calibration sample: {} of {} proposals in {} s", sampler.name(),
                        drawn, size, Math.round((lastReport - started) / 1e9));
            }
        }
        if (invalid > 0) {
            LOG.warn("{} of {} {} proposals had no valid weight (NaN); left out", invalid, size,
                    sampler.name());
        }
        LOG.info("{} calibration sample of {} proposals: {}", sampler.name(), size, times);
        return new CalibrationSample(sampler.name(), Arrays.copyOf(weights, valid),
                Arrays.copyOf(codes, positive), invalid, times);
    }

    /**
     * A sample from given weights and codes (for tests and re-analysis).
     *
     * @param proposalName name of the proposal
     * @param weights valid weights, finite and {@code >= 0}
     * @param positiveCodes bin code of each positive weight, in order
     * @return the sample, with no timing
     * @throws IllegalArgumentException if the codes do not match the positive weights
     */
    public static CalibrationSample of(String proposalName, double[] weights,
            int[] positiveCodes) {
        long positive = Arrays.stream(weights).filter(w -> w > 0).count();
        if (positive != positiveCodes.length) {
            throw new IllegalArgumentException(positiveCodes.length + " bin codes for "
                    + positive + " positive weights");
        }
        return new CalibrationSample(proposalName, weights.clone(), positiveCodes.clone(), 0,
                new CycleTimes());
    }

    /** @return the proposal's name */
    public String proposalName() {
        return proposalName;
    }

    /** @return the valid weights in drawing order (not a copy: do not modify) */
    public double[] weights() {
        return weights;
    }

    /** @return the positive weights in drawing order, aligned with {@link #positiveCodes()} */
    public double[] positiveWeights() {
        return Arrays.stream(weights).filter(w -> w > 0).toArray();
    }

    /** @return the bin code of each positive weight (not a copy: do not modify) */
    public int[] positiveCodes() {
        return positiveCodes;
    }

    /** @return proposals without a valid weight */
    public long invalidWeights() {
        return invalidWeights;
    }

    /** @return time of drawing the sample and forming its weights */
    public CycleTimes times() {
        return times;
    }

    /** @return proposals drawn, valid and invalid */
    public long proposals() {
        return weights.length + invalidWeights;
    }

    @Override
    public String toString() {
        return proposalName + " calibration sample of " + proposals() + " proposals: " + times;
    }
}
