package org.enis.pipeline.avro;

import java.time.Instant;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.ProposalKind;
import org.enis.pipeline.sampling.CoverageTally;
import org.enis.pipeline.transforms.ReportEncoder;
import org.enis.pipeline.transforms.WindowedCoverage;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.kafka.CoverageReportSerializer;

/**
 * Encodes window coverage as {@link CoverageReport} records with the schemas module's
 * {@link CoverageReportSerializer} (Avro single-object encoding).
 */
public final class AvroReportEncoder implements ReportEncoder {
    private static final long serialVersionUID = 1L;

    private transient CoverageReportSerializer serializer;

    @Override
    public void open() {
        serializer = new CoverageReportSerializer();
    }

    @Override
    public byte[] encode(WindowedCoverage coverage, GeneratorConfig config) {
        return serializer.encode(toReport(coverage, config));
    }

    /** The report of one window of a run. */
    public static CoverageReport toReport(WindowedCoverage coverage, GeneratorConfig config) {
        CoverageTally tally = coverage.tally();
        CoverageReport report = CoverageReport.newBuilder()
                .setRunId(config.runId())
                .setWindowStart(Instant.ofEpochMilli(coverage.windowStartMillis()))
                .setWindowEnd(Instant.ofEpochMilli(coverage.windowEndMillis()))
                .setProposalKind(config.proposal() == ProposalKind.FLOW
                        ? org.enis.schemas.ProposalKind.FLOW
                        : org.enis.schemas.ProposalKind.UNIFORM)
                .setModel(AvroEventEncoder.modelIdentity(config))
                .setExactMode(config.exact())
                .setQuantile(config.quantile())
                .setThresholdWeight(tally.thresholdWeight())
                .setProposals(tally.proposals())
                .setAccepted(tally.accepted())
                .setZeroWeight(tally.zeroWeights())
                .setAboveThreshold(tally.aboveThreshold())
                .setInvalidWeights(tally.invalidWeights())
                .setSumWeight(tally.sumWeights())
                .setSumClippedWeight(tally.sumClippedWeights())
                .setSumWeightSquared(tally.sumSquaredWeights())
                .setSumClippedWeightSquared(tally.sumSquaredClippedWeights())
                .setMaximumWeight(tally.maximumWeight())
                .setAcceptance(0)
                .setCoverage(1)
                .setEffectiveSampleSizeRatio(0)
                .setIntegral(0)
                .setIntegralError(0)
                .build();
        ReportFigures.derive(report);
        return report;
    }
}
