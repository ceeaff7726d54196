package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enis.flow.ModelManifest;
import org.enis.infra.KafkaBroker;
import org.enis.infra.process.Ports;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.cli.GenerateCommandAccess;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.kafka.CoverageReportDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job as a user runs it, in-process: {@code generate} with the committed flow model
 * on an embedded Flink against a real broker, its threshold from the model's calibration; and
 * with other physics, which recalibrates at start-up. The summary it prints is read back from
 * Kafka, so a run that says "N events accounted for" and exits 0 has them all there.
 */
class FlowProposalIT {
    /** The committed model, relative to this module; {@code -Denis.model=DIR} for another. */
    static final Path MODEL = Path.of(System.getProperty("enis.model",
            "../models/ccqe-numubar-c12")).toAbsolutePath().normalize();

    @TempDir
    static Path directory;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        assumeTrue(Files.isRegularFile(MODEL.resolve("manifest.json")),
                "the committed model " + MODEL + " is not there yet");
        broker = KafkaBroker.builder().dataDir(directory.resolve("kafka")).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static String generate(List<String> extra, int expectedStatus) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrapServers", broker.bootstrapServers(),
                "--model", MODEL.toString(),
                "--uiPort", Integer.toString(Ports.freeLoopbackPort()),
                "--workDir", directory.resolve("work").toString()));
        args.addAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = GenerateCommandAccess.execute(args.toArray(String[]::new),
                    new PrintWriter(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isEqualTo(expectedStatus);
        return text;
    }

    @Test
    void theCommittedModelGeneratesWithItsOwnCalibration() throws IOException {
        String output = generate(List.of("--runId", "flow-it", "--maxEvents", "30000",
                "--batchSize", "5000", "--eventsTopic", "flow-events", "--coverageTopic",
                "flow-coverage"), 0);

        assertThat(output).contains("(model calibration on")
                .contains("events published   30,000 to flow-events")
                .contains("30,000 events accounted for")
                .doesNotContain("WARNING");
        checkTopics(ModelManifest.read(MODEL.resolve(ModelManifest.FILE_NAME)));
    }

    /** The run's topics as a downstream consumer sees them, independently of the summary. */
    private static void checkTopics(ModelManifest manifest) {
        List<CcqeEvent> events = TopicContents.checkedEvents(broker.bootstrapServers(),
                "flow-events", PhaseSpaceBox.generation(CcqeParameters.defaults()));
        assertThat(events).hasSize(30_000).allSatisfy(event -> {
            assertThat(event.getWeight()).isEqualTo(1.0);
            assertThat(event.getModel().getFingerprint()).isEqualTo(manifest.fingerprint());
        });
        CoverageReportDeserializer reports = new CoverageReportDeserializer();
        long accepted = TopicContents.readAll(broker.bootstrapServers(), "flow-coverage")
                .stream().map(record -> reports.decode(record.value()))
                .peek(report -> assertThat(report.getThresholdWeight()).isEqualTo(
                        manifest.calibration().table().row(0.99).thresholdWeight()))
                .mapToLong(CoverageReport::getAccepted).sum();
        assertThat(accepted).isEqualTo(30_000);
    }

    @Test
    void otherPhysicsRecalibratesAtStartUp() {
        String output = generate(List.of("--runId", "flow-ma", "--maxEvents", "5000",
                "--batchSize", "2500", "--axialMass", "1.2", "--calibrationProposals", "100000",
                "--eventsTopic", "ma-events", "--coverageTopic", "ma-coverage"), 0);

        assertThat(output).contains("start-up calibration on 100000 proposals")
                .contains("axialMassGeV 1.03 -> 1.2")
                .contains("5,000 events accounted for");
    }
}
