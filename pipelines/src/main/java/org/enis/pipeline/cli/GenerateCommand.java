package org.enis.pipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.enis.infra.process.Ports;
import org.enis.physics.CcqeTargetDensity;
import org.enis.pipeline.BatchPlan;
import org.enis.pipeline.FlinkSettings;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.GeneratorJob;
import org.enis.pipeline.ProposalKind;
import org.enis.pipeline.ProposalSetup;
import org.enis.pipeline.ResolvedProposal;
import org.enis.pipeline.RunSummary;
import org.enis.pipeline.TopicMarks;
import org.enis.pipeline.avro.AvroEventEncoder;
import org.enis.pipeline.avro.AvroReportEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code bin/generate}: the main job. Resolves the proposal (loading and checking the model,
 * calibrating when needed), makes sure a Kafka broker runs, creates the topics, runs the
 * generator on Flink with the web UI, stops cleanly (by itself after {@code --maxEvents}, or
 * drained on Ctrl-C) and prints a summary read back from Kafka.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Generate CCQE neutrino events by ENIS: proposals from a trained normalizing flow,"
                    + " quantile rejection against the CCQE cross section, Avro events and"
                    + " coverage reports published to Kafka, on Apache Beam with Flink.",
            ""},
        footer = {"",
            "Examples:",
            "  bin/generate                                 1 million events, UI at"
                    + " http://127.0.0.1:8081",
            "  bin/generate --maxEvents 0 --rate 20000      until Ctrl-C, 20k events/s",
            "  bin/generate --exact --quantile 0.999        weighted events, coverage 1",
            "  bin/generate --proposal uniform --maxEvents 10000   the paper's baseline",
            "  bin/generate --axialMass 1.2                 other physics: recalibrates",
            "  bin/generate --flinkMaster 127.0.0.1:8081    on bin/flink-start.sh's cluster",
            "", "More in docs/pipelines.md."})
public final class GenerateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
    /** Exit status of a usage error (bad option or model). */
    static final int EXIT_USAGE = 2;

    @Option(names = "--maxEvents", paramLabel = "N", defaultValue = "1000000", order = 1,
            description = "Events to publish, then stop; 0 = until Ctrl-C (default"
                    + " ${DEFAULT-VALUE}).")
    long maxEvents;

    @Option(names = "--batchSize", paramLabel = "N", defaultValue = "10000", order = 2,
            description = "Accepted events per batch, the unit of work, 1.."
                    + BatchPlan.MAX_BATCH_SIZE + " (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S", defaultValue = "0", order = 3,
            description = "Rate limit in events/s; 0 = as fast as possible (default).")
    double rate;

    @Option(names = "--quantile", paramLabel = "Q", defaultValue = "0.99", order = 4,
            description = "Quantile of the weights used as threshold w_Q, in (0, 1]"
                    + " (default ${DEFAULT-VALUE}).")
    double quantile;

    @Option(names = "--exact", order = 5,
            description = "Keep coverage 1: events above w_Q carry weight w/w_Q instead of"
                    + " being clipped.")
    boolean exact;

    @Option(names = "--proposal", paramLabel = "flow|uniform", defaultValue = "flow", order = 6,
            converter = ProposalKindConverter.class,
            description = "Proposal density: the trained flow (default) or uniform over the"
                    + " background box (the paper's baseline).")
    ProposalKind proposal;

    @Option(names = "--model", paramLabel = "DIR", order = 7,
            defaultValue = "${sys:enis.home:-.}/models/ccqe-numubar-c12",
            description = "Trained model directory (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--recalibrate", order = 8,
            description = "Calibrate w_Q at start-up even when the model's table applies.")
    boolean recalibrate;

    @Option(names = "--calibrationProposals", paramLabel = "N", defaultValue = "1000000",
            order = 9, description = "Proposals of a start-up calibration, >= 1000 (default"
                    + " ${DEFAULT-VALUE}).")
    int calibrationProposals;

    @Option(names = "--reportSeconds", paramLabel = "S", defaultValue = "10", order = 10,
            description = "Coverage report window in seconds, 1.."
                    + GeneratorConfig.MAX_REPORT_SECONDS + " (default ${DEFAULT-VALUE}).")
    int reportSeconds;

    @Option(names = "--runId", paramLabel = "ID", order = 11,
            description = "Run id, 1-64 of [A-Za-z0-9._-]; seeds every draw (default:"
                    + " run-<UTC time>).")
    String runId;

    @Option(names = "--eventsTopic", paramLabel = "TOPIC", order = 12,
            defaultValue = GeneratorConfig.DEFAULT_EVENTS_TOPIC,
            description = "Kafka topic of the events (default ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Option(names = "--coverageTopic", paramLabel = "TOPIC", order = 13,
            defaultValue = GeneratorConfig.DEFAULT_COVERAGE_TOPIC,
            description = "Kafka topic of the coverage reports (default ${DEFAULT-VALUE}).")
    String coverageTopic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4", order = 14,
            description = "Partitions of a new events topic, 1..1000 (default"
                    + " ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--bootstrapServers", paramLabel = "HOST:PORT", order = 15,
            description = "Use this Kafka broker; default: the broker of --kafkaDir, started"
                    + " in the background if not running.")
    String bootstrapServers;

    @Option(names = "--kafkaDir", paramLabel = "DIR", order = 16,
            defaultValue = "${sys:enis.home:-.}/run/kafka",
            description = "Data directory of the project's broker (default ${DEFAULT-VALUE}).")
    Path kafkaDir;

    @Option(names = "--kafkaPort", paramLabel = "PORT", defaultValue = "9092", order = 17,
            description = "Client port of a broker started here (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--flinkMaster", paramLabel = "[local]|HOST:PORT", order = 18,
            defaultValue = FlinkSettings.LOCAL,
            description = "Embedded Flink (default) or a session cluster's REST address.")
    String flinkMaster;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", order = 19,
            description = "Parallel generator instances, 1.." + FlinkSettings.MAX_PARALLELISM
                    + " (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--uiPort", paramLabel = "PORT", defaultValue = "8081", order = 20,
            description = "Port of the embedded Flink's web UI on 127.0.0.1 (default"
                    + " ${DEFAULT-VALUE}).")
    int uiPort;

    @Option(names = "--workDir", paramLabel = "DIR", order = 21,
            defaultValue = "${sys:enis.home:-.}/run/generate",
            description = "Flink configuration and savepoints (default ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--jobJar", paramLabel = "JAR", order = 22,
            defaultValue = "${sys:enis.home:-.}/pipelines/target/"
                    + "enis-pipelines-0.1.0-SNAPSHOT-flink-job.jar",
            description = "Shaded job jar a Flink cluster runs (default: the one"
                    + " -Pflink-cluster builds in pipelines/target).")
    Path jobJar;

    @Mixin
    PhysicsOptions physics = new PhysicsOptions();

    @Override
    public Integer call() throws Exception {
        // Everything that can be wrong with the options or the model fails here, before a
        // broker, a topic or a Flink job exists.
        Prepared prepared = prepare();

        try (KafkaAccess kafka = KafkaAccess.open(bootstrapServers, kafkaDir, kafkaPort)) {
            kafka.createTopic(eventsTopic, partitions);
            kafka.createTopic(coverageTopic, 1);
            GeneratorConfig config = prepared.config(kafka.bootstrapServers());
            TopicMarks marks = TopicMarks.take(kafka.bootstrapServers(), eventsTopic,
                    coverageTopic);
            GeneratorJob job = new GeneratorJob(config, prepared.flink(),
                    new AvroEventEncoder(config), new AvroReportEncoder());
            installStopHandler(job);
            printStart(config, prepared, kafka);

            long start = System.nanoTime();
            job.run();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            RunSummary summary = RunSummary.read(config, marks, wall, job.drainRequested());
            System.out.println();
            System.out.print(summary.format(kafka.isOwnBroker() ? kafkaDir : null));
            return summary.isConsistent() ? 0 : 1;
        }
    }

    /** The validated run, short of the Kafka address. */
    record Prepared(GeneratorConfig.Builder builder, FlinkSettings flink,
            ResolvedProposal proposal) {
        GeneratorConfig config(String bootstrap) {
            return builder.bootstrapServers(bootstrap).build();
        }
    }

    /**
     * Validates every option and resolves the proposal.
     *
     * @throws IllegalArgumentException naming the first bad option or model problem
     */
    Prepared prepare() {
        BatchPlan plan = new BatchPlan(maxEvents, batchSize);
        if (partitions < 1 || partitions > 1000) {
            throw new IllegalArgumentException("partitions must be in [1, 1000], got "
                    + partitions);
        }
        if (calibrationProposals < 1000) {
            throw new IllegalArgumentException("calibrationProposals must be >= 1000, got "
                    + calibrationProposals);
        }
        FlinkSettings flink = new FlinkSettings(flinkMaster, parallelism, uiPort, workDir,
                FlinkSettings.LOCAL.equals(flinkMaster) ? null : jobJar);
        if (flink.isLocal() && !Ports.isFree(uiPort)) {
            throw new IllegalArgumentException("uiPort " + uiPort + " on 127.0.0.1 is in use"
                    + " (a Flink cluster from bin/flink-start.sh, or another run?): give"
                    + " another --uiPort, or --flinkMaster 127.0.0.1:" + uiPort
                    + " to run on that cluster");
        }
        String id = runId != null ? runId : defaultRunId();
        // Check the simple options through the config before the slow model work.
        GeneratorConfig.Builder builder = GeneratorConfig.builder()
                .runId(id)
                .plan(plan)
                .eventsPerSecond(rate)
                .exact(exact)
                .eventsTopic(eventsTopic)
                .coverageTopic(coverageTopic)
                .reportSeconds(reportSeconds)
                .uniformProposal()
                .threshold(quantile, 1.0, 1.0)
                .physicsParameters("pending")
                .bootstrapServers("pending:9092");
        builder.build();

        CcqeTargetDensity target = physics.targetDensity();
        ResolvedProposal resolved = ProposalSetup.resolve(proposal, model, target, quantile,
                recalibrate, calibrationProposals, id);
        if (resolved.kind() == ProposalKind.FLOW) {
            builder.flowProposal(resolved.modelDirectory(), resolved.identity());
        }
        builder.threshold(quantile, resolved.calibration().thresholdWeight(),
                        Math.max(resolved.calibration().acceptance(), Double.MIN_NORMAL))
                .physicsParameters(target.parameters().toCanonicalString())
                .flux(target.flux().toCanonicalString());
        return new Prepared(builder, flink, resolved);
    }

    private static String defaultRunId() {
        return "run-" + ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private void printStart(GeneratorConfig config, Prepared prepared, KafkaAccess kafka) {
        ResolvedProposal p = prepared.proposal();
        System.out.printf("Run %s: %s, %s%n", config.runId(), config.plan(),
                p.kind() == ProposalKind.UNIFORM
                        ? "uniform proposal over the background box"
                        : "flow proposal " + p.identity());
        System.out.printf("  threshold w_Q = %.6g at quantile %s (%s): expected acceptance"
                + " %.4f, coverage %.5f%s%n", p.calibration().thresholdWeight(), quantile,
                p.calibrationSource(), p.calibration().acceptance(), p.calibration().coverage(),
                exact ? " (exact mode: published coverage 1)" : "");
        System.out.printf("  Kafka %s, topics %s and %s%n", kafka.bootstrapServers(),
                config.eventsTopic(), config.coverageTopic());
        System.out.printf("  Flink web UI: http://%s/  (%s, parallelism %d)%n",
                prepared.flink().restAddress(), prepared.flink().isLocal() ? "embedded"
                        : "cluster", prepared.flink().parallelism());
        System.out.println(config.plan().isBounded()
                ? "  Ctrl-C stops early, draining every event in flight."
                : "  Runs until Ctrl-C, which drains every event in flight.");
    }

    /** First Ctrl-C (or SIGTERM) drains the job; a second one cancels it. */
    private static void installStopHandler(GeneratorJob job) {
        AtomicInteger signals = new AtomicInteger();
        Runnable onSignal = () -> {
            if (signals.incrementAndGet() == 1) {
                System.err.println("\nStopping: draining the Flink job (every event in flight"
                        + " is published; Ctrl-C again to cancel) ...");
                new Thread(job::drain, "drain-generator").start();
            } else {
                System.err.println("\nCancelling the Flink job: events in flight are lost.");
                new Thread(() -> {
                    job.cancel();
                    System.exit(130);
                }, "cancel-generator").start();
            }
        };
        Signal.handle(new Signal("INT"), signal -> onSignal.run());
        Signal.handle(new Signal("TERM"), signal -> onSignal.run());
    }

    /** Parses {@code flow} and {@code uniform}, any case. */
    static final class ProposalKindConverter implements CommandLine.ITypeConverter<ProposalKind> {
        @Override
        public ProposalKind convert(String value) {
            for (ProposalKind kind : ProposalKind.values()) {
                if (kind.optionValue().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "proposal must be flow or uniform, got '" + value + "'");
        }
    }

    /**
     * Builds the command line with this project's error handling: a bad value, whether picocli
     * or the configuration finds it, is a two-line message and exit status {@value #EXIT_USAGE},
     * without the whole usage text.
     */
    static CommandLine commandLine(Object command) {
        return new CommandLine(command)
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("error: " + e.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
                    cmd.getErr().println("(see " + cmd.getCommandName() + " --help)");
                    return EXIT_USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("error: " + withOptionName(e.getMessage(), cmd));
                        cmd.getErr().println("(see " + cmd.getCommandName() + " --help)");
                        return EXIT_USAGE;
                    }
                    LOG.error("{} failed", cmd.getCommandName(), e);
                    cmd.getErr().println("error: " + e);
                    return 1;
                });
    }

    /**
     * The configuration names a bad value by its field, which is the option's name without
     * the dashes ({@code quantile must be ...}); on the command line, say {@code --quantile}.
     */
    static String withOptionName(String message, CommandLine cmd) {
        if (message == null) {
            return "invalid input";
        }
        int end = message.indexOf(' ');
        String option = "--" + (end < 0 ? message : message.substring(0, end));
        return cmd.getCommandSpec().findOption(option) != null && !message.startsWith("--")
                ? "--" + message : message;
    }

    /** Runs {@code bin/generate} and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine(new GenerateCommand()).execute(args);
        // Flink leaves non-daemon threads behind after a drained local job.
        System.exit(status);
    }
}
