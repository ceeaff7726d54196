package org.enis.infra;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.enis.infra.process.LogFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line for the project's local Kafka broker: {@code start}, {@code status},
 * {@code stop}. bin/kafka-start.sh, bin/kafka-status.sh and bin/kafka-stop.sh run it.
 *
 * <p>Exit status of {@code status}: 0 running and answering, 1 running but not answering (still
 * starting, or hung), 3 not running; of the others: 0 success, 1 failure, 2 bad usage.
 */
@Command(name = "kafka-broker",
        mixinStandardHelpOptions = true,
        description = "Runs the project's Apache Kafka broker: KRaft, one node, on 127.0.0.1.",
        subcommands = {
            KafkaBrokerCommand.Start.class,
            KafkaBrokerCommand.Status.class,
            KafkaBrokerCommand.Stop.class,
            CommandLine.HelpCommand.class})
public final class KafkaBrokerCommand implements Runnable {

    /** Exit status of {@code status} when the broker runs but does not answer. */
    public static final int EXIT_NOT_ANSWERING = 1;

    /** Exit status of {@code status} when no broker runs (as LSB init scripts). */
    public static final int EXIT_NOT_RUNNING = 3;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args command and options; {@code --help} lists them
     */
    public static void main(String[] args) {
        // The Kafka admin client logs its whole configuration at INFO; a CLI shows warnings.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KafkaBrokerCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: start, status or stop");
    }

    /**
     * Whether this JVM is running its shutdown hooks; the JDK refuses new hooks exactly then.
     */
    static boolean isShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Options shared by every command. */
    static final class DataDirOption {
        @Option(names = {"-d", "--data-dir"},
                defaultValue = "${env:ENIS_KAFKA_DATA_DIR:-run/kafka}",
                description = "Data directory of the broker (config, log, pid file, topics);"
                        + " default: $ENIS_KAFKA_DATA_DIR or ${DEFAULT-VALUE}.")
        Path dataDir;
    }

    /** {@code start}: starts the broker in the foreground or detached. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts the broker and waits until it serves requests. In the"
                    + " foreground (default) it runs until Ctrl-C; with --detach it keeps"
                    + " running after this command returns.")
    static final class Start implements Callable<Integer> {
        @Mixin
        DataDirOption dataDirOption;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-p", "--port"}, defaultValue = "${env:ENIS_KAFKA_PORT:-9092}",
                description = "Client port on 127.0.0.1, 0 for a free one;"
                        + " default: $ENIS_KAFKA_PORT or ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--controller-port",
                defaultValue = "${env:ENIS_KAFKA_CONTROLLER_PORT:-9093}",
                description = "KRaft controller port on 127.0.0.1, 0 for a free one;"
                        + " default: $ENIS_KAFKA_CONTROLLER_PORT or ${DEFAULT-VALUE}.")
        int controllerPort;

        @Option(names = "--detach",
                description = "Return once the broker is ready and leave it running;"
                        + " stop it with the stop command.")
        boolean detach;

        @Option(names = "--max-heap", defaultValue = KafkaBroker.DEFAULT_MAX_HEAP,
                description = "Maximum heap of the broker JVM (-Xmx); default ${DEFAULT-VALUE}.")
        String maxHeap;

        @Option(names = "--startup-timeout", defaultValue = "120",
                description = "Seconds to wait for the broker to be ready;"
                        + " default ${DEFAULT-VALUE}.")
        long startupTimeoutSeconds;

        @Option(names = "--property", paramLabel = "KEY=VALUE",
                description = "Extra line of server.properties, such as"
                        + " log.retention.hours=24; repeatable.")
        Map<String, String> properties = new LinkedHashMap<>();

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Optional<RunningKafkaBroker> running =
                    KafkaBroker.findRunning(dataDirOption.dataDir);
            if (running.isPresent()) {
                out.printf("A Kafka broker already runs on %s: pid %d, bootstrap servers %s%n",
                        running.get().dataDir(), running.get().pid(),
                        running.get().bootstrapServers());
                return 0;
            }
            if (startupTimeoutSeconds <= 0) {
                throw new IllegalArgumentException("--startup-timeout must be > 0 seconds, got "
                        + startupTimeoutSeconds);
            }
            KafkaBroker.Builder builder = KafkaBroker.builder()
                    .dataDir(dataDirOption.dataDir)
                    .port(port)
                    .controllerPort(controllerPort)
                    .maxHeap(maxHeap)
                    .startupTimeout(Duration.ofSeconds(startupTimeoutSeconds))
                    .detached(detach);
            properties.forEach(builder::brokerProperty);

            KafkaBroker broker = builder.build().start();
            out.printf("Kafka broker ready: bootstrap servers %s (pid %d)%n",
                    broker.bootstrapServers(), broker.pid());
            out.printf("  data directory %s%n  log file       %s%n", broker.dataDir(),
                    broker.logFile());
            if (detach) {
                broker.close();
                out.println("Running detached; stop it with bin/kafka-stop.sh.");
                out.flush();
                return 0;
            }
            out.println("Press Ctrl-C to stop it.");
            out.flush();
            // Ctrl-C or SIGTERM: the JVM's shutdown hook stops the broker cleanly.
            broker.waitForExit();
            if (isShuttingDown()) {
                return 0;
            }
            spec.commandLine().getErr().println("error: the Kafka broker exited on its own"
                    + LogFiles.tailForMessage(broker.logFile(), 20));
            return 1;
        }
    }

    /** {@code status}: tells whether a broker runs on the data directory. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tells whether a broker runs on the data directory and answers."
                    + " Exit status: 0 running, 1 running but not answering, 3 not running.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption dataDirOption;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<RunningKafkaBroker> running =
                    KafkaBroker.findRunning(dataDirOption.dataDir);
            if (running.isEmpty()) {
                out.printf("No Kafka broker runs on %s%n",
                        dataDirOption.dataDir.toAbsolutePath().normalize());
                return EXIT_NOT_RUNNING;
            }
            RunningKafkaBroker broker = running.get();
            if (broker.isReachable(Duration.ofSeconds(5))) {
                out.printf("Kafka broker running: bootstrap servers %s (pid %d, data %s)%n",
                        broker.bootstrapServers(), broker.pid(), broker.dataDir());
                return 0;
            }
            out.printf("Kafka broker process %d runs on %s but does not answer at %s"
                    + " (starting, or hung; see %s)%n", broker.pid(), broker.dataDir(),
                    broker.bootstrapServers(), broker.dataDir().resolve("broker.log"));
            return EXIT_NOT_ANSWERING;
        }
    }

    /** {@code stop}: stops the broker running on the data directory. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the broker on the data directory cleanly (SIGTERM, then waits"
                    + " for its controlled shutdown).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        DataDirOption dataDirOption;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--timeout", defaultValue = "60",
                description = "Seconds the broker gets to shut down before it is killed;"
                        + " default ${DEFAULT-VALUE}.")
        long timeoutSeconds;

        @Override
        public Integer call() {
            if (timeoutSeconds <= 0) {
                throw new IllegalArgumentException("--timeout must be > 0 seconds, got "
                        + timeoutSeconds);
            }
            PrintWriter out = spec.commandLine().getOut();
            Optional<RunningKafkaBroker> running =
                    KafkaBroker.findRunning(dataDirOption.dataDir);
            if (running.isEmpty()) {
                out.printf("No Kafka broker runs on %s; nothing to stop%n",
                        dataDirOption.dataDir.toAbsolutePath().normalize());
                return 0;
            }
            RunningKafkaBroker broker = running.get();
            out.printf("Stopping the Kafka broker (pid %d) on %s ...%n", broker.pid(),
                    broker.dataDir());
            out.flush();
            if (broker.stop(Duration.ofSeconds(timeoutSeconds))) {
                out.println("Stopped cleanly.");
                return 0;
            }
            spec.commandLine().getErr().printf("error: the broker did not shut down cleanly;"
                    + " Kafka recovers its logs on the next start (see %s)%n",
                    broker.dataDir().resolve("broker.log"));
            return 1;
        }
    }
}
