package org.enis.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.enis.flow.FlowArchitecture;
import org.enis.flow.FlowConfig;
import org.enis.flow.ModelManifest;
import org.enis.physics.CcqeParameters;
import org.enis.physics.Flavour;
import org.enis.physics.Flux;
import org.enis.physics.Nucleus;
import org.enis.physics.ParameterOverrides;
import org.enis.weights.CalibrationRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains the ENIS proposal for the CCQE target density and writes the model
 * directory (SavedModel, manifest, training curve, plots). See docs/training.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true, version = "enis train 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Trains a Neural Spline Flow proposal q(x) for the CCQE target density p(x) by "
                    + "Exhaustive Neural Importance Sampling and writes an inference "
                    + "SavedModel with manifest.json, the training curve and plots.",
            "Defaults are the ENIS paper's hyperparameters (5 flow steps, 2 blocks, 32 hidden "
                    + "features, 8 bins, Adam 5e-4 with cosine decay, batch 5000, 20 %% "
                    + "warm-up, alpha 0.05)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:model written", "1:training or export failed",
            "2:invalid option or unusable directory"})
public final class TrainCommand implements Callable<Integer> {

    /** Environment variable that quiets TensorFlow's native log. */
    static final String TF_LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL";
    /** Set in the relaunched JVM so that it does not relaunch again. */
    static final String RELAUNCHED = "ENIS_TRAIN_RELAUNCHED";

    /** Flags that change how a run goes but not the model it produces. */
    private static final List<String> RUN_CONTROL_FLAGS = List.of("--resume", "--overwrite",
            "--no-progress", "--tf-log");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Model directory to write (default: models/<model name>).")
    private Path output;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Directory for checkpoints and the running training curve "
                    + "(default: target/checkpoints/<model name>).")
    private Path checkpointDirectory;

    @Option(names = "--resume",
            description = "Continue a killed or finished run from its checkpoint (same "
                    + "options as the original run).")
    private boolean resume;

    @Option(names = "--overwrite",
            description = "Replace the model in the output directory if there is one.")
    private boolean overwrite;

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "Model name for the manifest (default: ccqe-<flavour>-<nucleus>, "
                    + "e.g. ccqe-numubar-c12).")
    private String modelName;

    @Option(names = "--model-version", paramLabel = "VERSION", defaultValue = "1.0.0",
            description = "Model version for the manifest (default: ${DEFAULT-VALUE}).")
    private String modelVersion;

    @Option(names = {"-f", "--flavour"}, paramLabel = "FLAVOUR", defaultValue = "nubar",
            description = "nu or nubar (default: ${DEFAULT-VALUE}).")
    private String flavour;

    @Option(names = {"-n", "--nucleus"}, paramLabel = "NUCLEUS", defaultValue = "carbon",
            description = "carbon, oxygen or argon (default: ${DEFAULT-VALUE}); sets k_F and "
                    + "eps_B to the nucleus defaults.")
    private String nucleus;

    @Option(names = "--parameters", paramLabel = "TEXT",
            description = "Full CCQE parameter set in canonical text form "
                    + "(ccqe-parameters-v1;...); the physics options given override it.")
    private String canonicalParameters;

    @Option(names = "--axial-mass", paramLabel = "GEV",
            description = "Axial mass M_A in GeV (default 1.03).")
    private Double axialMassGeV;

    @Option(names = "--fermi-momentum", paramLabel = "GEV",
            description = "Fermi momentum k_F in GeV/c (default: the nucleus default).")
    private Double fermiMomentumGeV;

    @Option(names = "--removal-energy", paramLabel = "GEV",
            description = "Removal energy eps_B in GeV (default: the nucleus default).")
    private Double removalEnergyGeV;

    @Option(names = "--no-pauli-blocking", description = "Switch Pauli blocking off.")
    private boolean noPauliBlocking;

    @Option(names = "--max-energy", paramLabel = "GEV",
            description = "Upper end of the E_nu and p_mu ranges and of the flat flux "
                    + "(default 10).")
    private Double maxEnergyGeV;

    @Option(names = "--flux", paramLabel = "CSV",
            description = "Flux histogram CSV: rows lower_edge_gev,upper_edge_gev,flux "
                    + "(default: flat over [0, max energy]).")
    private Path fluxFile;

    @Option(names = "--architecture", paramLabel = "KIND",
            defaultValue = "MASKED_AUTOREGRESSIVE",
            description = "MASKED_AUTOREGRESSIVE (the paper's; sampling takes 4 passes per "
                    + "step) or COUPLING (sampling in one pass) (default: ${DEFAULT-VALUE}).")
    private FlowArchitecture architecture;

    @Option(names = "--flow-steps", paramLabel = "N", defaultValue = "5",
            description = "Flow steps (default: ${DEFAULT-VALUE}).")
    private int flowSteps;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "2",
            description = "Residual blocks per conditioner (default: ${DEFAULT-VALUE}).")
    private int blocks;

    @Option(names = "--hidden-features", paramLabel = "N", defaultValue = "32",
            description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
    private int hiddenFeatures;

    @Option(names = "--bins", paramLabel = "K", defaultValue = "8",
            description = "Spline bins (default: ${DEFAULT-VALUE}).")
    private int bins;

    @Option(names = "--tail-bound", paramLabel = "B", defaultValue = "5",
            description = "Spline interval [-B, B], identity outside (default: "
                    + "${DEFAULT-VALUE}).")
    private double tailBound;

    @Option(names = "--domain-half-width", paramLabel = "H", defaultValue = "3",
            description = "The background box is mapped onto [-H, H]^4 (default: "
                    + "${DEFAULT-VALUE}).")
    private double domainHalfWidth;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20000",
            description = "Optimisation steps (default: ${DEFAULT-VALUE}; the paper used "
                    + "400000).")
    private int steps;

    @Option(names = "--warmup-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of steps drawing from the background density "
                    + "(default: ${DEFAULT-VALUE}).")
    private double warmupFraction;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000",
            description = "Points per step from p_bg or q (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--background-batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Background points mixed into every step (default: "
                    + "${DEFAULT-VALUE}).")
    private int backgroundBatchSize;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "Background share of the learnt target, Eq. (7) (default: "
                    + "${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "5e-4",
            description = "Initial Adam learning rate, cosine-decayed to 0 (default: "
                    + "${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the initial parameters and every random draw "
                    + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--eval-every", paramLabel = "N",
            description = "Steps between training-curve points (default: steps / 100).")
    private Integer evaluationInterval;

    @Option(names = "--eval-size", paramLabel = "N", defaultValue = "20000",
            description = "Fresh proposal points per training-curve point (default: "
                    + "${DEFAULT-VALUE}).")
    private int evaluationSize;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Steps between checkpoints (default: steps / 20).")
    private Integer checkpointInterval;

    @Option(names = "--calibration-size", paramLabel = "N", defaultValue = "2000000",
            description = "Fresh proposals for the calibration table (default: "
                    + "${DEFAULT-VALUE}).")
    private int calibrationSize;

    @Option(names = "--calibration-seed", paramLabel = "SEED", defaultValue = "20240601",
            description = "Seed of the calibration sample (default: ${DEFAULT-VALUE}).")
    private long calibrationSeed;

    @Option(names = "--no-progress",
            description = "Log a line per training-curve point instead of a progress bar "
                    + "(for logs and nohup).")
    private boolean noProgress;

    @Option(names = "--tf-log",
            description = "Keep TensorFlow's native log (quieted by default).")
    private boolean tensorFlowLog;

    private final List<String> arguments = new ArrayList<>();

    /**
     * Runs the command; exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (needsQuietRelaunch(args)) {
            System.exit(relaunchQuietly(args));
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The picocli command line, with IllegalArgumentException mapped to exit code 2.
     *
     * @return a command line for a new command
     */
    public static CommandLine commandLine() {
        TrainCommand command = new TrainCommand();
        CommandLine commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("train: " + e.getMessage());
            err.println("Try 'train --help' for the options.");
            return 2;
        });
        commandLine.setExecutionStrategy(parseResult -> {
            command.arguments.clear();
            command.arguments.addAll(parseResult.originalArgs());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /**
     * The configuration names a bad value by its field ({@code learningRate must be ...},
     * {@code axialMassGeV must be ...}); on the command line, say {@code --learning-rate}.
     */
    static String withOptionName(String message, CommandLine commandLine) {
        if (message == null) {
            return "invalid input";
        }
        int end = message.indexOf(' ');
        String field = end < 0 ? message : message.substring(0, end);
        for (String name : new String[] {field, field.replaceFirst("GeV$", "")}) {
            String option = "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                    .toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && commandLine.getCommandSpec().findOption(option) != null) {
                return option + message.substring(field.length());
            }
        }
        return message;
    }

    @Override
    public Integer call() throws IOException {
        CcqeProposalTraining training;
        try {
            training = new CcqeProposalTraining(request());
            training.checkDirectories();
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(),
                    withOptionName(e.getMessage(), spec.commandLine()), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        FlowConfig flow = flowConfig();
        out.printf(Locale.ROOT, "Proposal: %s flow, %d steps, %d blocks, %d hidden features, "
                + "%d bins: %,d parameters%n", flow.architecture(), flow.flowSteps(),
                flow.blocks(), flow.hiddenFeatures(), flow.bins(), flow.parameterCount());
        out.flush();
        ModelManifest manifest;
        try (ProgressReporter progress = new ProgressReporter(!noProgress, out)) {
            manifest = training.run(progress);
        }
        printSummary(out, manifest);
        return 0;
    }

    private CcqeProposalTraining.Request request() throws IOException {
        CcqeParameters parameters = parameters();
        Flux flux;
        try {
            flux = fluxFile == null ? Flux.flatOver(parameters) : Flux.readCsv(fluxFile);
        } catch (IOException e) {
            throw new IOException("cannot read the flux file " + fluxFile + ": " + e, e);
        }
        String name = modelName != null ? modelName : defaultModelName(parameters);
        Path outputDirectory = output != null ? output : Path.of("models", name);
        Path checkpoints = checkpointDirectory != null ? checkpointDirectory
                : Path.of("target", "checkpoints", name);
        int evaluation = evaluationInterval != null ? evaluationInterval
                : Math.max(1, steps / 100);
        int checkpoint = checkpointInterval != null ? checkpointInterval
                : Math.max(1, steps / 20);
        TrainingConfig config = new TrainingConfig(steps, warmupFraction, batchSize,
                backgroundBatchSize, alpha, learningRate, seed, evaluation, evaluationSize,
                checkpoint);
        return new CcqeProposalTraining.Request(parameters, flux, flowConfig(), config, name,
                modelVersion, outputDirectory, checkpoints, resume, overwrite, calibrationSize,
                calibrationSeed, recordedCommand());
    }

    /**
     * The command line for the manifest, without the flags that control the run but not the
     * model it produces, so that it reads as the command that reproduces the model.
     */
    private String recordedCommand() {
        List<String> kept = new ArrayList<>();
        for (String argument : arguments) {
            if (!RUN_CONTROL_FLAGS.contains(argument)) {
                kept.add(argument);
            }
        }
        return "train " + String.join(" ", kept);
    }

    private FlowConfig flowConfig() {
        return new FlowConfig(architecture, FlowConfig.CCQE_FEATURES, flowSteps, blocks,
                hiddenFeatures, bins, tailBound, domainHalfWidth, seed);
    }

    private CcqeParameters parameters() {
        // Without --parameters the defaults of --flavour and --nucleus apply; with it, only
        // what the user gave overrides the set.
        boolean base = canonicalParameters == null;
        ParseResult given = spec.commandLine().getParseResult();
        return new ParameterOverrides(canonicalParameters,
                base || given.hasMatchedOption("--flavour") ? Flavour.parse(flavour) : null,
                base || given.hasMatchedOption("--nucleus") ? Nucleus.parse(nucleus) : null,
                axialMassGeV, fermiMomentumGeV, removalEnergyGeV, noPauliBlocking,
                maxEnergyGeV).apply();
    }

    static String defaultModelName(CcqeParameters parameters) {
        String flavourTag = parameters.flavour() == Flavour.MUON_ANTINEUTRINO ? "numubar"
                : "numu";
        String nucleusTag = switch (parameters.nucleus()) {
            case CARBON_12 -> "c12";
            case OXYGEN_16 -> "o16";
            case ARGON_40 -> "ar40";
        };
        return "ccqe-" + flavourTag + "-" + nucleusTag;
    }

    private static void printSummary(PrintWriter out, ModelManifest manifest) {
        ModelManifest.Training training = manifest.training();
        out.printf(Locale.ROOT, "Model %s %s: %d steps in %.0f s, final loss %.4f, "
                + "fingerprint %s%n", manifest.modelName(), manifest.modelVersion(),
                training.steps(), training.wallTimeSeconds(), training.finalLoss(),
                manifest.fingerprint());
        ModelManifest.Calibration calibration = manifest.calibration();
        out.printf(Locale.ROOT, "Calibration on %,d proposals: zero weights %.3f %%, integral "
                + "%.5g +- %.2g (physics %.5g, pull %.2f)%n",
                calibration.table().sampleSize(), 100 * calibration.table().zeroFraction(),
                calibration.table().integral(), calibration.table().integralStandardError(),
                calibration.referenceIntegral(), calibration.integralPull());
        out.println("quantile   threshold w  acceptance  coverage  ESS/N");
        for (CalibrationRow row : calibration.table().rows()) {
            out.printf(Locale.ROOT, "%-9.5f  %11.4f  %10.4f  %8.5f  %6.4f%n", row.quantile(),
                    row.thresholdWeight(), row.acceptance(), row.coverage(),
                    row.effectiveSampleSizeRatio());
        }
        out.flush();
    }

    private static boolean needsQuietRelaunch(String[] args) {
        if (System.getenv(TF_LOG_LEVEL) != null || System.getenv(RELAUNCHED) != null) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--tf-log") || arg.equals("-h") || arg.equals("--help")
                    || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /**
     * TensorFlow reads its log level from the environment when the native library loads, and
     * Java cannot set the environment of its own process: run the command in a child JVM with
     * the same class path and JVM options and {@value #TF_LOG_LEVEL}=2.
     */
    private static int relaunchQuietly(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrainCommand.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(TF_LOG_LEVEL, "2");
        builder.environment().put(RELAUNCHED, "1");
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return process.waitFor();
        } catch (IOException e) {
            System.err.println("train: cannot start a JVM with a quiet TensorFlow log ("
                    + e.getMessage() + "); rerun with --tf-log");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Progress bar (or log lines) for a training run. */
    private static final class ProgressReporter implements TrainingListener, AutoCloseable {

        private final boolean bar;
        private final PrintWriter out;
        private ProgressBar progressBar;
        private long lastRefreshNanos;

        ProgressReporter(boolean bar, PrintWriter out) {
            this.bar = bar;
            this.out = out;
        }

        @Override
        public void started(int firstStep, int steps) {
            if (bar) {
                progressBar = new ProgressBarBuilder().setTaskName("ENIS").setInitialMax(steps)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                        .startsFrom(firstStep, Duration.ZERO).showSpeed().build();
            }
        }

        @Override
        public void stepDone(int step, TrainingPhase phase, double loss) {
            if (progressBar == null) {
                return;
            }
            progressBar.stepTo(step + 1L);
            long now = System.nanoTime();
            if (now - lastRefreshNanos > 250_000_000L) {
                lastRefreshNanos = now;
                progressBar.setExtraMessage(String.format(Locale.ROOT, "%s loss %.4f",
                        phase == TrainingPhase.WARM_UP ? "warm-up" : "iterative", loss));
            }
        }

        @Override
        public void evaluated(CurvePoint point) {
            if (bar) {
                return;
            }
            // The first point comes before any step: it has no training loss to show.
            String loss = Double.isNaN(point.trainingLoss()) ? "-"
                    : String.format(Locale.ROOT, "%.4f", point.trainingLoss());
            out.printf(Locale.ROOT, "step %d %s lr %.3g loss %s logL %.4f ESS/N %.4f "
                    + "zeros %.4f integral %.5g elapsed %.0f s%n", point.step(), point.phase(),
                    point.learningRate(), loss, point.logLikelihood(),
                    point.effectiveSampleSizeRatio(), point.zeroFraction(), point.integral(),
                    point.elapsedSeconds());
            out.flush();
        }

        @Override
        public void close() {
            if (progressBar != null) {
                progressBar.close();
            }
        }
    }
}
