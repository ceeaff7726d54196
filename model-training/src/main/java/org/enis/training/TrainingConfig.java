package org.enis.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Hyperparameters of ENIS training (paper sections III.C and IV.A).
 *
 * @param steps number of optimisation steps
 * @param warmupFraction share of the steps in the warm-up phase, in [0, 1)
 * @param batchSize points drawn per step from the background density (warm-up) or from q
 * @param backgroundBatchSize background points mixed into every step with weight
 *     {@code C'_wbg p_bg(x)} so that the background makes up alpha of the target (Eq. 7)
 * @param alpha background share of the learnt target, in (0, 1)
 * @param learningRate initial Adam learning rate, decayed to 0 by a cosine schedule
 * @param seed seed of every random draw and of the initial parameters
 * @param evaluationInterval steps between points of the training curve
 * @param evaluationSize fresh proposal points per training-curve point
 * @param checkpointInterval steps between checkpoints
 */
public record TrainingConfig(
        @JsonProperty("steps") int steps,
        @JsonProperty("warmupFraction") double warmupFraction,
        @JsonProperty("batchSize") int batchSize,
        @JsonProperty("backgroundBatchSize") int backgroundBatchSize,
        @JsonProperty("alpha") double alpha,
        @JsonProperty("learningRate") double learningRate,
        @JsonProperty("seed") long seed,
        @JsonProperty("evaluationInterval") int evaluationInterval,
        @JsonProperty("evaluationSize") int evaluationSize,
        @JsonProperty("checkpointInterval") int checkpointInterval) {

    /** Share of warm-up steps of the paper. */
    public static final double WARMUP_FRACTION_DEFAULT = 0.2;
    /** Batch size of the paper. */
    public static final int BATCH_SIZE_DEFAULT = 5000;
    /** Background points per step (the paper does not state it; they only need p_bg). */
    public static final int BACKGROUND_BATCH_SIZE_DEFAULT = 1000;
    /** Background share of the learnt target of the paper (Eq. 7). */
    public static final double ALPHA_DEFAULT = 0.05;
    /** Adam learning rate of the paper. */
    public static final double LEARNING_RATE_DEFAULT = 5e-4;
    /** Largest batch the trainer accepts. */
    public static final int MAX_BATCH_SIZE = 1_000_000;
    /** Largest number of steps the trainer accepts. */
    public static final int MAX_STEPS = 100_000_000;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the bad field, its value and the allowed range
     */
    @JsonCreator
    public TrainingConfig {
        checkInt("steps", steps, 1, MAX_STEPS);
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException(
                    "warmupFraction must be in [0, 1), got " + warmupFraction);
        }
        checkInt("batchSize", batchSize, 2, MAX_BATCH_SIZE);
        checkInt("backgroundBatchSize", backgroundBatchSize, 1, MAX_BATCH_SIZE);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException(
                    "learningRate must be in (0, 1], got " + learningRate);
        }
        checkInt("evaluationInterval", evaluationInterval, 1, MAX_STEPS);
        checkInt("evaluationSize", evaluationSize, 2, MAX_BATCH_SIZE);
        checkInt("checkpointInterval", checkpointInterval, 1, MAX_STEPS);
    }

    /**
     * Paper hyperparameters for the given number of steps and seed.
     *
     * @param steps number of optimisation steps
     * @param seed seed
     * @return the configuration; evaluation every ~1 % of the steps on 20,000 points,
     *     a checkpoint every ~5 %
     */
    public static TrainingConfig paperDefaults(int steps, long seed) {
        return new TrainingConfig(steps, WARMUP_FRACTION_DEFAULT, BATCH_SIZE_DEFAULT,
                BACKGROUND_BATCH_SIZE_DEFAULT, ALPHA_DEFAULT, LEARNING_RATE_DEFAULT, seed,
                Math.max(1, steps / 100), 20_000, Math.max(1, steps / 20));
    }

    /** @return number of warm-up steps, {@code round(warmupFraction * steps)} */
    public int warmupSteps() {
        return (int) Math.round(warmupFraction * steps);
    }

    /**
     * Phase of a step.
     *
     * @param step 0-based step
     * @return warm-up for the first {@link #warmupSteps()} steps, then iterative
     */
    public TrainingPhase phase(int step) {
        return step < warmupSteps() ? TrainingPhase.WARM_UP : TrainingPhase.ITERATIVE;
    }

    /**
     * Cosine-decayed learning rate (Loshchilov and Hutter, arXiv:1608.03983, without restarts):
     * {@code lr0 (1 + cos(pi step / steps)) / 2}.
     *
     * @param step 0-based step
     * @return the learning rate of that step
     */
    public double learningRate(int step) {
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * step / steps));
    }

    private static void checkInt(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
