package org.enis.pipeline.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enis.flow.ModelManifest;
import org.enis.physics.CcqeParameters;
import org.enis.physics.Flux;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.BatchPlan;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.ModelIdentity;
import org.enis.pipeline.avro.AvroEventEncoder;
import org.enis.pipeline.sampling.CoverageTally;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.kafka.CcqeEventDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generation of a batch on its own, with the real CCQE density, the uniform proposal and the
 * Avro encoder: events are reproducible from run id and batch number, decode, lie in the
 * generation box and conserve energy and momentum.
 */
class BatchEventProducerTest {
    private static final CcqeParameters PHYSICS = CcqeParameters.defaults();
    /** Threshold weight of the uniform proposal at about Q = 0.99 for the defaults. */
    private static final double THRESHOLD_WEIGHT = 0.17;
    private static final int BATCH_SIZE = 300;

    private BatchEventProducer fn;

    private static GeneratorConfig config(String runId) {
        return GeneratorConfig.builder()
                .runId(runId)
                .plan(new BatchPlan(10 * BATCH_SIZE + 7, BATCH_SIZE))
                .uniformProposal()
                .threshold(0.99, THRESHOLD_WEIGHT, 0.012)
                .physicsParameters(PHYSICS.toCanonicalString())
                .bootstrapServers("127.0.0.1:9092")
                .build();
    }

    @BeforeEach
    void setUp() {
        fn = newFn("determinism");
    }

    private static BatchEventProducer newFn(String runId) {
        GeneratorConfig config = config(runId);
        return new BatchEventProducer(config, new AvroEventEncoder(config));
    }

    @AfterEach
    void tearDown() {
        fn.close();
    }

    /** Output of one batch. */
    private record Output(List<CcqeEvent> events, List<String> keys, List<CoverageTally> tallies) {
    }

    private static Output process(BatchEventProducer producer, long batch) {
        Output output = new Output(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        output.tallies().add(producer.produce(batch, (key, value) -> {
            output.keys().add(key);
            output.events().add(decode(value));
        }));
        return output;
    }

    private static CcqeEvent decode(byte[] bytes) {
        return new CcqeEventDeserializer().decode(bytes);
    }

    private static CcqeEvent withoutTime(CcqeEvent event) {
        return CcqeEvent.newBuilder(event).setGenerationTime(java.time.Instant.EPOCH).build();
    }

    @Test
    void sameRunIdAndBatchNumberGiveIdenticalEvents() {
        Output first = process(fn, 4);
        process(fn, 5);
        Output again = process(fn, 4);
        BatchEventProducer otherInstance = newFn("determinism");
        Output elsewhere = process(otherInstance, 4);
        otherInstance.close();

        assertThat(first.events()).hasSize(BATCH_SIZE);
        assertThat(again.events().stream().map(BatchEventProducerTest::withoutTime).toList())
                .isEqualTo(first.events().stream().map(BatchEventProducerTest::withoutTime)
                        .toList());
        assertThat(elsewhere.events().stream().map(BatchEventProducerTest::withoutTime).toList())
                .isEqualTo(first.events().stream().map(BatchEventProducerTest::withoutTime)
                        .toList());
        assertThat(again.tallies().get(0)).usingRecursiveComparison()
                .isEqualTo(first.tallies().get(0));
    }

    @Test
    void anotherRunIdGivesOtherEvents() {
        BatchEventProducer other = newFn("another-run");
        Output mine = process(fn, 4);
        Output theirs = process(other, 4);
        other.close();

        assertThat(theirs.events().get(0).getNeutrinoEnergyGeV())
                .isNotEqualTo(mine.events().get(0).getNeutrinoEnergyGeV());
    }

    @Test
    void eventsAreKeyedByBatchDenseAndInsideTheGenerationBox() {
        Output output = process(fn, 10);
        PhaseSpaceBox box = PhaseSpaceBox.generation(PHYSICS);

        assertThat(output.events()).hasSize(7).as("the last batch takes the remainder");
        assertThat(output.keys()).containsOnly("determinism/10");
        for (int i = 0; i < output.events().size(); i++) {
            CcqeEvent e = output.events().get(i);
            assertThat(e.getIndexInBatch()).isEqualTo(i);
            assertThat(box.contains(e.getNeutrinoEnergyGeV(), e.getMuonMomentumGeV(),
                    e.getMuonAngleRad(), e.getNucleonFermiMomentumGeV())).isTrue();
        }
        assertThat(output.tallies()).singleElement()
                .satisfies(t -> assertThat(t.accepted()).isEqualTo(7));
    }

    @Test
    void eventsCarryConsistentKinematicsAndAConservingFinalState() {
        for (CcqeEvent e : process(fn, 2).events()) {
            double eMu = Math.hypot(e.getMuonMomentumGeV(), PHYSICS.muonMassGeV());
            assertThat(e.getMuonEnergyGeV()).isCloseTo(eMu, within(1e-12));
            assertThat(e.getEnergyTransferGeV())
                    .isCloseTo(e.getNeutrinoEnergyGeV() - eMu, within(1e-12));
            assertThat(e.getQ2GeV2()).isGreaterThanOrEqualTo(0.0);
            assertThat(e.getMuon().getPdgCode()).isEqualTo(-13);
            assertThat(e.getNucleon().getPdgCode()).isEqualTo(2112);
            assertThat(e.getNeutrinoPdgCode()).isEqualTo(-14);
            assertThat(e.getTargetName()).isEqualTo("CARBON_12");
            assertThat(e.getWeight()).isEqualTo(1.0);
            // Beam along +z: the transverse momenta of muon and nucleon balance the Fermi
            // momentum of the struck nucleon, at most k_F.
            double px = e.getMuon().getMomentum().getPxGeV()
                    + e.getNucleon().getMomentum().getPxGeV();
            double py = e.getMuon().getMomentum().getPyGeV()
                    + e.getNucleon().getMomentum().getPyGeV();
            assertThat(Math.hypot(px, py)).isLessThanOrEqualTo(
                    PHYSICS.fermiMomentumGeV() + 1e-9);
            assertThat(e.getMuon().getMomentum().getEnergyGeV()).isCloseTo(eMu, within(1e-9));
        }
    }

    @Test
    void aFluxHistogramConfinesTheNeutrinoEnergyToItsBins() {
        // A flux only between 1 and 2 GeV: p is 0 elsewhere, so no event may lie outside.
        String flux = Flux.histogram(new double[] {1.0, 1.5, 2.0}, new double[] {1.0, 0.5})
                .toCanonicalString();
        GeneratorConfig config = GeneratorConfig.builder()
                .runId("flux")
                .plan(new BatchPlan(BATCH_SIZE, BATCH_SIZE))
                .uniformProposal()
                .threshold(0.99, THRESHOLD_WEIGHT, 0.012)
                .physicsParameters(PHYSICS.toCanonicalString())
                .flux(flux)
                .bootstrapServers("127.0.0.1:9092")
                .build();
        try (BatchEventProducer producer = new BatchEventProducer(config,
                new AvroEventEncoder(config))) {
            List<CcqeEvent> events = process(producer, 0).events();

            assertThat(events).hasSize(BATCH_SIZE).allSatisfy(e ->
                    assertThat(e.getNeutrinoEnergyGeV()).isBetween(1.0, 2.0));
            // Twice the flux below 1.5 GeV, and sigma(E) rising: most events lie there.
            assertThat(events.stream().filter(e -> e.getNeutrinoEnergyGeV() < 1.5).count())
                    .isGreaterThan(BATCH_SIZE / 2);
        }
    }

    @Test
    void theFlowProposalGivesTheSameEventsForTheSameRunIdAndBatch() throws IOException {
        Path model = Path.of("../models/ccqe-numubar-c12").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(model.resolve(ModelManifest.FILE_NAME)),
                "the committed model " + model + " is not there");
        ModelManifest manifest = ModelManifest.read(model.resolve(ModelManifest.FILE_NAME));
        GeneratorConfig config = GeneratorConfig.builder()
                .runId("flow-determinism")
                .plan(new BatchPlan(10 * BATCH_SIZE, BATCH_SIZE))
                .flowProposal(model, new ModelIdentity(manifest.modelName(),
                        manifest.modelVersion(), manifest.fingerprint()))
                .threshold(0.99, manifest.calibration().table().row(0.99).thresholdWeight(),
                        0.5)
                .physicsParameters(PHYSICS.toCanonicalString())
                .bootstrapServers("127.0.0.1:9092")
                .build();
        List<CcqeEvent> first;
        List<CcqeEvent> second;
        try (BatchEventProducer one = new BatchEventProducer(config, new AvroEventEncoder(config));
                BatchEventProducer two = new BatchEventProducer(config,
                        new AvroEventEncoder(config))) {
            first = process(one, 3).events().stream().map(BatchEventProducerTest::withoutTime)
                    .toList();
            second = process(two, 3).events().stream().map(BatchEventProducerTest::withoutTime)
                    .toList();
        }

        PhaseSpaceBox box = PhaseSpaceBox.generation(PHYSICS);
        assertThat(first).hasSize(BATCH_SIZE).isEqualTo(second).allSatisfy(e -> {
            assertThat(box.contains(e.getNeutrinoEnergyGeV(), e.getMuonMomentumGeV(),
                    e.getMuonAngleRad(), e.getNucleonFermiMomentumGeV())).isTrue();
            assertThat(e.getModel().getFingerprint()).isEqualTo(manifest.fingerprint());
        });
    }
}
