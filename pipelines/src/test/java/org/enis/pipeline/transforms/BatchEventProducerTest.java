package org.enis.pipeline.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.BatchPlan;
import org.enis.pipeline.GeneratorConfig;
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
}
