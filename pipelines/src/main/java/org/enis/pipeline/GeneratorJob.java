package org.enis.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.enis.pipeline.internal.FlinkJobControl;
import org.enis.pipeline.transforms.EventEncoder;
import org.enis.pipeline.transforms.ReportEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the generator pipeline on Flink, embedded or on a session cluster, and stops it cleanly
 * on request.
 *
 * <p>{@link #run()} blocks until the job ends: by itself after the last batch of a bounded run,
 * or after {@link #drain()} (which the command line calls on Ctrl-C). Draining is Flink's stop
 * with drain: sources stop, every window fires, every record reaches Kafka.
 */
public final class GeneratorJob {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorJob.class);
    /** Events per bundle at most: the Kafka writer flushes once per bundle. */
    private static final long MAX_BUNDLE_SIZE = 1_000_000L;
    /** A bundle's longest life: bounds how long an event waits before Kafka confirms it. */
    private static final long MAX_BUNDLE_MILLIS = 500L;
    private static final long WATERMARK_INTERVAL_MILLIS = 200L;
    /** Room for the shaded job jar, TensorFlow's native library included. */
    private static final long MAX_REST_CONTENT_BYTES = 1L << 30;

    private final GeneratorConfig config;
    private final FlinkSettings flink;
    private final EventEncoder eventEncoder;
    private final ReportEncoder reportEncoder;
    private final FlinkJobControl control;
    private volatile boolean drainRequested;

    public GeneratorJob(GeneratorConfig config, FlinkSettings flink, EventEncoder eventEncoder,
            ReportEncoder reportEncoder) {
        this.config = config;
        this.flink = flink;
        this.eventEncoder = eventEncoder;
        this.reportEncoder = reportEncoder;
        this.control = new FlinkJobControl(flink.restAddress());
    }

    /** The Flink job name: {@code enis-generate-<run id>}. */
    public String jobName() {
        return "enis-generate-" + config.runId();
    }

    /** The pipeline options of the run. */
    FlinkPipelineOptions options() {
        FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
        options.setRunner(FlinkRunner.class);
        options.setJobName(jobName());
        options.setStreaming(true);
        options.setFlinkMaster(flink.master());
        options.setParallelism(flink.parallelism());
        options.setFasterCopy(true);
        options.setMaxBundleSize(MAX_BUNDLE_SIZE);
        options.setMaxBundleTimeMills(MAX_BUNDLE_MILLIS);
        options.setAutoWatermarkInterval(WATERMARK_INTERVAL_MILLIS);
        options.setAttachedMode(true);
        options.setFlinkConfDir(writeClientConfiguration().toString());
        if (!flink.isLocal()) {
            // The cluster runs the shaded jar; the client's classpath stays here.
            options.setFilesToStage(List.of(flink.jobJar().toAbsolutePath().toString()));
        }
        return options;
    }

    /**
     * The Flink configuration of this client: for the embedded Flink, REST and web UI on
     * 127.0.0.1 at the chosen port; for a cluster, room to upload the shaded job jar.
     */
    private Path writeClientConfiguration() {
        Path confDir = flink.workDirectory().resolve("conf").toAbsolutePath();
        String yaml = "# Written by org.enis.pipeline.GeneratorJob for the Flink client.\n"
                + "rest.client.max-content-length: " + MAX_REST_CONTENT_BYTES + "\n"
                + "state.savepoints.dir: " + savepointDirectory().toUri() + "\n";
        if (flink.isLocal()) {
            yaml += "rest.address: 127.0.0.1\n"
                    + "rest.bind-address: 127.0.0.1\n"
                    + "rest.port: " + flink.uiPort() + "\n"
                    + "taskmanager.memory.managed.size: 0m\n";
        }
        try {
            Files.createDirectories(confDir);
            Files.writeString(confDir.resolve("flink-conf.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Flink configuration in " + confDir,
                    e);
        }
        return confDir;
    }

    private Path savepointDirectory() {
        return flink.workDirectory().resolve("savepoints").toAbsolutePath();
    }

    /**
     * Runs the job and blocks until it ends.
     *
     * @return the final state and metrics of the job
     */
    public PipelineResult run() {
        Pipeline pipeline = Pipeline.create(options());
        GeneratorPipeline.build(pipeline, config, eventEncoder, reportEncoder);
        LOG.info("Starting Flink job {} on {} with parallelism {} ({})", jobName(),
                flink.master(), flink.parallelism(), config.plan());
        PipelineResult result = pipeline.run();
        PipelineResult.State state = result.waitUntilFinish();
        LOG.info("Flink job {} ended {}", jobName(), state);
        return result;
    }

    /**
     * Drains the running job: stops the source, flushes every event and the last coverage
     * window, and lets {@link #run()} return. Retries while the job is still being deployed.
     *
     * @return whether a drain was requested from Flink
     */
    public boolean drain() {
        drainRequested = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> jobId = control.findRunningJob(jobName());
            if (jobId.isPresent()) {
                try {
                    control.drain(jobId.get(), savepointDirectory());
                    return true;
                } catch (IOException e) {
                    LOG.warn("Flink refused the drain, retrying: {}", e.getMessage());
                }
            }
            sleep(Duration.ofMillis(500));
        }
        LOG.error("Could not drain Flink job {} at {}", jobName(), flink.restAddress());
        return false;
    }

    /** Cancels the running job; records in flight are lost. */
    public boolean cancel() {
        Optional<String> jobId = control.findRunningJob(jobName());
        if (jobId.isEmpty()) {
            return false;
        }
        try {
            control.cancel(jobId.get());
            return true;
        } catch (IOException e) {
            LOG.error("Could not cancel Flink job {}: {}", jobName(), e.getMessage());
            return false;
        }
    }

    /** Whether {@link #drain()} was called: the run may have ended before its last batch. */
    public boolean drainRequested() {
        return drainRequested;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
