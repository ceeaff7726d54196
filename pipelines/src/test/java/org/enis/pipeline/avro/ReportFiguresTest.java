package org.enis.pipeline.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.enis.physics.CcqeParameters;
import org.enis.pipeline.BatchPlan;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.sampling.CoverageTally;
import org.enis.pipeline.transforms.WindowedCoverage;
import org.enis.schemas.CoverageReport;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
    private static final double TOLERANCE = 1e-12;
    private static final double THRESHOLD = 1.0;
    private static final GeneratorConfig CONFIG = GeneratorConfig.builder()
            .runId("reports")
            .plan(new BatchPlan(100, 10))
            .uniformProposal()
            .threshold(0.99, THRESHOLD, 0.5)
            .physicsParameters(CcqeParameters.defaults().toCanonicalString())
            .bootstrapServers("127.0.0.1:9092")
            .build();

    private static CoverageTally tally(int accepted, double... weights) {
        CoverageTally tally = new CoverageTally(THRESHOLD);
        for (double w : weights) {
            if (Double.isNaN(w)) {
                tally.addInvalid();
            } else {
                tally.addWeight(w);
            }
        }
        for (int i = 0; i < accepted; i++) {
            tally.addAccepted();
        }
        return tally;
    }

    private static CoverageReport report(long start, CoverageTally tally) {
        return AvroReportEncoder.toReport(new WindowedCoverage(start, start + 10_000, 0, tally),
                CONFIG);
    }

    @Test
    void reportOfFixedWeightsHasTheHandComputedFigures() {
        // w = 0, 0.5, 1, 2, 4 and one NaN, w_Q = 1: N = 5 valid, sum w = 7.5, sum w' = 3.5,
        // sum w'^2 = 3.25, sum w^2 = 21.25.
        CoverageReport report = report(0, tally(2, 0, 0.5, 1, 2, 4, Double.NaN));

        assertThat(report.getProposals()).isEqualTo(6);
        assertThat(report.getInvalidWeights()).isEqualTo(1);
        assertThat(report.getAcceptance()).isCloseTo(3.5 / 5, within(TOLERANCE));
        assertThat(report.getCoverage()).isCloseTo(3.5 / 7.5, within(TOLERANCE));
        assertThat(report.getEffectiveSampleSizeRatio())
                .isCloseTo(3.5 * 3.5 / (5 * 3.25), within(TOLERANCE));
        assertThat(report.getIntegral()).isCloseTo(1.5, within(TOLERANCE));
        assertThat(report.getIntegralError())
                .isCloseTo(Math.sqrt((21.25 / 5 - 2.25) / 5), within(TOLERANCE));
        assertThat(report.getMaximumWeight()).isEqualTo(4.0);
    }

    @Test
    void mergingTwoReportsEqualsOneReportOverBoth() {
        CoverageReport first = report(0, tally(1, 0, 0.25, 3, Double.NaN));
        CoverageReport second = report(10_000, tally(2, 0.75, 1.5, 0, 8));
        CoverageReport both = AvroReportEncoder.toReport(new WindowedCoverage(0, 20_000, 0,
                tally(3, 0, 0.25, 3, Double.NaN, 0.75, 1.5, 0, 8)), CONFIG);

        CoverageReport merged = CoverageReport.newBuilder(first).build();
        ReportFigures.merge(merged, second);

        assertThat(merged).isEqualTo(both);
    }

    @Test
    void aWindowWithoutPositiveWeightsTakesTheDocumentedLimits() {
        CoverageReport report = report(0, tally(0, 0, 0, 0));

        assertThat(report.getCoverage()).isEqualTo(1.0);
        assertThat(report.getAcceptance()).isZero();
        assertThat(report.getEffectiveSampleSizeRatio()).isZero();
        assertThat(report.getIntegral()).isZero();
    }

    @Test
    void reportsOfDifferentRunsDoNotMerge() {
        CoverageReport first = report(0, tally(0, 1));
        CoverageReport other = CoverageReport.newBuilder(first).setRunId("other").build();

        assertThatThrownBy(() -> ReportFigures.merge(first, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot merge reports of run reports");
    }
}
