package org.enis.pipeline;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.enis.pipeline.transforms.AccumulateCoverage;
import org.enis.pipeline.transforms.EventEncoder;
import org.enis.pipeline.transforms.GenerateBatchNumbers;
import org.enis.pipeline.transforms.GenerateEvents;
import org.enis.pipeline.transforms.PublishCoverageReports;
import org.enis.pipeline.transforms.PublishToKafka;
import org.enis.pipeline.transforms.ReportEncoder;

/**
 * The streaming generator as a Beam pipeline:
 * <pre>
 * GenerateBatchNumbers -> GenerateEvents -+-> PublishEvents           (events topic)
 *                                         +-> AccumulateCoverage -> PublishCoverageReports
 * </pre>
 * Batch numbers drive everything; each batch publishes its quota of accepted events and one
 * tally of its proposals, and the tallies merge into one coverage report per window.
 */
public final class GeneratorPipeline {

    private GeneratorPipeline() {
    }

    /** Adds the generator's steps to {@code pipeline}. */
    public static void build(Pipeline pipeline, GeneratorConfig config,
            EventEncoder eventEncoder, ReportEncoder reportEncoder) {
        PCollectionTuple generated = pipeline
                .apply("GenerateBatchNumbers",
                        new GenerateBatchNumbers(config.plan(), config.eventsPerSecond()))
                .apply("GenerateEvents", new GenerateEvents(config, eventEncoder));

        generated.get(GenerateEvents.EVENTS)
                .apply("PublishEvents",
                        new PublishToKafka(config.bootstrapServers(), config.eventsTopic()));

        generated.get(GenerateEvents.TALLIES)
                .apply("AccumulateCoverage",
                        new AccumulateCoverage(config.reportSeconds(), config.thresholdWeight()))
                .apply("PublishCoverageReports",
                        new PublishCoverageReports(config, reportEncoder));
    }
}
