package org.enis.pipeline.sampling;

import java.util.Arrays;
import org.enis.weights.CalibrationRow;
import org.enis.weights.WeightStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calibrates a proposal at start-up, when the model's own calibration does not apply (the run's
 * physics parameters differ from the model's, the quantile is not in its table, the uniform
 * proposal, or {@code --recalibrate}): draws N proposals, forms their weights against the run's
 * target density and takes the threshold weight {@code w_Q} as the Q-quantile of the weights
 * ({@link WeightStatistics}, the same definition the training calibration uses).
 *
 * <p>Draws are seeded from the run id (a stream of their own, apart from every batch), so a
 * run's threshold is reproducible. Invalid weights are counted and left out of the quantile.
 */
public final class StartupCalibration {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCalibration.class);
    /** Proposals drawn per sampler call. */
    private static final int CHUNK = 20_000;
    /** The pseudo batch number whose seeds the calibration uses; batches are >= 0. */
    private static final long CALIBRATION_BATCH = -1;

    /** The threshold at one quantile and what it implies. */
    public record Result(CalibrationRow row, long proposals, long invalidWeights,
            double zeroFraction) {
    }

    private StartupCalibration() {
    }

    /**
     * @param proposals number of proposals, at least 1000
     * @throws IllegalArgumentException when the target density is zero at (nearly) every
     *     proposal, so that no threshold weight exists, or the count is too small
     */
    public static Result calibrate(ProposalSampler sampler, WeightEvaluator weights,
            BatchSeeds seeds, double quantile, int proposals) {
        if (proposals < 1000) {
            throw new IllegalArgumentException(
                    "calibrationProposals must be >= 1000, got " + proposals);
        }
        long start = System.nanoTime();
        double[] valid = new double[proposals];
        int count = 0;
        int invalid = 0;
        ProposalBlock block = new ProposalBlock();
        for (int chunk = 0; count + invalid < proposals; chunk++) {
            int n = Math.min(CHUNK, proposals - count - invalid);
            sampler.sample(seeds.seed(CALIBRATION_BATCH, chunk, BatchSeeds.Stream.PROPOSALS), n,
                    block);
            invalid += weights.evaluate(block);
            for (int i = 0; i < n; i++) {
                double w = block.weight()[i];
                if (!Double.isNaN(w)) {
                    valid[count++] = w;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("none of the " + proposals + " calibration"
                    + " proposals from the " + sampler.name() + " proposal has a valid weight"
                    + " (points or log q that are not finite): the model is broken; train it"
                    + " again or use --proposal uniform");
        }
        double[] sample = Arrays.copyOf(valid, count);
        long zeros = Arrays.stream(sample).filter(w -> w == 0.0).count();
        if (zeros == count) {
            throw new IllegalArgumentException("the target density is 0 at all " + count
                    + " calibration proposals from the " + sampler.name() + " proposal: nothing"
                    + " can be generated (is the neutrino energy range below the CCQE"
                    + " threshold, or the model made for other physics?)");
        }
        CalibrationRow row = WeightStatistics.calibrate(sample, quantile).get(0);
        Result result = new Result(row, proposals, invalid, (double) zeros / count);
        LOG.info("Calibrated the {} proposal on {} proposals in {} ms: w_Q({}) = {}, acceptance"
                + " {}, coverage {}, ESS/N {}, zero weights {} %, invalid weights {}",
                sampler.name(), proposals, (System.nanoTime() - start) / 1_000_000, quantile,
                String.format("%.6g", row.thresholdWeight()),
                String.format("%.4f", row.acceptance()), String.format("%.5f", row.coverage()),
                String.format("%.4f", row.effectiveSampleSizeRatio()),
                String.format("%.2f", 100.0 * result.zeroFraction()), invalid);
        if (invalid > 0) {
            LOG.warn("{} of {} calibration proposals had no valid weight (NaN)", invalid,
                    proposals);
        }
        return result;
    }
}
