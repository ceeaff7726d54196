package org.enis.infra.process;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a program in a child JVM: the building block of the Kafka broker and Flink cluster
 * launchers.
 *
 * <p>The child's standard output and error are appended to a log file, its standard input is
 * {@code /dev/null}. By default the child is tied to this JVM ({@link
 * Builder#exitWithParent(boolean)}): it is stopped by a shutdown hook when this JVM exits, and
 * it stops itself through {@link ParentWatchdog} when this JVM dies without running its hooks
 * (SIGKILL, crash). A {@linkplain Builder#detached(boolean) detached} child outlives this JVM:
 * it runs in a new session (via {@code setsid} where available), so a Ctrl-C in the terminal
 * that started it does not reach it. A child tied to this JVM can also run in a new session
 * ({@link Builder#newSession(boolean)}): a Ctrl-C then reaches only this JVM, whose shutdown
 * hook stops the child in order.
 *
 * <pre>{@code
 * ChildProcess child = ChildJvm.builder("kafka.Kafka")
 *         .classpath(brokerJars)
 *         .jvmOption("-Xmx1g")
 *         .argument(serverProperties.toString())
 *         .logFile(dataDir.resolve("broker.log"))
 *         .start();
 * ...
 * child.terminate(Duration.ofSeconds(60));
 * }</pre>
 */
public final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    /** Default time a child gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private final String mainClass;
    private final List<Path> classpath;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private final boolean exitWithParent;
    private final boolean detached;
    private final boolean newSession;
    private final Duration shutdownTimeout;
    private final Path javaExecutable;

    private ChildJvm(Builder builder) {
        this.mainClass = builder.mainClass;
        this.classpath = List.copyOf(builder.classpath);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.arguments = List.copyOf(builder.arguments);
        this.environment = Map.copyOf(builder.environment);
        this.workingDirectory = builder.workingDirectory;
        this.logFile = builder.logFile;
        this.exitWithParent = builder.exitWithParent && !builder.detached;
        this.detached = builder.detached;
        this.newSession = builder.newSession || builder.detached;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.javaExecutable = builder.javaExecutable != null
                ? builder.javaExecutable
                : Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts building a child JVM that runs {@code mainClass}.
     *
     * @param mainClass fully qualified name of the class whose {@code main} the child runs
     * @return a new builder
     */
    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /**
     * The child's classpath. It is passed in the {@code CLASSPATH} environment variable rather
     * than with {@code -cp}, which keeps the command line short: the JDK reads at most 4096
     * characters of another process's command line, and the main class and its arguments must
     * stay visible to status commands and {@code ps}.
     */
    String classpathValue() {
        List<Path> fullClasspath = new ArrayList<>(classpath);
        if (exitWithParent) {
            fullClasspath.add(codeLocation(ParentWatchdog.class));
        }
        return joinClasspath(fullClasspath);
    }

    /** The full command line the child is started with. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        if (newSession) {
            setsidExecutable().ifPresent(setsid -> command.add(setsid.toString()));
        }
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);

        if (exitWithParent) {
            command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "="
                    + ProcessHandle.current().pid());
            command.add(ParentWatchdog.class.getName());
        }
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts the child; returns once the process exists (not once the program is ready).
     *
     * @return the running child
     * @throws IOException if the process cannot be started or the log file not created
     */
    public ChildProcess start() throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        List<String> command = command();
        ProcessBuilder processBuilder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (workingDirectory != null) {
            processBuilder.directory(workingDirectory.toFile());
        }
        processBuilder.environment().putAll(environment);
        processBuilder.environment().put("CLASSPATH", classpathValue());

        Process process = processBuilder.start();
        LOG.debug("Started {} as pid {}: {} with CLASSPATH {}", mainClass, process.pid(),
                command, processBuilder.environment().get("CLASSPATH"));
        LOG.info("Started {} as pid {} (log {}, {})", mainClass, process.pid(), logFile,
                detached ? "detached" : "stops with this JVM");
        return new ChildProcess(mainClass, process, logFile, exitWithParent, shutdownTimeout);
    }

    private static String joinClasspath(List<Path> entries) {
        List<String> parts = new ArrayList<>(entries.size());
        for (Path entry : entries) {
            parts.add(entry.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * The jar or class directory a class was loaded from.
     *
     * @param type a class loaded from a local file
     * @return the path of its jar or class directory
     * @throws IllegalStateException if the class does not come from a local file
     */
    public static Path codeLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate the jar or directory of "
                    + type.getName() + "; it must be loaded from a local file", e);
        }
    }

    private static Optional<Path> setsidExecutable() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        LOG.warn("setsid not found: the child stays in this terminal's process group, so a"
                + " Ctrl-C there reaches it directly");
        return Optional.empty();
    }

    /** Builder of a {@link ChildJvm}; every setter returns this builder. */
    public static final class Builder {
        private final String mainClass;
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path logFile;
        private boolean exitWithParent = true;
        private boolean detached;
        private boolean newSession;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Path javaExecutable;

        private Builder(String mainClass) {
            Objects.requireNonNull(mainClass, "mainClass");
            if (mainClass.isBlank()) {
                throw new IllegalArgumentException("mainClass must not be blank");
            }
            this.mainClass = mainClass;
        }

        /** Appends entries (jars or class directories) to the child's classpath. */
        public Builder classpath(List<Path> entries) {
            entries.forEach(entry -> classpath.add(Objects.requireNonNull(entry, "entry")));
            return this;
        }

        /** Appends one JVM option, such as {@code -Xmx1g}; later options win over earlier. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** Appends JVM options in order. */
        public Builder jvmOptions(List<String> options) {
            options.forEach(this::jvmOption);
            return this;
        }

        /** Appends one argument of the main class. */
        public Builder argument(String argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /** Appends arguments of the main class in order. */
        public Builder arguments(List<String> values) {
            values.forEach(this::argument);
            return this;
        }

        /** Sets an environment variable of the child (it inherits this JVM's environment). */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Working directory of the child; default: this JVM's. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** File that receives the child's standard output and error, appended (required). */
        public Builder logFile(Path file) {
            this.logFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Whether the child stops when this JVM exits or dies (default true). Ignored for a
         * detached child.
         */
        public Builder exitWithParent(boolean value) {
            this.exitWithParent = value;
            return this;
        }

        /**
         * Whether the child outlives this JVM in a session of its own (default false), as a
         * daemon started from the command line.
         */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /**
         * Whether the child runs in a session of its own (default false; always for a detached
         * child), so that terminal signals such as Ctrl-C reach only this JVM.
         */
        public Builder newSession(boolean value) {
            this.newSession = value;
            return this;
        }

        /** Time the child gets to exit after SIGTERM before it is killed (default 60 s). */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "shutdownTimeout must be > 0, got " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** The {@code java} executable; default: the one running this JVM. */
        public Builder javaExecutable(Path executable) {
            this.javaExecutable = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /**
         * Validates the configuration.
         *
         * @return the launcher
         * @throws IllegalStateException if {@link #logFile(Path)} or the classpath is missing
         */
        public ChildJvm build() {
            if (logFile == null) {
                throw new IllegalStateException("logFile(Path) must be set for " + mainClass);
            }
            if (classpath.isEmpty()) {
                throw new IllegalStateException("classpath(List) must be set for " + mainClass);
            }
            return new ChildJvm(this);
        }

        /** Shorthand for {@code build().start()}. */
        public ChildProcess start() throws IOException {
            return build().start();
        }
    }
}
