package org.enis.pipeline.transforms;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.sampling.CoverageTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes each window's coverage as a report, keyed by run id, publishes it to the coverage
 * topic, and shows the latest window's coverage and acceptance as Beam gauges (in parts per
 * million, since gauges hold integers) in the Flink UI.
 */
public final class PublishCoverageReports
        extends PTransform<PCollection<WindowedCoverage>, PDone> {
    private static final long serialVersionUID = 1L;

    private final GeneratorConfig config;
    private final ReportEncoder encoder;

    public PublishCoverageReports(GeneratorConfig config, ReportEncoder encoder) {
        this.config = config;
        this.encoder = encoder;
    }

    @Override
    public PDone expand(PCollection<WindowedCoverage> windows) {
        return windows
                .apply("EncodeReports", ParDo.of(new EncodeReportsFn(config, encoder)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()))
                .apply("WriteReports", new PublishToKafka(config.bootstrapServers(),
                        config.coverageTopic()));
    }

    /** Encodes a report and updates the gauges. */
    static final class EncodeReportsFn extends DoFn<WindowedCoverage, KV<String, byte[]>> {
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(EncodeReportsFn.class);
        private static final double PPM = 1e6;

        private final GeneratorConfig config;
        private final ReportEncoder encoder;
        private final Gauge coveragePpm =
                Metrics.gauge(GenerateEvents.METRICS_NAMESPACE, "coverage_ppm");
        private final Gauge acceptancePpm =
                Metrics.gauge(GenerateEvents.METRICS_NAMESPACE, "acceptance_ppm");

        EncodeReportsFn(GeneratorConfig config, ReportEncoder encoder) {
            this.config = config;
            this.encoder = encoder;
        }

        @Setup
        public void setup() {
            encoder.open();
        }

        @ProcessElement
        public void processElement(@Element WindowedCoverage coverage,
                OutputReceiver<KV<String, byte[]>> out) {
            CoverageTally tally = coverage.tally();
            double shownCoverage = config.exact() ? 1.0 : tally.coverage();
            if (Double.isFinite(shownCoverage)) {
                coveragePpm.set(Math.round(shownCoverage * PPM));
            }
            if (Double.isFinite(tally.acceptance())) {
                acceptancePpm.set(Math.round(tally.acceptance() * PPM));
            }
            LOG.info("Coverage report, window starting {}: {}", coverage.windowStartMillis(),
                    tally);
            out.output(KV.of(config.runId(), encoder.encode(coverage, config)));
        }
    }
}
