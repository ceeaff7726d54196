package org.enis.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.enis.flow.BoxMap;
import org.enis.flow.FlowConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a Neural Spline Flow proposal q(x) for a target density p(x) by Exhaustive Neural
 * Importance Sampling (ENIS, paper section III.C).
 *
 * <p>Every step draws {@code batchSize} points, from the uniform background density p_bg over
 * the background box during the warm-up phase and from q itself afterwards, and weights them
 * with {@code w = p / p_bg} or {@code w = p / q}. It adds {@code backgroundBatchSize} uniform
 * background points whose weights {@code C'_wbg p_bg(x)} sum to {@code alpha / (1 - alpha)}
 * times the sum of the main weights, so that q learns {@code (1 - alpha) p + alpha p_bg}
 * (Eq. 7) whatever the normalisation of p. (With equal batch sizes this is the paper's
 * {@code C'_wbg = alpha / (1 - alpha) <w_q> / <p_bg>}.) Adam then takes one step on
 * {@code -sum_i w_i log q(x_i)} with the weights normalised to sum to 1, the importance-sampling
 * gradient of Eq. (6); points of weight 0 add nothing to it and are not fed. The learning rate
 * follows a cosine decay.
 *
 * <p>The target is restricted to its box: points outside it have p = 0. Every random draw of
 * step s comes from a generator seeded by (seed, s), so a run resumed from a checkpoint
 * continues exactly as an uninterrupted one.
 *
 * <p>Files in the work directory: {@code training-curve.csv} (see {@link TrainingCurveCsv}),
 * {@code checkpoint/} (variables with Adam moments, and {@code state.json}).
 */
public final class EnisTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(EnisTrainer.class);

    /** File name of the training curve in the work directory. */
    public static final String CURVE_FILE = "training-curve.csv";
    /** Directory of the checkpoint in the work directory. */
    public static final String CHECKPOINT_DIRECTORY = "checkpoint";
    private static final String VARIABLES_PREFIX = "variables-";
    private static final String STATE_FILE = "state.json";
    /** A step fails when more than this share of its proposal points is not finite. */
    private static final double MAX_NON_FINITE_FRACTION = 0.01;
    private static final long EVALUATION_STREAM = 0x5DEECE66DL;
    private static final long BACKGROUND_STREAM = 0x2545F4914F6CDD1DL;
    /**
     * The rows fed to a training step are padded to a multiple of this with weight-0 points:
     * XLA compiles the step once per input shape, and the count of points with p &gt; 0 varies
     * from step to step.
     */
    static final int TRAIN_SHAPE_BUCKET = 512;

    private final FlowConfig flowConfig;
    private final TrainingConfig config;
    private final BoxMap backgroundBox;
    private final double[] targetLower;
    private final double[] targetUpper;
    private final BatchTargetDensity target;
    private final int features;

    /**
     * Creates a trainer.
     *
     * @param flowConfig architecture of q
     * @param config hyperparameters
     * @param backgroundBox box of the uniform background density, also mapped onto the flow
     *     domain
     * @param targetLower lower edges of the box outside which p is taken as 0
     * @param targetUpper upper edges of that box
     * @param target the target density p
     * @throws IllegalArgumentException if the dimensions disagree
     */
    public EnisTrainer(FlowConfig flowConfig, TrainingConfig config, BoxMap backgroundBox,
            double[] targetLower, double[] targetUpper, BatchTargetDensity target) {
        this.flowConfig = Objects.requireNonNull(flowConfig, "flowConfig");
        this.config = Objects.requireNonNull(config, "config");
        this.backgroundBox = Objects.requireNonNull(backgroundBox, "backgroundBox");
        this.target = Objects.requireNonNull(target, "target");
        this.features = flowConfig.features();
        if (backgroundBox.dimensions() != features || targetLower.length != features
                || targetUpper.length != features) {
            throw new IllegalArgumentException("the flow has " + features + " features but the "
                    + "background box has " + backgroundBox.dimensions() + " and the target box "
                    + targetLower.length + " dimensions");
        }
        this.targetLower = targetLower.clone();
        this.targetUpper = targetUpper.clone();
    }

    /** @return the architecture of q */
    public FlowConfig flowConfig() {
        return flowConfig;
    }

    /** @return the hyperparameters */
    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains, or resumes a training from the checkpoint in the work directory.
     *
     * @param workDirectory directory for the curve and checkpoints (created if missing)
     * @param resume continue from the checkpoint there instead of starting afresh
     * @param listener progress receiver
     * @return the outcome; the final variables are in the checkpoint
     * @throws IOException if the work directory cannot be written
     * @throws IllegalArgumentException if resume is asked for but there is no checkpoint, or it
     *     was written with another configuration
     * @throws IllegalStateException if the training diverges (non-finite loss or points)
     */
    public TrainingResult train(Path workDirectory, boolean resume, TrainingListener listener)
            throws IOException {
        Files.createDirectories(workDirectory);
        Path checkpointDirectory = workDirectory.resolve(CHECKPOINT_DIRECTORY);
        Path curveFile = workDirectory.resolve(CURVE_FILE);
        try (FlowTrainingGraph graph = new FlowTrainingGraph(flowConfig, backgroundBox)) {
            LOG.info("Training a {} flow with {} parameters for {} steps ({} warm-up)",
                    flowConfig.architecture(), flowConfig.parameterCount(), config.steps(),
                    config.warmupSteps());
            CheckpointState state = resume
                    ? restore(graph, checkpointDirectory)
                    : new CheckpointState(0, 0, Double.NaN, null, flowConfig, config);
            List<CurvePoint> curve = resume
                    ? TrainingCurveCsv.readUpTo(curveFile, state.nextStep())
                    : new ArrayList<>();
            TrainingCurveCsv.write(curveFile, curve);
            return new Run(graph, state, curve, curveFile, checkpointDirectory, listener)
                    .execute();
        }
    }

    private CheckpointState restore(FlowTrainingGraph graph, Path checkpointDirectory)
            throws IOException {
        Path stateFile = checkpointDirectory.resolve(STATE_FILE);
        if (!Files.isRegularFile(stateFile)) {
            throw new IllegalArgumentException("cannot resume: no checkpoint state at "
                    + stateFile);
        }
        CheckpointState state = new ObjectMapper().readValue(stateFile.toFile(),
                CheckpointState.class);
        if (!state.flow().equals(flowConfig) || !state.training().equals(config)) {
            throw new IllegalArgumentException("cannot resume: the checkpoint at "
                    + checkpointDirectory + " was written with flow " + state.flow()
                    + " and training " + state.training() + ", not with flow " + flowConfig
                    + " and training " + config);
        }
        graph.restore(checkpointDirectory.resolve(state.variablesPrefix()));
        LOG.info("Resuming at step {} of {} ({} s already trained)", state.nextStep(),
                config.steps(), Math.round(state.elapsedSeconds()));
        return state;
    }

    /** n rounded up to a multiple of {@link #TRAIN_SHAPE_BUCKET}. */
    static int padded(int n) {
        return (n + TRAIN_SHAPE_BUCKET - 1) / TRAIN_SHAPE_BUCKET * TRAIN_SHAPE_BUCKET;
    }

    /**
     * A generator for one purpose of one step, independent of every other step.
     *
     * @param seed training seed
     * @param step step
     * @param stream purpose
     * @return a generator seeded by (seed, step, stream)
     */
    static SplittableRandom random(long seed, long step, long stream) {
        long mixed = mix(seed ^ mix(step + 0x9E3779B97F4A7C15L * (stream + 1)));
        return new SplittableRandom(mixed);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One training run: the loop and its buffers. */
    private final class Run {

        private final FlowTrainingGraph graph;
        private final List<CurvePoint> curve;
        private final Path curveFile;
        private final Path checkpointDirectory;
        private final TrainingListener listener;
        private final int startStep;
        private final double previousSeconds;
        private final long startNanos = System.nanoTime();

        private final int capacity = Math.max(config.batchSize(), config.evaluationSize());
        private final float[] noise = new float[capacity * features];
        private final float[] proposed = new float[capacity * features];
        private final float[] proposalLogDensity = new float[capacity];
        private final double[][] columns = new double[features][capacity];
        private final double[] density = new double[capacity];
        private final double[] weights = new double[capacity];
        private final int trainCapacity = padded(config.batchSize()
                + config.backgroundBatchSize());
        private final float[] trainPoints = new float[trainCapacity * features];
        private final float[] trainWeights = new float[trainCapacity];

        private double lossSum;
        private int lossCount;
        private double lastLoss;
        private String variablesPrefix;

        Run(FlowTrainingGraph graph, CheckpointState state, List<CurvePoint> curve,
                Path curveFile, Path checkpointDirectory, TrainingListener listener) {
            this.graph = graph;
            this.curve = curve;
            this.curveFile = curveFile;
            this.checkpointDirectory = checkpointDirectory;
            this.listener = listener;
            this.startStep = state.nextStep();
            this.previousSeconds = state.elapsedSeconds();
            this.lastLoss = state.lastLoss();
            this.variablesPrefix = state.variablesPrefix();
        }

        TrainingResult execute() throws IOException {
            listener.started(startStep, config.steps());
            if (startStep == 0) {
                evaluate(0, config.phase(0), config.learningRate(0));
            }
            for (int step = startStep; step < config.steps(); step++) {
                TrainingPhase phase = config.phase(step);
                double rate = config.learningRate(step);
                double loss = step(step, phase, rate);
                if (!Double.isNaN(loss)) {
                    lastLoss = loss;
                    lossSum += loss;
                    lossCount++;
                }
                listener.stepDone(step, phase, loss);
                int done = step + 1;
                if (done % config.evaluationInterval() == 0 || done == config.steps()) {
                    evaluate(done, phase, rate);
                }
                if (done % config.checkpointInterval() == 0 || done == config.steps()) {
                    checkpoint(done);
                }
            }
            return new TrainingResult(config.steps(), lastLoss, elapsedSeconds(),
                    List.copyOf(curve), checkpointDirectory.resolve(variablesPrefix));
        }

        /** One step; returns its loss, or NaN when no point had p &gt; 0 (no update). */
        private double step(int step, TrainingPhase phase, double rate) {
            SplittableRandom random = random(config.seed(), step, 0);
            int n = config.batchSize();
            if (phase == TrainingPhase.WARM_UP) {
                drawBackground(random, n);
            } else {
                drawProposal(random, n, step);
            }
            double mainWeightSum = computeWeights(n, step);
            if (!(mainWeightSum > 0)) {
                LOG.debug("Step {}: no point with p > 0, no update", step);
                return Double.NaN;
            }

            int count = 0;
            double total = mainWeightSum / (1 - config.alpha());
            for (int i = 0; i < n; i++) {
                if (weights[i] > 0) {
                    System.arraycopy(proposed, i * features, trainPoints, count * features,
                            features);
                    trainWeights[count++] = (float) (weights[i] / total);
                }
            }
            int background = config.backgroundBatchSize();
            float backgroundWeight = (float) (config.alpha() / background);
            SplittableRandom backgroundRandom = random(config.seed(), step, BACKGROUND_STREAM);
            for (int j = 0; j < background; j++) {
                for (int d = 0; d < features; d++) {
                    trainPoints[count * features + d] = (float) uniform(backgroundRandom, d);
                }
                trainWeights[count++] = backgroundWeight;
            }
            // Weight-0 copies of the last background point add nothing to the loss or its
            // gradient: log q is finite on the background box.
            int rows = padded(count);
            for (int i = count; i < rows; i++) {
                System.arraycopy(trainPoints, (count - 1) * features, trainPoints, i * features,
                        features);
                trainWeights[i] = 0;
            }
            count = rows;
            double loss = graph.train(trainPoints, trainWeights, count, rate, step + 1L);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at step " + step
                        + ": loss " + loss + "; try a smaller learning rate than " + rate);
            }
            return loss;
        }

        private double uniform(SplittableRandom random, int d) {
            double[] lower = backgroundBox.lower();
            double[] upper = backgroundBox.upper();
            return lower[d] + (upper[d] - lower[d]) * random.nextDouble();
        }

        private void drawBackground(SplittableRandom random, int n) {
            float logBackground = (float) -Math.log(backgroundBox.volume());
            double[] lower = backgroundBox.lower();
            double[] upper = backgroundBox.upper();
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < features; d++) {
                    double value = lower[d] + (upper[d] - lower[d]) * random.nextDouble();
                    columns[d][i] = value;
                    proposed[i * features + d] = (float) value;
                }
                proposalLogDensity[i] = logBackground;
            }
        }

        private void drawProposal(SplittableRandom random, int n, int step) {
            for (int i = 0; i < n * features; i++) {
                noise[i] = (float) random.nextGaussian();
            }
            graph.sample(noise, n, proposed, proposalLogDensity);
            int nonFinite = 0;
            for (int i = 0; i < n; i++) {
                boolean finite = Float.isFinite(proposalLogDensity[i]);
                for (int d = 0; d < features; d++) {
                    float value = proposed[i * features + d];
                    finite &= Float.isFinite(value);
                    columns[d][i] = value;
                }
                if (!finite) {
                    nonFinite++;
                    proposalLogDensity[i] = Float.NaN;
                    for (int d = 0; d < features; d++) {
                        columns[d][i] = targetLower[d];
                    }
                }
            }
            if (nonFinite > MAX_NON_FINITE_FRACTION * n) {
                throw new IllegalStateException("training diverged at step " + step + ": "
                        + nonFinite + " of " + n + " proposal points are not finite");
            }
            if (nonFinite > 0) {
                LOG.warn("Step {}: {} of {} proposal points not finite, given weight 0", step,
                        nonFinite, n);
            }
        }

        /**
         * Weights {@code p / q} of the first n points in the buffers (p = 0 outside the target
         * box or where the point is not finite).
         *
         * @return the sum of the weights
         */
        private double computeWeights(int n, int step) {
            target.density(columns, density, 0, n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double p = density[i];
                if (!(p >= 0) || Double.isInfinite(p)) {
                    throw new IllegalStateException("the target density returned " + p
                            + " at step " + step + " for x = " + point(i));
                }
                boolean usable = p > 0 && !Float.isNaN(proposalLogDensity[i]) && inTarget(i);
                weights[i] = usable ? p * Math.exp(-proposalLogDensity[i]) : 0;
                sum += weights[i];
            }
            return sum;
        }

        private boolean inTarget(int i) {
            for (int d = 0; d < features; d++) {
                double value = columns[d][i];
                if (value < targetLower[d] || value > targetUpper[d]) {
                    return false;
                }
            }
            return true;
        }

        private String point(int i) {
            StringBuilder text = new StringBuilder("(");
            for (int d = 0; d < features; d++) {
                text.append(d == 0 ? "" : ", ").append(columns[d][i]);
            }
            return text.append(')').toString();
        }

        private void evaluate(int step, TrainingPhase phase, double rate) throws IOException {
            int n = config.evaluationSize();
            drawProposal(random(config.seed(), step, EVALUATION_STREAM), n, step);
            double sum = computeWeights(n, step);
            double sumSquares = 0;
            double weightedLogQ = 0;
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                double w = weights[i];
                if (w == 0) {
                    zeros++;
                    continue;
                }
                sumSquares += w * w;
                weightedLogQ += w * proposalLogDensity[i];
            }
            double trainingLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
            lossSum = 0;
            lossCount = 0;
            CurvePoint point = new CurvePoint(step, phase, rate, trainingLoss,
                    sum > 0 ? weightedLogQ / sum : Double.NaN,
                    sumSquares > 0 ? sum * sum / (n * sumSquares) : 0, (double) zeros / n,
                    sum / n, elapsedSeconds());
            curve.add(point);
            TrainingCurveCsv.append(curveFile, point);
            listener.evaluated(point);
        }

        /**
         * Saves the variables under a new prefix, then switches the state file to it
         * atomically, then deletes the previous variables: a run killed at any moment leaves a
         * consistent checkpoint.
         */
        private void checkpoint(int nextStep) throws IOException {
            Files.createDirectories(checkpointDirectory);
            String previousPrefix = variablesPrefix;
            variablesPrefix = VARIABLES_PREFIX + nextStep;
            graph.save(checkpointDirectory.resolve(variablesPrefix));
            CheckpointState state = new CheckpointState(nextStep, elapsedSeconds(), lastLoss,
                    variablesPrefix, flowConfig, config);
            Path temporary = checkpointDirectory.resolve(STATE_FILE + ".tmp");
            try {
                new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValue(temporary.toFile(), state);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write checkpoint state " + temporary, e);
            }
            Files.move(temporary, checkpointDirectory.resolve(STATE_FILE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (previousPrefix != null && !previousPrefix.equals(variablesPrefix)) {
                try (var files = Files.list(checkpointDirectory)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (file.getFileName().toString().startsWith(previousPrefix + ".")) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
            LOG.debug("Checkpoint at step {}", nextStep);
        }

        private double elapsedSeconds() {
            return previousSeconds + (System.nanoTime() - startNanos) / 1e9;
        }
    }
}
