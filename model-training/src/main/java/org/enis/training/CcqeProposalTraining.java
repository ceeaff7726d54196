package org.enis.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.enis.flow.BoxMap;
import org.enis.flow.FlowConfig;
import org.enis.flow.ModelManifest;
import org.enis.flow.SavedModelExport;
import org.enis.flow.SavedModelProposal;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flux;
import org.enis.physics.MarginalDistributions;
import org.enis.physics.PhaseSpaceBox;
import org.enis.weights.CalibrationTable;
import org.enis.weights.ImportanceWeights;
import org.enis.weights.WeightStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a proposal model directory for the CCQE target density: ENIS training, export of the
 * inference SavedModel, calibration on fresh proposals, plots and {@code manifest.json}.
 *
 * <p>Model directory layout: {@code manifest.json}, {@code saved_model/},
 * {@code training-curve.csv}, {@code training-curve.png}, {@code marginals.png},
 * {@code log10-weights.png}. Checkpoints go to a separate directory so that the model
 * directory holds only what the pipeline and people need.
 */
public final class CcqeProposalTraining {

    private static final Logger LOG = LoggerFactory.getLogger(CcqeProposalTraining.class);

    /** SavedModel directory name inside a model directory. */
    public static final String SAVED_MODEL_DIRECTORY = "saved_model";
    /** Bins per variable of the marginal plots. */
    private static final int MARGINAL_BINS = 60;
    /** Bins of the log10 weight histogram. */
    private static final int WEIGHT_BINS = 140;
    /** Integral pulls beyond this many standard errors are reported as a warning. */
    private static final double INTEGRAL_PULL_WARNING = 5;
    /** Files this class writes into a model directory; --overwrite removes only these. */
    private static final List<String> MODEL_FILES = List.of(ModelManifest.FILE_NAME,
            SAVED_MODEL_DIRECTORY, EnisTrainer.CURVE_FILE, TrainingPlots.TRAINING_CURVE,
            TrainingPlots.MARGINALS, TrainingPlots.WEIGHTS);

    /**
     * What to build.
     *
     * @param parameters CCQE model parameters
     * @param flux neutrino flux
     * @param flow architecture of the proposal
     * @param training hyperparameters
     * @param modelName model name for the manifest
     * @param modelVersion model version for the manifest
     * @param outputDirectory the model directory
     * @param checkpointDirectory directory of the curve and checkpoints during training
     * @param resume continue from the checkpoint
     * @param overwrite replace an existing model in the output directory
     * @param calibrationSize number of fresh proposals for the calibration
     * @param calibrationSeed seed of the calibration sample
     * @param command the command line, recorded in the manifest
     */
    public record Request(CcqeParameters parameters, Flux flux, FlowConfig flow,
            TrainingConfig training, String modelName, String modelVersion,
            Path outputDirectory, Path checkpointDirectory, boolean resume, boolean overwrite,
            int calibrationSize, long calibrationSeed, String command) {

        /** Checks the fields that the records they hold do not check. */
        public Request {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(flux, "flux");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
            if (flow.features() != PhaseSpaceBox.DIMENSION) {
                throw new IllegalArgumentException("the CCQE proposal has "
                        + PhaseSpaceBox.DIMENSION + " features, got " + flow.features());
            }
            if (calibrationSize < 1000) {
                throw new IllegalArgumentException("calibrationSize must be >= 1000, got "
                        + calibrationSize);
            }
        }
    }

    private final Request request;
    private final CcqeTargetDensity density;
    private final PhaseSpaceBox generationBox;
    private final PhaseSpaceBox backgroundBox;
    private final BoxMap flowBox;

    /**
     * Prepares a build.
     *
     * @param request what to build
     * @throws IllegalArgumentException if the flux lies below the CCQE threshold
     */
    public CcqeProposalTraining(Request request) {
        this.request = Objects.requireNonNull(request, "request");
        this.density = new CcqeTargetDensity(request.parameters(), request.flux());
        this.generationBox = PhaseSpaceBox.generation(request.parameters());
        this.backgroundBox = PhaseSpaceBox.background(request.parameters());
        this.flowBox = new BoxMap(lower(backgroundBox), upper(backgroundBox),
                request.flow().domainHalfWidth());
    }

    /**
     * Checks that the output and checkpoint directories can be written, before hours of
     * training.
     *
     * @throws IllegalArgumentException naming the directory that cannot be used and why
     */
    public void checkDirectories() {
        checkWritable(request.outputDirectory(), "output");
        checkWritable(request.checkpointDirectory(), "checkpoint");
        if (!request.overwrite() && Files.exists(
                request.outputDirectory().resolve(ModelManifest.FILE_NAME))) {
            throw new IllegalArgumentException("output directory " + request.outputDirectory()
                    + " already holds a model (manifest.json); use --overwrite to replace it");
        }
        if (request.resume() && !Files.isDirectory(request.checkpointDirectory()
                .resolve(EnisTrainer.CHECKPOINT_DIRECTORY))) {
            throw new IllegalArgumentException("cannot resume: no checkpoint in "
                    + request.checkpointDirectory());
        }
    }

    /** @return the target density being learnt */
    public CcqeTargetDensity density() {
        return density;
    }

    /**
     * Trains, exports, calibrates and plots.
     *
     * @param listener training progress receiver
     * @return the manifest written
     * @throws IOException if a file cannot be written
     */
    public ModelManifest run(TrainingListener listener) throws IOException {
        checkDirectories();
        EnisTrainer trainer = new EnisTrainer(request.flow(), request.training(), flowBox,
                lower(generationBox), upper(generationBox),
                (columns, out, from, to) -> density.density(columns[0], columns[1],
                        columns[2], columns[3], out, from, to));
        TrainingResult result = trainer.train(request.checkpointDirectory(), request.resume(),
                listener);

        Path output = request.outputDirectory();
        removeModelFiles(output);
        Path savedModel = output.resolve(SAVED_MODEL_DIRECTORY);
        String fingerprint = SavedModelExport.export(request.flow(), flowBox,
                result.checkpointPrefix(), savedModel);
        Files.copy(request.checkpointDirectory().resolve(EnisTrainer.CURVE_FILE),
                output.resolve(EnisTrainer.CURVE_FILE), StandardCopyOption.REPLACE_EXISTING);
        ModelManifest uncalibrated = manifest(fingerprint, result, null);
        uncalibrated.write(output.resolve(ModelManifest.FILE_NAME));
        LOG.info("Exported the SavedModel to {} (fingerprint {})", savedModel, fingerprint);

        ModelManifest.Calibration calibration;
        try (SavedModelProposal proposal = SavedModelProposal.load(output)) {
            calibration = calibrate(proposal, output);
        }
        TrainingPlots.trainingCurve(result.curve(), request.training().warmupSteps(),
                output.resolve(TrainingPlots.TRAINING_CURVE));
        ModelManifest manifest = manifest(fingerprint, result, calibration);
        manifest.write(output.resolve(ModelManifest.FILE_NAME));
        return manifest;
    }

    private ModelManifest manifest(String fingerprint, TrainingResult result,
            ModelManifest.Calibration calibration) {
        TrainingConfig training = request.training();
        List<String> variables = new ArrayList<>();
        for (int d = 0; d < PhaseSpaceBox.DIMENSION; d++) {
            variables.add(PhaseSpaceBox.variableName(d) + " ["
                    + PhaseSpaceBox.variableUnit(d) + "]");
        }
        return new ModelManifest(ModelManifest.FORMAT_VERSION, request.modelName(),
                request.modelVersion(), fingerprint, SAVED_MODEL_DIRECTORY,
                List.of(SavedModelExport.SAMPLE, SavedModelExport.SAMPLE_FROM_NOISE,
                        SavedModelExport.LOG_Q_SIGNATURE),
                request.flow(), request.flow().parameterCount(), flowBox,
                new ModelManifest.Physics(request.parameters().toCanonicalString(),
                        request.flux().toCanonicalString(), generationBox.toCanonicalString(),
                        backgroundBox.toCanonicalString(), variables),
                new ModelManifest.Training(result.steps(), training.warmupSteps(),
                        training.batchSize(), training.backgroundBatchSize(), training.alpha(),
                        training.learningRate(), "cosine decay to 0", training.seed(),
                        result.finalLoss(), result.wallTimeSeconds(), request.command()),
                calibration);
    }

    /**
     * Draws the calibration sample from the exported model, computes Table I, the zero share,
     * the integral against the physics module's, and draws the marginal and weight plots.
     */
    private ModelManifest.Calibration calibrate(SavedModelProposal proposal, Path output)
            throws IOException {
        int n = request.calibrationSize();
        long start = System.nanoTime();
        SavedModelProposal.Batch batch = proposal.sample(request.calibrationSeed(), n);
        double[][] x = batch.columns();
        double[] weights = new double[n];
        int invalid = ImportanceWeights.evaluate(density, x, batch.logQ(), new double[n],
                weights, n);
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(weights[i])) {
                continue;
            }
            boolean inside = generationBox.contains(x[0][i], x[1][i], x[2][i], x[3][i]);
            weights[valid] = inside ? weights[i] : 0;
            x[0][valid] = x[0][i];
            x[1][valid] = x[1][i];
            x[2][valid] = x[2][i];
            x[3][valid] = x[3][i];
            valid++;
        }
        if (invalid > 0) {
            LOG.warn("{} of {} calibration proposals had no valid weight (a point or log q"
                    + " that is not finite) and are left out of the calibration table",
                    invalid, n);
        }
        if (valid == 0) {
            throw new IllegalStateException("none of the " + n + " calibration proposals has a"
                    + " valid weight: the exported flow produces points or log q that are not"
                    + " finite; train again with a smaller learning rate");
        }
        weights = Arrays.copyOf(weights, valid);
        n = valid;
        CalibrationTable table = CalibrationTable.of(weights, WeightStatistics.PAPER_QUANTILES);
        double reference = new MarginalDistributions(density).total();
        double pull = (table.integral() - reference) / table.integralStandardError();
        LOG.info("Calibrated on {} proposals in {} s: zero weights {} %, integral {} +- {} "
                + "(physics {}, pull {})", n, Math.round((System.nanoTime() - start) / 1e9),
                String.format("%.2f", 100 * table.zeroFraction()), table.integral(),
                table.integralStandardError(), reference, String.format("%.2f", pull));
        if (Math.abs(pull) > INTEGRAL_PULL_WARNING) {
            LOG.warn("The integral of p from the weights, {} +- {}, is {} standard errors from "
                    + "the physics module's {}: the proposal misses part of the target",
                    table.integral(), table.integralStandardError(),
                    String.format("%.1f", pull), reference);
        }
        TrainingPlots.marginals(marginals(x, weights, n),
                output.resolve(TrainingPlots.MARGINALS));
        TrainingPlots.weightDistribution(weights, WEIGHT_BINS,
                output.resolve(TrainingPlots.WEIGHTS));
        return new ModelManifest.Calibration(table, request.calibrationSeed(), reference, pull);
    }

    /**
     * Normalised marginal densities on the background box: q from the proposal points, p from
     * the same points reweighted by w = p / q (their importance-sampling estimate).
     */
    private List<TrainingPlots.Marginal> marginals(double[][] x, double[] weights, int n) {
        double weightSum = 0;
        for (double w : weights) {
            weightSum += w;
        }
        List<TrainingPlots.Marginal> marginals = new ArrayList<>();
        for (int d = 0; d < PhaseSpaceBox.DIMENSION; d++) {
            double low = backgroundBox.lower(d);
            double width = backgroundBox.width(d) / MARGINAL_BINS;
            double[] edges = new double[MARGINAL_BINS + 1];
            for (int b = 0; b <= MARGINAL_BINS; b++) {
                edges[b] = low + b * width;
            }
            double[] target = new double[MARGINAL_BINS];
            double[] proposal = new double[MARGINAL_BINS];
            for (int i = 0; i < n; i++) {
                int b = (int) Math.floor((x[d][i] - low) / width);
                if (b >= 0 && b < MARGINAL_BINS) {
                    proposal[b] += 1.0 / (n * width);
                    target[b] += weights[i] / (weightSum * width);
                }
            }
            marginals.add(new TrainingPlots.Marginal(PhaseSpaceBox.variableName(d) + " ["
                    + PhaseSpaceBox.variableUnit(d) + "]", edges, target, proposal));
        }
        return marginals;
    }

    private void removeModelFiles(Path output) throws IOException {
        for (String name : MODEL_FILES) {
            Path path = output.resolve(name);
            if (Files.isDirectory(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            } else {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void checkWritable(Path directory, String role) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write to the " + role + " directory "
                    + directory + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : " (" + e.getMessage() + ")");
    }

    private static double[] lower(PhaseSpaceBox box) {
        double[] lower = new double[PhaseSpaceBox.DIMENSION];
        for (int d = 0; d < lower.length; d++) {
            lower[d] = box.lower(d);
        }
        return lower;
    }

    private static double[] upper(PhaseSpaceBox box) {
        double[] upper = new double[PhaseSpaceBox.DIMENSION];
        for (int d = 0; d < upper.length; d++) {
            upper[d] = box.upper(d);
        }
        return upper;
    }
}
