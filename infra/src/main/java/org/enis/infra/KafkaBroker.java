package org.enis.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.enis.infra.internal.KafkaDataDir;
import org.enis.infra.process.ChildJvm;
import org.enis.infra.process.ChildProcess;
import org.enis.infra.process.ClasspathResource;
import org.enis.infra.process.LogFiles;
import org.enis.infra.process.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft combined mode: one node that is both broker and controller)
 * running in a child JVM on 127.0.0.1, started from the jars Maven resolved into
 * infra/kafka-runtime.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.builder()
 *         .dataDir(Path.of("run/kafka"))
 *         .port(0)                      // 0 = a free port
 *         .build()
 *         .start()) {                   // returns once the broker accepts requests
 *     broker.createTopic("ccqe-events", 4);
 *     producerProps.put("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }                                     // SIGTERM, waits for the clean shutdown
 * }</pre>
 *
 * <p><b>Data directory.</b> Chosen by the caller and kept: {@code server.properties}
 * (regenerated on every start), {@code broker.log} (the broker's output, appended),
 * {@code broker.pid} (while running) and {@code kraft-logs/} (the metadata log and every topic
 * partition). The directory is formatted (Kafka's {@code StorageTool}) only when it holds no
 * formatted log directory yet, so a broker restarted on the same directory keeps its topics
 * and records, even with other ports.
 *
 * <p><b>Durability.</b> Topics have one replica and {@code min.insync.replicas=1}, so a record
 * acknowledged with {@code acks=all} is in the broker's log. {@link #stop()} sends SIGTERM and
 * waits for Kafka's controlled shutdown, which flushes every log to disk. Kafka leaves fsync to
 * the operating system, so a power failure (not a process crash) can lose the last seconds of
 * acknowledged records unless {@code log.flush.interval.messages=1} is set through
 * {@link Builder#brokerProperty(String, String)}.
 *
 * <p><b>Lifetime.</b> Unless {@linkplain Builder#detached(boolean) detached}, the broker stops
 * with this JVM: a shutdown hook stops it cleanly when this JVM exits (also on SIGTERM or
 * Ctrl-C), and a watchdog inside the broker JVM shuts it down cleanly when this JVM dies
 * without running hooks (SIGKILL, crash). A detached broker outlives this JVM; find and stop it
 * with {@link #findRunning(Path)}.
 *
 * <p>Thread-safe. An instance starts once; to restart, build a new one on the same data
 * directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    /** Resource of infra/kafka-runtime's jar listing the broker's classpath. */
    public static final String BROKER_CLASSPATH_RESOURCE = "org/enis/infra/kafka-broker.classpath";

    /** The conventional Kafka client port, the command line's default. */
    public static final int DEFAULT_PORT = 9092;

    /** The conventional KRaft controller port, the command line's default. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    /** Default maximum heap of the broker JVM. */
    public static final String DEFAULT_MAX_HEAP = "1g";

    /** Default time allowed for formatting and start-up until the broker answers. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    /** Default time the broker gets to shut down cleanly after SIGTERM. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    /** Default time allowed for an admin operation such as creating a topic. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);

    /** The node id of the single KRaft node. */
    static final int NODE_ID = 1;

    private static final String BUILD_HINT = "mvn -pl infra/kafka-runtime install";
    private static final String BROKER_MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL_CLASS = "kafka.tools.StorageTool";

    /** Legal Kafka topic names: at most 249 of these characters, not "." or "..". */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Attempts at a start-up when auto-chosen ports were taken in the meantime. */
    private static final int MAX_PORT_ATTEMPTS = 3;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int LOG_LINES_IN_ERRORS = 40;

    private enum State { NEW, RUNNING, STOPPED }

    private final KafkaDataDir dataDir;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final String maxHeap;
    private final List<String> jvmOptions;
    private final Map<String, String> brokerProperties;
    private final Duration startupTimeout;
    private final Duration shutdownTimeout;
    private final Duration operationTimeout;
    private final boolean detached;

    private State state = State.NEW;
    private ChildProcess process;
    private int port;
    private int controllerPort;
    private String clusterId;
    private Admin admin;
    private Thread shutdownHook;

    private KafkaBroker(Builder builder) {
        this.dataDir = new KafkaDataDir(builder.dataDir);
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.maxHeap = builder.maxHeap;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.startupTimeout = builder.startupTimeout;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.operationTimeout = builder.operationTimeout;
        this.detached = builder.detached;
    }

    /** Starts configuring a broker; {@link Builder#dataDir(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it serves
     * requests: its client port answers, and the cluster it reports has this data directory's
     * cluster id and this node registered.
     *
     * @return this broker, running
     * @throws IllegalStateException if already started, if another broker runs on the data
     *     directory, if a requested port is taken, or if the broker exits or is not ready
     *     within the start-up timeout (the message holds the end of its log)
     * @throws UncheckedIOException if the data directory cannot be written
     */
    public synchronized KafkaBroker start() {
        if (state != State.NEW) {
            throw new IllegalStateException("a KafkaBroker starts once; it is " + state
                    + ". Build a new one on the same data directory to restart.");
        }
        long startNanos = System.nanoTime();
        try {
            dataDir.createDirectories();
            dataDir.runningBroker().ifPresent(pid -> {
                throw new IllegalStateException("a Kafka broker (pid " + pid
                        + ") is already running on data directory " + dataDir.root()
                        + "; stop it first (bin/kafka-stop.sh or KafkaBroker.findRunning)");
            });
            launchWithRetries();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory "
                    + dataDir.root(), e);
        }
        state = State.RUNNING;
        if (!detached) {
            // Closes the admin client and the pid file too; the child's own hook only signals.
            shutdownHook = new Thread(this::stop, "stop-kafka-broker-" + process.pid());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LOG.info("Kafka broker ready at {} in {} ms (pid {}, cluster {}, data {})",
                bootstrapServers(), (System.nanoTime() - startNanos) / 1_000_000,
                process.pid(), clusterId, dataDir.root());
        return this;
    }

    private void launchWithRetries() throws IOException {
        boolean autoPorts = requestedPort == 0 || requestedControllerPort == 0;
        for (int attempt = 1; ; attempt++) {
            choosePorts();
            try {
                launch();
                return;
            } catch (BrokerStartException e) {
                boolean portTaken = e.getMessage().contains("Address already in use")
                        || !Ports.isFree(port) || !Ports.isFree(controllerPort);
                if (!autoPorts || !portTaken || attempt == MAX_PORT_ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage(), e.getCause());
                }
                LOG.warn("Port {} or {} was taken before the broker bound it; retrying with"
                        + " other free ports", port, controllerPort);
            }
        }
    }

    private void choosePorts() {
        port = requestedPort != 0 ? requestedPort : Ports.freeLoopbackPort();
        controllerPort = requestedControllerPort;
        while (controllerPort == 0 || controllerPort == port) {
            controllerPort = Ports.freeLoopbackPort();
        }
        for (int[] check : new int[][] {{requestedPort, port}, {requestedControllerPort,
                controllerPort}}) {
            if (check[0] != 0 && !Ports.isFree(check[1])) {
                throw new IllegalStateException("port " + check[1] + " on 127.0.0.1 is in use"
                        + " (another Kafka broker?); choose another port, or 0 for a free one");
            }
        }
    }

    private void launch() throws IOException, BrokerStartException {
        List<Path> classpath = ClasspathResource.load(BROKER_CLASSPATH_RESOURCE, BUILD_HINT);
        Path serverProperties = dataDir.writeServerProperties(serverProperties());
        clusterId = dataDir.formattedClusterId().orElse(null);
        if (clusterId == null) {
            clusterId = format(classpath, serverProperties);
        } else {
            LOG.info("Kafka data directory {} is formatted (cluster {}); keeping its data",
                    dataDir.root(), clusterId);
        }

        process = ChildJvm.builder(BROKER_MAIN_CLASS)
                .classpath(classpath)
                .jvmOptions(brokerJvmOptions())
                .argument(serverProperties.toString())
                .logFile(dataDir.logFile())
                .detached(detached)
                .newSession(true)
                .shutdownTimeout(shutdownTimeout)
                .start();
        dataDir.pidFile().write(process.pid());
        try {
            awaitReady(System.nanoTime() + startupTimeout.toNanos());
        } catch (BrokerStartException | RuntimeException e) {
            process.terminate(Duration.ofSeconds(10));
            dataDir.pidFile().delete();
            closeAdmin();
            throw e;
        }
    }

    /** The generated server.properties, in a stable order. */
    Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dataDir.kraftLogDir().toString());
        // One node: every internal topic and default has one replica.
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer offsets partitions than the default 50: the first consumer group starts faster.
        properties.put("offsets.topic.num.partitions", "8");
        // A lone consumer need not wait for others to join.
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.putAll(brokerProperties);
        return properties;
    }

    private List<String> brokerJvmOptions() {
        List<String> options = new ArrayList<>();
        options.add("-Xms256m");
        options.add("-Xmx" + maxHeap);
        options.add("-XX:+UseG1GC");
        options.add("-XX:MaxGCPauseMillis=20");
        options.add("-Djava.awt.headless=true");
        options.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        options.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        options.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        options.addAll(jvmOptions);
        return options;
    }

    private String format(List<Path> classpath, Path serverProperties) throws IOException {
        String newClusterId = KafkaDataDir.newClusterId();
        LOG.info("Formatting Kafka data directory {} (cluster {})", dataDir.root(), newClusterId);
        ChildProcess formatter = ChildJvm.builder(STORAGE_TOOL_CLASS)
                .classpath(classpath)
                .jvmOption("-Xmx256m")
                .jvmOption("-Dorg.slf4j.simpleLogger.logFile=System.out")
                .arguments(List.of("format", "--cluster-id", newClusterId,
                        "--config", serverProperties.toString()))
                .logFile(dataDir.logFile())
                .start();
        try {
            if (!formatter.waitFor(startupTimeout)) {
                formatter.terminate(Duration.ofSeconds(5));
                throw new IllegalStateException("formatting " + dataDir.root() + " took longer"
                        + " than " + startupTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            formatter.terminate(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting " + dataDir.root(), e);
        }
        int status = formatter.exitStatus().orElseThrow();
        String formatted = dataDir.formattedClusterId().orElse(null);
        if (status != 0 || !newClusterId.equals(formatted)) {
            throw new IllegalStateException("formatting Kafka data directory " + dataDir.root()
                    + " failed (exit status " + status + ")"
                    + LogFiles.tailForMessage(dataDir.logFile(), LOG_LINES_IN_ERRORS));
        }
        return newClusterId;
    }

    private void awaitReady(long deadlineNanos) throws BrokerStartException {
        while (!Ports.isListening(port, CONNECT_TIMEOUT_MS)) {
            checkAliveAndInTime(deadlineNanos);
            sleep(POLL_INTERVAL);
        }
        admin = Admin.create(adminProperties());
        while (true) {
            checkAliveAndInTime(deadlineNanos);
            try {
                DescribeClusterResult cluster = admin.describeCluster();
                String reportedClusterId = get(cluster.clusterId(), Duration.ofSeconds(5));
                Collection<Node> nodes = get(cluster.nodes(), Duration.ofSeconds(5));
                if (!clusterId.equals(reportedClusterId)) {
                    throw new BrokerStartException("the broker at 127.0.0.1:" + port
                            + " reports cluster " + reportedClusterId + ", but data directory "
                            + dataDir.root() + " holds cluster " + clusterId
                            + ": another broker answers on this port", null);
                }
                if (nodes.stream().anyMatch(node -> node.id() == NODE_ID)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Broker at 127.0.0.1:{} not ready yet: {}", port, e.toString());
            }
            sleep(POLL_INTERVAL);
        }
    }

    private void checkAliveAndInTime(long deadlineNanos) throws BrokerStartException {
        if (!process.isAlive()) {
            throw new BrokerStartException("the Kafka broker exited during start-up with status "
                    + process.exitStatus().orElse(-1)
                    + LogFiles.tailForMessage(dataDir.logFile(), LOG_LINES_IN_ERRORS), null);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new BrokerStartException("the Kafka broker did not become ready within "
                    + startupTimeout.toSeconds() + " s"
                    + LogFiles.tailForMessage(dataDir.logFile(), LOG_LINES_IN_ERRORS), null);
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapAddress());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "enis-infra-kafka-broker");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                Long.toString(operationTimeout.toMillis()));
        return properties;
    }

    /**
     * The bootstrap servers clients connect to, {@code 127.0.0.1:<port>}.
     *
     * @throws IllegalStateException if the broker is not running
     */
    public synchronized String bootstrapServers() {
        checkRunning("bootstrapServers()");
        return bootstrapAddress();
    }

    private String bootstrapAddress() {
        return "127.0.0.1:" + port;
    }

    /** The client port on 127.0.0.1. @throws IllegalStateException if not running */
    public synchronized int port() {
        checkRunning("port()");
        return port;
    }

    /** The KRaft controller port on 127.0.0.1. @throws IllegalStateException if not running */
    public synchronized int controllerPort() {
        checkRunning("controllerPort()");
        return controllerPort;
    }

    /** The KRaft cluster id of the data directory. @throws IllegalStateException if not running */
    public synchronized String clusterId() {
        checkRunning("clusterId()");
        return clusterId;
    }

    /** Process id of the broker JVM. @throws IllegalStateException if not running */
    public synchronized long pid() {
        checkRunning("pid()");
        return process.pid();
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir.root();
    }

    /** The broker's log file (its standard output and error) in the data directory. */
    public Path logFile() {
        return dataDir.logFile();
    }

    /**
     * Blocks until the broker process exits: stopped by {@link #stop()} (also from the
     * shutdown hook), or failed.
     *
     * @throws IllegalStateException if the broker was never started
     * @throws InterruptedException if interrupted while waiting
     */
    public void waitForExit() throws InterruptedException {
        ChildProcess child;
        synchronized (this) {
            if (state == State.NEW) {
                throw new IllegalStateException("waitForExit() needs a started broker");
            }
            child = process;
        }
        while (!child.waitFor(Duration.ofDays(1))) {
            LOG.debug("Kafka broker pid {} still running", child.pid());
        }
    }

    /** Whether the broker was started, has not been stopped, and its process is alive. */
    public synchronized boolean isRunning() {
        return state == State.RUNNING && process.isAlive();
    }

    /**
     * Creates a topic with one replica, or checks that it exists with this partition count;
     * returns once every partition has a leader.
     *
     * @param topic topic name: 1 to 249 of {@code [a-zA-Z0-9._-]}, not "." or ".."
     * @param partitions partition count, at least 1
     * @throws IllegalArgumentException for a bad name or partition count
     * @throws IllegalStateException if the topic exists with another partition count, or the
     *     broker fails or times out
     */
    public void createTopic(String topic, int partitions) {
        createTopic(topic, partitions, Map.of());
    }

    /**
     * Creates a topic with one replica and topic-level configuration (for example
     * {@code retention.ms}), or checks that it exists with this partition count (its existing
     * configuration is kept); returns once every partition has a leader.
     *
     * @param topic topic name: 1 to 249 of {@code [a-zA-Z0-9._-]}, not "." or ".."
     * @param partitions partition count, at least 1
     * @param configs topic configuration entries
     * @throws IllegalArgumentException for a bad name or partition count, or a configuration
     *     the broker rejects
     * @throws IllegalStateException if the topic exists with another partition count, or the
     *     broker fails or times out
     */
    public void createTopic(String topic, int partitions, Map<String, String> configs) {
        checkTopicName(topic);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions of topic " + topic
                    + " must be >= 1, got " + partitions);
        }
        Admin client;
        synchronized (this) {
            checkRunning("createTopic()");
            client = admin;
        }
        NewTopic newTopic = new NewTopic(topic, partitions, (short) 1).configs(configs);
        try {
            get(client.createTopics(List.of(newTopic)).all(), operationTimeout);
            LOG.info("Created topic {} with {} partition(s)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw adminFailure("create topic " + topic, e);
            }
        } catch (TimeoutException e) {
            throw adminFailure("create topic " + topic, e);
        }
        awaitLeaders(client, topic, partitions);
    }

    private void awaitLeaders(Admin client, String topic, int partitions) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        while (true) {
            try {
                TopicDescription description = get(
                        client.describeTopics(List.of(topic)).allTopicNames(), operationTimeout)
                        .get(topic);
                List<TopicPartitionInfo> infos = description.partitions();
                if (infos.size() != partitions) {
                    throw new IllegalStateException("topic " + topic + " exists with "
                            + infos.size() + " partition(s), not the " + partitions
                            + " requested");
                }
                if (infos.stream().allMatch(info -> info.leader() != null
                        && !info.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Topic {} not described yet: {}", topic, e.toString());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("topic " + topic + " has no leader for every"
                        + " partition after " + operationTimeout.toSeconds() + " s");
            }
            sleep(POLL_INTERVAL);
        }
    }

    private static void checkTopicName(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("topic name must be 1 to 249 characters of"
                    + " [a-zA-Z0-9._-] and not '.' or '..', got '" + topic + "'");
        }
    }

    /**
     * Stops the broker: SIGTERM, then waits up to the shutdown timeout for Kafka's controlled
     * shutdown, which flushes every log; kills it only if that times out. Does nothing if the
     * broker is not running.
     *
     * @return true if the broker shut down cleanly (Kafka wrote its clean-shutdown marker)
     */
    public synchronized boolean stop() {
        if (state != State.RUNNING) {
            return state == State.STOPPED || state == State.NEW;
        }
        state = State.STOPPED;
        removeShutdownHook();
        closeAdmin();
        boolean exitedInTime = process.terminate(shutdownTimeout);
        boolean clean = exitedInTime && dataDir.hasCleanShutdownMarker();
        try {
            dataDir.pidFile().delete();
        } catch (IOException e) {
            LOG.warn("Cannot delete pid file {}: {}", dataDir.pidFile().path(), e.toString());
        }
        if (clean) {
            LOG.info("Kafka broker at 127.0.0.1:{} stopped cleanly", port);
        } else {
            LOG.warn("Kafka broker at 127.0.0.1:{} did not shut down cleanly; on the next start"
                    + " Kafka recovers its logs from the segments on disk (see {})", port,
                    dataDir.logFile());
        }
        return clean;
    }

    /**
     * Stops the broker as {@link #stop()} does; for a {@linkplain Builder#detached(boolean)
     * detached} broker, only releases this object's admin client and leaves the broker running.
     */
    @Override
    public synchronized void close() {
        if (detached && state == State.RUNNING) {
            closeAdmin();
            state = State.STOPPED;
            LOG.info("Left the detached Kafka broker at 127.0.0.1:{} running (pid {})", port,
                    process.pid());
            return;
        }
        stop();
    }

    /**
     * A broker running on a data directory, possibly started by another JVM (a detached broker
     * started by bin/kafka-start.sh).
     *
     * @param dataDir a Kafka data directory
     * @return the running broker, or empty if none runs there (a stale pid file is ignored)
     */
    public static Optional<RunningKafkaBroker> findRunning(Path dataDir) {
        KafkaDataDir dir = new KafkaDataDir(dataDir);
        return dir.runningBrokerHandle()
                .map(handle -> new RunningKafkaBroker(handle.pid(), dir.root(),
                        dir.advertisedPort().orElse(-1)));
    }

    private void checkRunning(String operation) {
        if (state != State.RUNNING) {
            throw new IllegalStateException(operation + " needs a running broker; it is "
                    + state + (state == State.NEW ? " (call start() first)" : ""));
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM shutting down; the broker's shutdown hook stays");
        }
    }

    private void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout)
            throws ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private RuntimeException adminFailure(String what, Exception e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof org.apache.kafka.common.errors.InvalidConfigurationException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                || cause instanceof org.apache.kafka.common.errors.InvalidPartitionsException) {
            return new IllegalArgumentException("cannot " + what + ": " + cause.getMessage(),
                    cause);
        }
        return new IllegalStateException("cannot " + what + " on the broker at 127.0.0.1:"
                + port + ": " + cause, cause);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** A failed start-up attempt; may be retried with other ports. */
    private static final class BrokerStartException extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Configuration of a {@link KafkaBroker}; every setter returns this builder. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private String maxHeap = DEFAULT_MAX_HEAP;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
        private boolean detached;

        private Builder() {
        }

        /** Directory holding the broker's configuration, log and data (required). */
        public Builder dataDir(Path directory) {
            this.dataDir = Objects.requireNonNull(directory, "directory").toAbsolutePath()
                    .normalize();
            return this;
        }

        /** Client port on 127.0.0.1; 0 (the default) chooses a free port. */
        public Builder port(int value) {
            this.port = Ports.checkPort(value, "port", true);
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0 (the default) chooses a free port. */
        public Builder controllerPort(int value) {
            this.controllerPort = Ports.checkPort(value, "controllerPort", true);
            return this;
        }

        /** Maximum heap of the broker JVM, as for {@code -Xmx}: such as 512m or 2g. */
        public Builder maxHeap(String value) {
            Objects.requireNonNull(value, "maxHeap");
            if (!value.matches("[1-9][0-9]*[kKmMgG]?")) {
                throw new IllegalArgumentException("maxHeap must look like 512m or 2g"
                        + " (a size for -Xmx), got '" + value + "'");
            }
            this.maxHeap = value;
            return this;
        }

        /** Adds an option of the broker JVM, after the defaults (so it wins over them). */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Sets or overrides a line of server.properties, such as {@code log.retention.hours}.
         * Overriding listeners, ports or {@code log.dirs} breaks the launcher's assumptions.
         */
        public Builder brokerProperty(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isBlank() || key.contains("=") || value.contains("\n")) {
                throw new IllegalArgumentException("broker property must be a key without '='"
                        + " and a one-line value, got '" + key + "'='" + value + "'");
            }
            brokerProperties.put(key.trim(), value.trim());
            return this;
        }

        /** Time allowed for formatting and start-up (default 120 s). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = positive(timeout, "startupTimeout");
            return this;
        }

        /** Time the broker gets to shut down cleanly after SIGTERM (default 60 s). */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = positive(timeout, "shutdownTimeout");
            return this;
        }

        /** Time allowed for an admin operation such as creating a topic (default 60 s). */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = positive(timeout, "operationTimeout");
            return this;
        }

        /**
         * Whether the broker outlives this JVM (default false), as a daemon started from the
         * command line; it is then stopped with {@link RunningKafkaBroker#stop(Duration)}.
         */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /**
         * Validates the configuration.
         *
         * @return a broker, not yet started
         * @throws IllegalStateException if {@link #dataDir(Path)} was not set
         * @throws IllegalArgumentException if port and controller port are equal and not 0
         */
        public KafkaBroker build() {
            if (dataDir == null) {
                throw new IllegalStateException("dataDir(Path) must be set");
            }
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both"
                        + " are " + port);
            }
            return new KafkaBroker(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, got " + value);
            }
            return value;
        }
    }
}
