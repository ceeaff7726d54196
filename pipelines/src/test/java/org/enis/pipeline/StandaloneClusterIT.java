package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.enis.infra.KafkaBroker;
import org.enis.infra.flink.FlinkCluster;
import org.enis.infra.process.Ports;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.avro.AvroEventEncoder;
import org.enis.pipeline.avro.AvroReportEncoder;
import org.enis.schemas.CcqeEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's shaded job jar on a real standalone Flink session cluster (JobManager and
 * TaskManager started by infra from Maven's jars) with parallelism 2, against a real broker.
 * Runs in {@code mvn -Pflink-cluster -pl pipelines verify}, after the jar is packaged.
 */
@Tag("flink-cluster")
class StandaloneClusterIT {
    private static final CcqeParameters PHYSICS = CcqeParameters.defaults();
    private static final long EVENTS = 50_000;

    @TempDir
    Path directory;

    @Test
    void theShadedJarRunsOnTheClusterWithParallelismTwo() throws Exception {
        Path jar = Path.of(System.getProperty("enis.flinkJobJar",
                "target/enis-pipelines-0.1.0-SNAPSHOT-flink-job.jar"));
        // The committed flow, so that TensorFlow's native library and the SavedModel load
        // from the shaded jar inside the TaskManager, as in a deployment.
        ResolvedProposal flow = ProposalSetup.resolve(ProposalKind.FLOW, FlowProposalIT.MODEL,
                PHYSICS, 0.99, false, 200_000, "cluster-calibration");
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(directory.resolve("kafka"))
                .build().start();
                FlinkCluster cluster = FlinkCluster.builder()
                        .workDirectory(directory.resolve("flink"))
                        .restPort(Ports.freeLoopbackPort())
                        .taskSlots(2)
                        .start()) {
            broker.createTopic("cluster-events", 4);
            broker.createTopic("cluster-coverage", 1);
            GeneratorConfig config = GeneratorConfig.builder()
                    .runId("cluster")
                    .plan(new BatchPlan(EVENTS, 5000))
                    .flowProposal(flow.modelDirectory(), flow.identity())
                    .threshold(0.99, flow.calibration().thresholdWeight(),
                            flow.calibration().acceptance())
                    .physicsParameters(PHYSICS.toCanonicalString())
                    .bootstrapServers(broker.bootstrapServers())
                    .eventsTopic("cluster-events")
                    .coverageTopic("cluster-coverage")
                    .reportSeconds(2)
                    .build();
            TopicMarks marks = TopicMarks.take(broker.bootstrapServers(),
                    config.eventsTopic(), config.coverageTopic());
            FlinkSettings settings = new FlinkSettings(cluster.restAddress(), 2, 8081,
                    directory.resolve("client"), jar);

            new GeneratorJob(config, settings, new AvroEventEncoder(config),
                    new AvroReportEncoder()).run();

            RunSummary summary = RunSummary.read(config, marks, Duration.ofSeconds(1), false);
            assertThat(summary.eventsPublished()).isEqualTo(EVENTS);
            assertThat(summary.eventsReported()).isEqualTo(EVENTS);
            assertThat(summary.isConsistent()).isTrue();
            checkEvents(broker.bootstrapServers(), config);
            String overview = get(cluster.webUi().resolve("jobs/overview"));
            assertThat(overview).contains("enis-generate-cluster").contains("FINISHED");
            assertThat(get(cluster.webUi().resolve("jobs/overview")))
                    .doesNotContain("\"state\":\"FAILED\"");
        }
    }

    /** Every event decodes, is unique, lies in the box and names the flow that made it. */
    private static void checkEvents(String bootstrapServers, GeneratorConfig config) {
        List<CcqeEvent> events = TopicContents.checkedEvents(bootstrapServers,
                config.eventsTopic(), PhaseSpaceBox.generation(PHYSICS));
        assertThat(events).hasSize((int) EVENTS).allSatisfy(event -> assertThat(
                event.getModel().getFingerprint()).isEqualTo(config.model().fingerprint()));
    }

    private static String get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
