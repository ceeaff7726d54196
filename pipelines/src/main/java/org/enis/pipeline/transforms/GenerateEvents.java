package org.enis.pipeline.transforms;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.sampling.CoverageTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns batch numbers into accepted events: for each batch, samples proposals from q (seeded by
 * run id and batch number), evaluates their weights {@code w = p / q} with the physics batch
 * API, accepts by weight against the threshold {@code w_Q}, draws each accepted event's final
 * state, and encodes it. Outputs {@link #EVENTS} keyed by {@code <run id>/<batch>} (so a batch's
 * events land in one Kafka partition) and one {@link CoverageTally} per batch on
 * {@link #TALLIES}: the statistics are pre-aggregated where they are made.
 *
 * <p>Sampling, weighting and acceptance run in one DoFn because a batch must loop over them
 * until its event quota is met (see {@link BatchGenerator}); each is its own class underneath.
 */
public final class GenerateEvents extends PTransform<PCollection<Long>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;

    /** Encoded events keyed by run id and batch number. */
    public static final TupleTag<KV<String, byte[]>> EVENTS = new TupleTag<>() {
    };
    /** The tally of each batch's proposals. */
    public static final TupleTag<CoverageTally> TALLIES = new TupleTag<>() {
    };

    /** Namespace of the Beam metrics, shown in the Flink UI as {@code <step>.enis.<name>}. */
    public static final String METRICS_NAMESPACE = "enis";

    private final GeneratorConfig config;
    private final EventEncoder encoder;

    public GenerateEvents(GeneratorConfig config, EventEncoder encoder) {
        this.config = config;
        this.encoder = encoder;
    }

    @Override
    public PCollectionTuple expand(PCollection<Long> batchNumbers) {
        PCollectionTuple out = batchNumbers.apply("SampleWeighAndAccept",
                ParDo.of(new GenerateEventsFn(config, encoder))
                        .withOutputTags(EVENTS, TupleTagList.of(TALLIES)));
        out.get(EVENTS).setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
        out.get(TALLIES).setCoder(SerializableCoder.of(CoverageTally.class));
        return out;
    }

    /** The per-batch work; holds the proposal (a loaded SavedModel) per instance. */
    static final class GenerateEventsFn extends DoFn<Long, KV<String, byte[]>> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(GenerateEventsFn.class);

        private final GeneratorConfig config;
        private final EventEncoder encoder;

        private final Counter batches = Metrics.counter(METRICS_NAMESPACE, "batches");
        private final Counter proposals = Metrics.counter(METRICS_NAMESPACE, "proposals");
        private final Counter accepted = Metrics.counter(METRICS_NAMESPACE, "accepted");
        private final Counter zeroWeights = Metrics.counter(METRICS_NAMESPACE, "zero_weights");
        private final Counter aboveThreshold =
                Metrics.counter(METRICS_NAMESPACE, "above_threshold");
        private final Counter invalidWeights =
                Metrics.counter(METRICS_NAMESPACE, "invalid_weights");

        private transient BatchEventProducer producer;

        GenerateEventsFn(GeneratorConfig config, EventEncoder encoder) {
            this.config = config;
            this.encoder = encoder;
        }

        @Setup
        public void setup() {
            producer = new BatchEventProducer(config, encoder);
            LOG.info("Generator ready: {} proposal, w_Q = {} at quantile {}{}",
                    producer.proposalName(), config.thresholdWeight(), config.quantile(),
                    config.exact() ? ", exact" : "");
        }

        @ProcessElement
        public void processElement(@Element Long batchNumber, MultiOutputReceiver out) {
            OutputReceiver<KV<String, byte[]>> events = out.get(EVENTS);
            CoverageTally tally = producer.produce(batchNumber,
                    (key, value) -> events.output(KV.of(key, value)));

            out.get(TALLIES).output(tally);
            batches.inc();
            proposals.inc(tally.proposals());
            accepted.inc(tally.accepted());
            zeroWeights.inc(tally.zeroWeights());
            aboveThreshold.inc(tally.aboveThreshold());
            if (tally.invalidWeights() > 0) {
                invalidWeights.inc(tally.invalidWeights());
                LOG.warn("Batch {}: {} of {} proposals had no valid weight (NaN); counted in"
                        + " the coverage report", batchNumber, tally.invalidWeights(),
                        tally.proposals());
            }
        }

        @Teardown
        public void teardown() {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        }
    }
}
