package org.enis.pipeline.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.enis.pipeline.sampling.CoverageTally;
import org.joda.time.Duration;

/**
 * Merges the per-batch tallies into one tally per report window of generation time.
 *
 * <p>Each batch is pre-aggregated where it was generated, so this step combines one small
 * tally per batch, never one element per proposal or event: a global combine stays cheap at
 * any event rate. A window fires when the watermark passes its end; a batch arriving later
 * still (within a generous allowed lateness) fires an extra pane instead of being dropped. At
 * the end of a bounded run, or when the job is drained, the watermark jumps to the end of time
 * and the last, partial window fires too.
 */
public final class AccumulateCoverage
        extends PTransform<PCollection<CoverageTally>, PCollection<WindowedCoverage>> {
    private static final long serialVersionUID = 1L;
    /** Lateness after which a window's state is dropped; far beyond any batch's latency. */
    static final Duration ALLOWED_LATENESS = Duration.standardMinutes(30);

    private final int reportSeconds;
    private final double thresholdWeight;

    /**
     * @param reportSeconds length of a report window in seconds of generation time
     * @param thresholdWeight the run's threshold weight {@code w_Q}
     */
    public AccumulateCoverage(int reportSeconds, double thresholdWeight) {
        if (reportSeconds < 1) {
            throw new IllegalArgumentException("reportSeconds must be >= 1, got "
                    + reportSeconds);
        }
        this.reportSeconds = reportSeconds;
        this.thresholdWeight = thresholdWeight;
    }

    @Override
    public PCollection<WindowedCoverage> expand(PCollection<CoverageTally> batchTallies) {
        return batchTallies
                .apply("WindowByReportInterval", Window.<CoverageTally>into(
                                FixedWindows.of(Duration.standardSeconds(reportSeconds)))
                        .triggering(AfterWatermark.pastEndOfWindow()
                                .withLateFirings(AfterPane.elementCountAtLeast(1)))
                        .withAllowedLateness(ALLOWED_LATENESS)
                        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                        .discardingFiredPanes())
                .apply("MergeBatchTallies", Combine.globally(new MergeTalliesFn(thresholdWeight))
                        .withoutDefaults())
                .apply("StampWindow", ParDo.of(new StampWindowFn()))
                .setCoder(WindowedCoverageCoder.INSTANCE);
    }

    /** Merges tallies; the accumulator is itself a tally. */
    static final class MergeTalliesFn
            extends Combine.CombineFn<CoverageTally, CoverageTally, CoverageTally> {
        private static final long serialVersionUID = 1L;
        private final double thresholdWeight;

        MergeTalliesFn(double thresholdWeight) {
            this.thresholdWeight = thresholdWeight;
        }

        @Override
        public CoverageTally createAccumulator() {
            return new CoverageTally(thresholdWeight);
        }

        @Override
        public CoverageTally addInput(CoverageTally accumulator, CoverageTally input) {
            return accumulator.merge(input);
        }

        @Override
        public CoverageTally mergeAccumulators(Iterable<CoverageTally> accumulators) {
            CoverageTally merged = new CoverageTally(thresholdWeight);
            for (CoverageTally accumulator : accumulators) {
                merged.merge(accumulator);
            }
            return merged;
        }

        @Override
        public CoverageTally extractOutput(CoverageTally accumulator) {
            return accumulator;
        }

        @Override
        public Coder<CoverageTally> getAccumulatorCoder(
                CoderRegistry registry,
                Coder<CoverageTally> inputCoder) {
            return SerializableCoder.of(CoverageTally.class);
        }

        @Override
        public Coder<CoverageTally> getDefaultOutputCoder(
                CoderRegistry registry,
                Coder<CoverageTally> inputCoder) {
            return SerializableCoder.of(CoverageTally.class);
        }
    }

    /** Attaches the window bounds and pane index to a merged tally. */
    static final class StampWindowFn extends DoFn<CoverageTally, WindowedCoverage> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void processElement(@Element CoverageTally tally, IntervalWindow window,
                PaneInfo pane, OutputReceiver<WindowedCoverage> out) {
            // The window's closing pane can come out empty; it holds nothing to report.
            if (tally.proposals() == 0) {
                return;
            }
            out.output(new WindowedCoverage(window.start().getMillis(),
                    window.end().getMillis(), pane.getIndex(), tally));
        }
    }

    /** Coder of {@link WindowedCoverage}: the bounds and pane, then the tally. */
    static final class WindowedCoverageCoder extends AtomicCoder<WindowedCoverage> {
        private static final long serialVersionUID = 1L;
        static final WindowedCoverageCoder INSTANCE = new WindowedCoverageCoder();
        private static final Coder<CoverageTally> TALLY_CODER =
                SerializableCoder.of(CoverageTally.class);

        @Override
        public void encode(WindowedCoverage value, OutputStream out) throws IOException {
            VarLongCoder.of().encode(value.windowStartMillis(), out);
            VarLongCoder.of().encode(value.windowEndMillis(), out);
            VarLongCoder.of().encode(value.pane(), out);
            TALLY_CODER.encode(value.tally(), out);
        }

        @Override
        public WindowedCoverage decode(InputStream in) throws IOException {
            return new WindowedCoverage(VarLongCoder.of().decode(in),
                    VarLongCoder.of().decode(in), VarLongCoder.of().decode(in),
                    TALLY_CODER.decode(in));
        }
    }
}
