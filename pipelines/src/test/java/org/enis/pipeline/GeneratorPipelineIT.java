package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enis.infra.KafkaBroker;
import org.enis.infra.process.Ports;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.avro.AvroEventEncoder;
import org.enis.pipeline.avro.AvroReportEncoder;
import org.enis.pipeline.cli.ConsumeCommandAccess;
import org.enis.pipeline.cli.GenerateCommandAccess;
import org.enis.pipeline.transforms.GenerateEvents;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.kafka.CcqeEventDeserializer;
import org.enis.schemas.kafka.CoverageReportDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on an embedded Flink against a real Kafka broker, checked the way a downstream
 * user would: with a plain Kafka consumer and the Avro decoder of the schemas module. Uses the
 * uniform proposal, whose calibration takes a fraction of a second, so that 100,000 events
 * stay quick; the flow proposal has its own test.
 */
class GeneratorPipelineIT {
    private static final CcqeParameters PHYSICS = CcqeParameters.defaults();
    private static final PhaseSpaceBox BOX = PhaseSpaceBox.generation(PHYSICS);
    private static final int PARTITIONS = 4;

    @TempDir
    static Path directory;
    private static KafkaBroker broker;
    private static ResolvedProposal uniform;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.builder().dataDir(directory.resolve("kafka")).build().start();
        uniform = ProposalSetup.resolve(ProposalKind.UNIFORM, null, PHYSICS, 0.99, false, 200_000,
                "it-calibration");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static GeneratorConfig config(String runId, long maxEvents, int batchSize) {
        return builder(runId, maxEvents, batchSize).build();
    }

    private static GeneratorConfig.Builder builder(String runId, long maxEvents,
            int batchSize) {
        broker.createTopic(runId + "-events", PARTITIONS);
        broker.createTopic(runId + "-coverage", 1);
        return GeneratorConfig.builder()
                .runId(runId)
                .plan(new BatchPlan(maxEvents, batchSize))
                .uniformProposal()
                .threshold(0.99, uniform.calibration().thresholdWeight(),
                        uniform.calibration().acceptance())
                .physicsParameters(PHYSICS.toCanonicalString())
                .bootstrapServers(broker.bootstrapServers())
                .eventsTopic(runId + "-events")
                .coverageTopic(runId + "-coverage")
                .reportSeconds(2);
    }

    private static GeneratorJob job(GeneratorConfig config) {
        return new GeneratorJob(config, FlinkSettings.local(2, Ports.freeLoopbackPort(),
                directory.resolve("flink-" + config.runId())),
                new AvroEventEncoder(config), new AvroReportEncoder());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicContents.readAll(broker.bootstrapServers(), topic);
    }

    private static long endOffsetSum(String topic) {
        return TopicContents.endOffsetSum(broker.bootstrapServers(), topic);
    }

    private static CcqeEvent decodeEvent(byte[] bytes) {
        return new CcqeEventDeserializer().decode(bytes);
    }

    private static CoverageReport decodeReport(byte[] bytes) {
        return new CoverageReportDeserializer().decode(bytes);
    }

    /** Checks the events of a run and returns them per batch. */
    private static Map<Long, List<CcqeEvent>> checkEvents(GeneratorConfig config,
            List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        Map<Long, List<CcqeEvent>> byBatch = new HashMap<>();
        Map<Long, Integer> partitionOfBatch = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CcqeEvent event = decodeEvent(record.value());
            assertThat(event.getRunId()).isEqualTo(config.runId());
            assertThat(ids.add(event.getBatchNumber() + "/" + event.getIndexInBatch()))
                    .as("event id %s/%s is unique", event.getBatchNumber(),
                            event.getIndexInBatch()).isTrue();
            assertThat(BOX.contains(event.getNeutrinoEnergyGeV(), event.getMuonMomentumGeV(),
                    event.getMuonAngleRad(), event.getNucleonFermiMomentumGeV())).isTrue();
            assertThat(record.key()).isEqualTo(config.runId() + "/" + event.getBatchNumber());
            Integer partition = partitionOfBatch.putIfAbsent(event.getBatchNumber(),
                    record.partition());
            assertThat(partition == null || partition == record.partition())
                    .as("batch %s lies in one partition", event.getBatchNumber()).isTrue();
            byBatch.computeIfAbsent(event.getBatchNumber(), b -> new ArrayList<>()).add(event);
        }
        return byBatch;
    }

    private static long reportedAccepted(GeneratorConfig config) {
        return readAll(config.coverageTopic()).stream()
                .map(record -> decodeReport(record.value()))
                .peek(report -> assertThat(report.getRunId()).isEqualTo(config.runId()))
                .mapToLong(CoverageReport::getAccepted)
                .sum();
    }

    @Test
    void aBoundedRunPublishesEveryEventOnceAndTheReportsAddUp() {
        GeneratorConfig config = config("bounded", 100_000, 5000);

        PipelineResult result = job(config).run();

        List<ConsumerRecord<String, byte[]>> records = readAll(config.eventsTopic());
        assertThat(records).hasSize(100_000);
        Map<Long, List<CcqeEvent>> byBatch = checkEvents(config, records);
        assertThat(byBatch).hasSize(20).allSatisfy((batch, events) ->
                assertThat(events).hasSize(5000));
        assertThat(reportedAccepted(config)).isEqualTo(100_000);
        assertThat(counter(result, "accepted")).isEqualTo(100_000);
        assertThat(counter(result, "proposals")).isGreaterThan(100_000);
        checkConsumeCommand(config);
    }

    /** bin/consume reads the same run back: counts, checks, CSV. */
    private static void checkConsumeCommand(GeneratorConfig config) {
        Path csv = directory.resolve("bounded.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ConsumeCommandAccess.execute(new String[] {"--bootstrapServers",
                broker.bootstrapServers(), "--eventsTopic", config.eventsTopic(),
                "--coverageTopic", config.coverageTopic(), "--csv", csv.toString()});
        } finally {
            System.setOut(stdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(status).as(text).isZero();
        assertThat(text).contains("Events in bounded-events: 100,000 (0 undecodable records,"
                + " 0 duplicate event ids, 0 outside the generation box)");
        assertThat(text).contains("run bounded, UNIFORM proposal, quantile 0.99");
        try (var lines = Files.lines(csv)) {
            assertThat(lines.count()).isEqualTo(100_001);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exactModeWeightsTheEventsAboveTheThreshold() {
        GeneratorConfig config = builder("exact", 20_000, 5000).exact(true).build();

        job(config).run();

        List<CcqeEvent> events = readAll(config.eventsTopic()).stream()
                .map(record -> decodeEvent(record.value())).toList();
        assertThat(events).hasSize(20_000)
                .allSatisfy(e -> assertThat(e.getWeight()).isGreaterThanOrEqualTo(1.0))
                .anySatisfy(e -> assertThat(e.getWeight()).isGreaterThan(1.0));
        List<CoverageReport> reports = readAll(config.coverageTopic()).stream()
                .map(record -> decodeReport(record.value())).toList();
        assertThat(reports).allSatisfy(r -> assertThat(r.getExactMode()).isTrue());
        long above = reports.stream().mapToLong(CoverageReport::getAboveThreshold).sum();
        assertThat(events.stream().filter(e -> e.getWeight() > 1.0).count())
                .as("every proposal above w_Q is published, with its weight").isEqualTo(above);
    }

    @Test
    void aDrainedRunFlushesEveryEventAndTheLastWindow() throws Exception {
        GeneratorConfig config = config("drained", 0, 2000);
        GeneratorJob job = job(config);
        CompletableFuture<PipelineResult> run = CompletableFuture.supplyAsync(job::run);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (endOffsetSum(config.eventsTopic()) < 20_000 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(job.drain()).isTrue();
        run.get(120, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = readAll(config.eventsTopic());
        assertThat(records.size()).isGreaterThanOrEqualTo(20_000);
        Map<Long, List<CcqeEvent>> byBatch = checkEvents(config, records);
        assertThat(byBatch).allSatisfy((batch, events) -> assertThat(events)
                .as("batch %s is complete", batch).hasSize(2000));
        assertThat(reportedAccepted(config)).isEqualTo(records.size());
    }

    @Test
    void badOptionsAndBadModelsFailClearlyBeforeAnythingIsPublished() throws IOException {
        Path corrupt = Files.createDirectories(directory.resolve("corrupt-model"));
        Files.writeString(corrupt.resolve("manifest.json"), "{ not json");
        String[][] cases = {
            {"--quantile", "1.5"},
            {"--maxEvents", "-3"},
            {"--batchSize", "0"},
            {"--rate", "-1"},
            {"--reportSeconds", "0"},
            {"--proposal", "banana"},
            {"--flinkMaster", "nowhere"},
            {"--axialMass", "-1"},
            {"--model", directory.resolve("no-such-model").toString()},
            {"--model", corrupt.toString()},
            {"--model", FlowProposalIT.MODEL.toString(), "--flavour", "nu"},
            {"--flux", directory.resolve("no-flux.csv").toString()},
        };
        String[] messages = {
            "--quantile must be in (0, 1], got 1.5",
            "--maxEvents must be >= 0 (0 = until stopped), got -3",
            "--batchSize must be in [1, 1000000] events, got 0",
            "--rate must be a finite number >= 0 events/s (0 = unlimited), got -1.0",
            "--reportSeconds must be in [1, 86400] s, got 0",
            "proposal must be flow or uniform, got 'banana'",
            "flinkMaster must be [local] or host:port",
            "-1",
            "does not exist",
            "model manifest " + corrupt.resolve("manifest.json") + " is not a valid manifest",
            "was trained for MUON_ANTINEUTRINO on CARBON_12, the run asks for MUON_NEUTRINO"
                    + " on CARBON_12",
            "--flux file " + directory.resolve("no-flux.csv") + " does not exist",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("--bootstrapServers",
                    broker.bootstrapServers(), "--eventsTopic", "never-events",
                    "--coverageTopic", "never-coverage", "--calibrationProposals", "1000"));
            args.addAll(List.of(cases[i]));
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = GenerateCommandAccess.execute(args.toArray(String[]::new),
                    new PrintWriter(err, true, StandardCharsets.UTF_8));

            assertThat(status).as("exit status of %s", List.of(cases[i])).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as("message for %s",
                    List.of(cases[i])).contains(messages[i]);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .doesNotContain("never-events", "never-coverage");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long counter(PipelineResult result, String name) {
        MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.named(GenerateEvents.METRICS_NAMESPACE, name))
                .build());
        long sum = 0;
        for (MetricResult<Long> counter : metrics.getCounters()) {
            sum += counter.getAttempted();
        }
        return sum;
    }
}
