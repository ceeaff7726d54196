package org.enis.infra.flink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enis.infra.process.ChildJvm;
import org.enis.infra.process.ChildProcess;
import org.enis.infra.process.ClasspathResource;
import org.enis.infra.process.LogFiles;
import org.enis.infra.process.PidFile;
import org.enis.infra.process.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Flink standalone session cluster on the loopback interface: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and one TaskManager ({@code TaskManagerRunner}),
 * each a child JVM on the Flink jars that Maven resolved for {@code infra/flink-runtime}, with
 * the memory options Flink's own start scripts would compute ({@code BashJavaUtils}).
 *
 * <pre>{@code
 * try (FlinkCluster cluster = FlinkCluster.builder()
 *         .workDirectory(Path.of("run/flink"))
 *         .restPort(8081)
 *         .taskSlots(2)
 *         .start()) {
 *     // submit with --flinkMaster=cluster.restAddress(), e.g. 127.0.0.1:8081
 * }
 * }</pre>
 *
 * <p>Everything the cluster writes (configuration, logs, pid files, savepoints, temporary
 * files) lies under the work directory. A {@linkplain Builder#detached(boolean) detached}
 * cluster outlives this JVM and is stopped later with {@link #stop(Path, Duration)}, as
 * {@code bin/flink-stop.sh} does.
 */
public final class FlinkCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkCluster.class);

    /** Resource listing the cluster's jars, written by infra/flink-runtime. */
    public static final String CLASSPATH_RESOURCE = "org/enis/infra/flink-cluster.classpath";
    /** How to rebuild that resource. */
    public static final String BUILD_HINT = "mvn -B -q -pl infra/flink-runtime install";
    /** The REST port of Flink's own default, where the web UI is expected. */
    public static final int DEFAULT_REST_PORT = 8081;
    /** Default task slots of the TaskManager: one per core of the reference machine. */
    public static final int DEFAULT_TASK_SLOTS = 2;

    static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    static final String EXEC_RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    static final String JOB_MANAGER_PID_FILE = "jobmanager.pid";
    static final String TASK_MANAGER_PID_FILE = "taskmanager.pid";
    /** Room for a shaded job jar with TensorFlow's native library (about 250 MB). */
    private static final long MAX_REST_CONTENT_BYTES = 1L << 30;
    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
    private static final Pattern SLOTS = Pattern.compile("\"slots-total\"\\s*:\\s*(\\d+)");

    private final Path workDirectory;
    private final int restPort;
    private final int taskSlots;
    private final ChildProcess jobManager;
    private final ChildProcess taskManager;

    private FlinkCluster(Path workDirectory, int restPort, int taskSlots, ChildProcess jobManager,
            ChildProcess taskManager) {
        this.workDirectory = workDirectory;
        this.restPort = restPort;
        this.taskSlots = taskSlots;
        this.jobManager = jobManager;
        this.taskManager = taskManager;
    }

    /** Starts building a cluster. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<rest port>}: the {@code --flinkMaster} of a job for this cluster. */
    public String restAddress() {
        return Ports.loopback().getHostAddress() + ":" + restPort;
    }

    /** The web UI and REST API. */
    public URI webUi() {
        return URI.create("http://" + restAddress() + "/");
    }

    /** The REST port. */
    public int restPort() {
        return restPort;
    }

    /** The TaskManager's slots: the largest parallelism a job can have. */
    public int taskSlots() {
        return taskSlots;
    }

    /** The directory holding the cluster's configuration, logs and pid files. */
    public Path workDirectory() {
        return workDirectory;
    }

    /** The JobManager's log. */
    public Path jobManagerLog() {
        return jobManager.logFile();
    }

    /** The TaskManager's log. */
    public Path taskManagerLog() {
        return taskManager.logFile();
    }

    /** Stops the TaskManager, then the JobManager; running jobs are cancelled. */
    @Override
    public void close() {
        Duration timeout = Duration.ofSeconds(30);
        taskManager.terminate(timeout);
        jobManager.terminate(timeout);
        deletePidFiles(workDirectory);
        LOG.info("Flink cluster at {} stopped", restAddress());
    }

    /**
     * Stops a cluster started (usually detached) with this work directory, found through its
     * pid files.
     *
     * @return whether a running JobManager or TaskManager was found
     */
    public static boolean stop(Path workDirectory, Duration timeout) {
        boolean found = false;
        for (String file : List.of(TASK_MANAGER_PID_FILE, JOB_MANAGER_PID_FILE)) {
            PidFile pidFile = new PidFile(workDirectory.resolve(file));
            Optional<ProcessHandle> process = pidFile.liveProcess(FlinkCluster::isFlinkProcess);
            if (process.isPresent()) {
                found = true;
                ChildProcess.terminate(process.get(), timeout, file.replace(".pid", ""));
            }
        }
        deletePidFiles(workDirectory);
        return found;
    }

    /** The process ids of a running cluster started with this work directory, if any. */
    public static Map<String, Long> runningProcesses(Path workDirectory) {
        Map<String, Long> running = new LinkedHashMap<>();
        for (String file : List.of(JOB_MANAGER_PID_FILE, TASK_MANAGER_PID_FILE)) {
            new PidFile(workDirectory.resolve(file)).liveProcess(FlinkCluster::isFlinkProcess)
                    .ifPresent(p -> running.put(file.replace(".pid", ""), p.pid()));
        }
        return running;
    }

    private static boolean isFlinkProcess(ProcessHandle process) {
        return process.info().commandLine()
                .map(line -> line.contains(JOB_MANAGER_MAIN) || line.contains(TASK_MANAGER_MAIN))
                .orElse(true);
    }

    private static void deletePidFiles(Path workDirectory) {
        for (String file : List.of(JOB_MANAGER_PID_FILE, TASK_MANAGER_PID_FILE)) {
            try {
                new PidFile(workDirectory.resolve(file)).delete();
            } catch (IOException e) {
                LOG.warn("Cannot delete pid file {}: {}", file, e.getMessage());
            }
        }
    }

    /** Builder of a {@link FlinkCluster}; every setter returns this builder. */
    public static final class Builder {
        private Path workDirectory = Path.of("run", "flink");
        private int restPort = DEFAULT_REST_PORT;
        private int taskSlots = DEFAULT_TASK_SLOTS;
        private String jobManagerMemory = "1024m";
        private String taskManagerMemory = "3072m";
        private boolean detached;
        private Duration startupTimeout = Duration.ofSeconds(90);
        private final Map<String, String> extraConfiguration = new LinkedHashMap<>();

        private Builder() {
        }

        /** Directory for configuration, logs, pid files and savepoints (default run/flink). */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** REST and web UI port on 127.0.0.1, 0 for a free one (default 8081). */
        public Builder restPort(int port) {
            this.restPort = Ports.checkPort(port, "restPort", true);
            return this;
        }

        /** Task slots of the TaskManager, 1..64 (default 2). */
        public Builder taskSlots(int slots) {
            if (slots < 1 || slots > 64) {
                throw new IllegalArgumentException("taskSlots must be in 1..64, got " + slots);
            }
            this.taskSlots = slots;
            return this;
        }

        /** Total process memory of the JobManager, Flink syntax such as 1024m (default). */
        public Builder jobManagerMemory(String size) {
            this.jobManagerMemory = checkMemory(size, "jobManagerMemory");
            return this;
        }

        /** Total process memory of the TaskManager, such as 3072m (default). */
        public Builder taskManagerMemory(String size) {
            this.taskManagerMemory = checkMemory(size, "taskManagerMemory");
            return this;
        }

        /** Whether the cluster outlives this JVM (default false: it stops with this JVM). */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /** Longest wait for the TaskManager to register (default 90 s). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** An extra entry of the cluster's flink-conf.yaml; wins over the defaults. */
        public Builder configuration(String key, String value) {
            extraConfiguration.put(Objects.requireNonNull(key, "key"),
                    Objects.requireNonNull(value, "value"));
            return this;
        }

        private static String checkMemory(String size, String name) {
            if (size == null || !size.matches("\\d+\\s*(b|k|kb|m|mb|g|gb)")) {
                throw new IllegalArgumentException(name + " must be a size such as 1024m or"
                        + " 2g, got " + size);
            }
            return size;
        }

        /**
         * Writes the configuration, starts the JobManager and the TaskManager, and waits until
         * the TaskManager has registered its slots.
         *
         * @throws IllegalStateException when a cluster of this work directory already runs, a
         *     port is taken, or a process dies or does not get ready in time (with its log tail)
         * @throws IOException when the work directory cannot be written
         */
        public FlinkCluster start() throws IOException {
            Path dir = workDirectory.toAbsolutePath().normalize();
            Map<String, Long> running = runningProcesses(dir);
            if (!running.isEmpty()) {
                throw new IllegalStateException("a Flink cluster already runs from " + dir
                        + " " + running + "; stop it first (bin/flink-stop.sh)");
            }
            int port = restPort == 0 ? Ports.freeLoopbackPort() : restPort;
            if (!Ports.isFree(port)) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (is"
                        + " another Flink running?); choose another REST port");
            }
            Path confDir = dir.resolve("conf");
            Path logDir = dir.resolve("log");
            Files.createDirectories(confDir);
            Files.createDirectories(logDir);
            writeConfiguration(confDir, dir, port);
            List<Path> classpath = clusterClasspath();

            List<String> jmParams = resourceParams("GET_JM_RESOURCE_PARAMS", classpath, confDir,
                    logDir);
            ChildProcess jobManager = launch(JOB_MANAGER_MAIN, classpath, confDir,
                    logDir.resolve("jobmanager.log"), jmParams, List.of("--executionMode",
                            "cluster"), dir.resolve(JOB_MANAGER_PID_FILE));
            ChildProcess taskManager;
            try {
                List<String> tmParams = resourceParams("GET_TM_RESOURCE_PARAMS", classpath,
                        confDir, logDir);
                taskManager = launch(TASK_MANAGER_MAIN, classpath, confDir,
                        logDir.resolve("taskmanager.log"), tmParams, List.of(),
                        dir.resolve(TASK_MANAGER_PID_FILE));
            } catch (IOException | RuntimeException e) {
                jobManager.terminate(Duration.ofSeconds(30));
                throw e;
            }
            FlinkCluster cluster = new FlinkCluster(dir, port, taskSlots, jobManager,
                    taskManager);
            try {
                awaitReady(cluster);
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            LOG.info("Flink cluster ready: web UI {} ({} slots), logs in {}", cluster.webUi(),
                    taskSlots, logDir);
            return cluster;
        }

        private void writeConfiguration(Path confDir, Path dir, int port) throws IOException {
            String loopback = Ports.loopback().getHostAddress();
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("jobmanager.rpc.address", loopback);
            conf.put("jobmanager.rpc.port", Integer.toString(Ports.freeLoopbackPort()));
            conf.put("jobmanager.bind-host", loopback);
            conf.put("taskmanager.bind-host", loopback);
            conf.put("taskmanager.host", loopback);
            conf.put("rest.address", loopback);
            conf.put("rest.bind-address", loopback);
            conf.put("rest.port", Integer.toString(port));
            conf.put("rest.server.max-content-length", Long.toString(MAX_REST_CONTENT_BYTES));
            conf.put("rest.client.max-content-length", Long.toString(MAX_REST_CONTENT_BYTES));
            conf.put("jobmanager.memory.process.size", jobManagerMemory);
            conf.put("taskmanager.memory.process.size", taskManagerMemory);
            // Beam keeps its state on the heap; TensorFlow and the job jar need metaspace.
            conf.put("taskmanager.memory.managed.size", "0m");
            conf.put("taskmanager.memory.jvm-metaspace.size", "512m");
            conf.put("taskmanager.numberOfTaskSlots", Integer.toString(taskSlots));
            conf.put("parallelism.default", Integer.toString(taskSlots));
            conf.put("io.tmp.dirs", dir.resolve("tmp").toString());
            conf.put("web.tmpdir", dir.resolve("web").toString());
            conf.put("state.savepoints.dir", dir.resolve("savepoints").toUri().toString());
            // A job jar that loads a native library cannot be unloaded cleanly; Beam's advice.
            conf.put("classloader.check-leaked-classloader", "false");
            conf.putAll(extraConfiguration);

            StringBuilder yaml = new StringBuilder(
                    "# Written by org.enis.infra.flink.FlinkCluster; rewritten at each start.\n");
            conf.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
            Files.writeString(confDir.resolve("flink-conf.yaml"), yaml, StandardCharsets.UTF_8);
        }

        private List<String> resourceParams(String command, List<Path> classpath, Path confDir,
                Path logDir) throws IOException {
            Path output = logDir.resolve(command.toLowerCase() + ".out");
            Files.deleteIfExists(output);
            ChildProcess utils = ChildJvm.builder(BASH_JAVA_UTILS)
                    .classpath(classpath)
                    .jvmOption("-Xmx128m")
                    .arguments(List.of(command, "--configDir", confDir.toString()))
                    .logFile(output)
                    .start();
            try {
                if (!utils.waitFor(Duration.ofSeconds(60)) || utils.exitStatus().orElse(1) != 0) {
                    utils.terminate(Duration.ofSeconds(5));
                    throw new IllegalStateException("Flink's BashJavaUtils " + command
                            + " failed" + LogFiles.tailForMessage(output, 20));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                utils.terminate(Duration.ofSeconds(5));
                throw new IllegalStateException("interrupted while computing Flink memory", e);
            }
            return parseResourceParams(Files.readAllLines(output, StandardCharsets.UTF_8));
        }

        private ChildProcess launch(String mainClass, List<Path> classpath, Path confDir,
                Path logFile, List<String> params, List<String> extraArguments, Path pidFile)
                throws IOException {
            List<String> jvmOptions = new ArrayList<>(splitOptions(params.get(0)));
            jvmOptions.add("-Dlog.file=" + logFile);
            jvmOptions.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
            jvmOptions.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS");
            jvmOptions.add("-Dorg.slf4j.simpleLogger.log.org.apache.pekko=warn");
            List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
            arguments.addAll(extraArguments);
            arguments.addAll(splitOptions(params.get(1)));

            List<Path> fullClasspath = new ArrayList<>(classpath);
            loggingBinding().ifPresent(fullClasspath::add);
            ChildProcess process = ChildJvm.builder(mainClass)
                    .classpath(fullClasspath)
                    .jvmOptions(jvmOptions)
                    .arguments(arguments)
                    .logFile(logFile)
                    .detached(detached)
                    .shutdownTimeout(Duration.ofSeconds(30))
                    .start();
            new PidFile(pidFile).write(process.pid());
            return process;
        }

        private void awaitReady(FlinkCluster cluster) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                    .build();
            URI overview = cluster.webUi().resolve("overview");
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                checkAlive(cluster.jobManager);
                checkAlive(cluster.taskManager);
                Optional<String> body = get(http, overview);
                if (body.isPresent() && registeredSlots(body.get()) >= taskSlots) {
                    return;
                }
                sleep(Duration.ofMillis(500));
            }
            throw new IllegalStateException("the Flink TaskManager did not register with the"
                    + " JobManager within " + startupTimeout.toSeconds() + " s"
                    + LogFiles.tailForMessage(cluster.taskManagerLog(), 20));
        }

        private static void checkAlive(ChildProcess process) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " exited with status "
                        + process.exitStatus().orElse(-1) + " during start-up"
                        + LogFiles.tailForMessage(process.logFile(), 30));
            }
        }
    }

    /** The cluster's jars, as written by infra/flink-runtime. */
    static List<Path> clusterClasspath() {
        return ClasspathResource.load(CLASSPATH_RESOURCE, BUILD_HINT);
    }

    /**
     * The JVM options (first) and dynamic {@code -D key=value} arguments (second) from the
     * output of {@code BashJavaUtils GET_*_RESOURCE_PARAMS}: its last two result lines.
     */
    static List<String> parseResourceParams(List<String> lines) {
        List<String> results = new ArrayList<>();
        for (String line : lines) {
            int at = line.indexOf(EXEC_RESULT_PREFIX);
            if (at >= 0) {
                results.add(line.substring(at + EXEC_RESULT_PREFIX.length()).trim());
            }
        }
        if (results.size() < 2) {
            throw new IllegalStateException("BashJavaUtils printed " + results.size()
                    + " result lines, expected 2 (JVM options, dynamic configuration): " + lines);
        }
        return results.subList(results.size() - 2, results.size());
    }

    /** Splits a line of options at spaces; {@code -D key=value} pairs stay two tokens. */
    static List<String> splitOptions(String line) {
        List<String> tokens = new ArrayList<>();
        for (String token : line.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Slots registered according to a REST {@code /overview} body; 0 without a TaskManager. */
    static int registeredSlots(String overviewJson) {
        Matcher taskManagers = TASK_MANAGERS.matcher(overviewJson);
        Matcher slots = SLOTS.matcher(overviewJson);
        if (!taskManagers.find() || Integer.parseInt(taskManagers.group(1)) == 0
                || !slots.find()) {
            return 0;
        }
        return Integer.parseInt(slots.group(1));
    }

    /** The jar of slf4j-simple, so that the cluster's processes log (Flink ships no binding). */
    private static Optional<Path> loggingBinding() {
        try {
            return Optional.of(ChildJvm.codeLocation(Class.forName(
                    "org.slf4j.simple.SimpleLogger")));
        } catch (ClassNotFoundException | IllegalStateException e) {
            LOG.warn("slf4j-simple is not on this JVM's classpath: the Flink processes will not"
                    + " log");
            return Optional.empty();
        }
    }

    private static Optional<String> get(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Flink", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Flink", e);
        }
    }
}
