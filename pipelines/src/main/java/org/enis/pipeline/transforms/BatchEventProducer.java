package org.enis.pipeline.transforms;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.FinalStateGenerator;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.sampling.BatchGenerator;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.CoverageTally;
import org.enis.pipeline.sampling.ProposalBlock;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.Proposals;
import org.enis.pipeline.sampling.QuantileRejection;
import org.enis.pipeline.sampling.WeightEvaluator;

/**
 * The events of one batch, encoded: the rejection loop of {@link BatchGenerator}, then each
 * accepted point's final state (its azimuths drawn from the batch's own seed) and encoding.
 * Holds the proposal (a loaded SavedModel for the flow) until closed. Not thread-safe.
 */
final class BatchEventProducer implements AutoCloseable {
    private final GeneratorConfig config;
    private final EventEncoder encoder;
    private final ProposalSampler sampler;
    private final BatchGenerator generator;
    private final FinalStateGenerator finalStates;
    private final BatchSeeds seeds;
    private final GeneratedEvent event = new GeneratedEvent();

    /** Loads the proposal and prepares the density, the final states and the encoder. */
    BatchEventProducer(GeneratorConfig config, EventEncoder encoder) {
        this.config = config;
        this.encoder = encoder;
        CcqeTargetDensity target = config.targetDensity();
        CcqeParameters parameters = target.parameters();
        this.sampler = Proposals.open(config, parameters);
        this.seeds = new BatchSeeds(config.runId());
        this.generator = new BatchGenerator(sampler, new WeightEvaluator(target),
                new QuantileRejection(config.thresholdWeight(), config.exact()), seeds,
                config.expectedAcceptance());
        this.finalStates = new FinalStateGenerator(parameters);
        encoder.open();
        event.runId = config.runId();
    }

    /** Short name of the proposal. */
    String proposalName() {
        return sampler.name();
    }

    /**
     * Generates batch {@code batchNumber}, handing each event to {@code events} as (key,
     * encoded value); the key {@code <run id>/<batch>} sends a batch to one Kafka partition.
     *
     * @return the tally of the batch's proposals
     */
    CoverageTally produce(long batchNumber, BiConsumer<String, byte[]> events) {
        int quota = config.plan().eventQuota(batchNumber);
        String key = config.runId() + "/" + batchNumber;
        SplittableRandom finalStateRandom = new SplittableRandom(
                seeds.seed(batchNumber, 0, BatchSeeds.Stream.FINAL_STATE));
        event.batchNumber = batchNumber;
        event.generationTimeMillis = System.currentTimeMillis();
        return generator.generate(batchNumber, quota, (index, block, i, weight) -> {
            fill(index, block, i, weight);
            event.finalState = finalStates.generate(event.neutrinoEnergyGeV,
                    event.muonMomentumGeV, event.muonAngleRad, event.nucleonMomentumGeV,
                    finalStateRandom);
            events.accept(key, encoder.encode(event));
        });
    }

    private void fill(int index, ProposalBlock block, int i, double weight) {
        event.indexInBatch = index;
        event.neutrinoEnergyGeV = block.neutrinoEnergyGeV()[i];
        event.muonMomentumGeV = block.muonMomentumGeV()[i];
        event.muonAngleRad = block.muonAngleRad()[i];
        event.nucleonMomentumGeV = block.nucleonMomentumGeV()[i];
        event.weight = weight;
    }

    /** Releases the proposal's native memory. */
    @Override
    public void close() {
        sampler.close();
    }
}
