package org.enis.pipeline.avro;

import java.time.Instant;
import org.enis.schemas.CoverageReport;

/**
 * The derived fields of a {@link CoverageReport} from its counts and sums, by the formulas of
 * the schema's doc strings; a window without any positive weight takes their limits (coverage
 * 1, acceptance, ESS ratio, integral and its error 0).
 */
public final class ReportFigures {

    private ReportFigures() {
    }

    /** Sets acceptance, coverage, ESS ratio, integral and its error from counts and sums. */
    public static void derive(CoverageReport report) {
        long n = report.getProposals() - report.getInvalidWeights();
        double wQ = report.getThresholdWeight();
        double sumW = report.getSumWeight();
        double sumClipped = report.getSumClippedWeight();
        double sumClipped2 = report.getSumClippedWeightSquared();
        if (n <= 0 || !(sumW > 0)) {
            report.setAcceptance(0.0);
            report.setCoverage(1.0);
            report.setEffectiveSampleSizeRatio(0.0);
            report.setIntegral(0.0);
            report.setIntegralError(0.0);
            return;
        }
        double mean = sumW / n;
        report.setAcceptance(sumClipped / (n * wQ));
        report.setCoverage(sumClipped / sumW);
        report.setEffectiveSampleSizeRatio(sumClipped * sumClipped / (n * sumClipped2));
        report.setIntegral(mean);
        report.setIntegralError(Math.sqrt(Math.max(0.0,
                report.getSumWeightSquared() / n - mean * mean) / n));
    }

    /**
     * Adds the counts and sums of {@code other} (same run and threshold) into {@code total}
     * and recomputes the derived fields; the window becomes the union of both.
     *
     * @throws IllegalArgumentException when the runs or threshold weights differ
     */
    public static void merge(CoverageReport total, CoverageReport other) {
        if (!total.getRunId().equals(other.getRunId())
                || Double.compare(total.getThresholdWeight(), other.getThresholdWeight()) != 0) {
            throw new IllegalArgumentException("cannot merge reports of run " + total.getRunId()
                    + " at w_Q " + total.getThresholdWeight() + " with run " + other.getRunId()
                    + " at w_Q " + other.getThresholdWeight());
        }
        total.setWindowStart(min(total.getWindowStart(), other.getWindowStart()));
        total.setWindowEnd(max(total.getWindowEnd(), other.getWindowEnd()));
        total.setProposals(total.getProposals() + other.getProposals());
        total.setAccepted(total.getAccepted() + other.getAccepted());
        total.setZeroWeight(total.getZeroWeight() + other.getZeroWeight());
        total.setAboveThreshold(total.getAboveThreshold() + other.getAboveThreshold());
        total.setInvalidWeights(total.getInvalidWeights() + other.getInvalidWeights());
        total.setSumWeight(total.getSumWeight() + other.getSumWeight());
        total.setSumClippedWeight(total.getSumClippedWeight() + other.getSumClippedWeight());
        total.setSumWeightSquared(total.getSumWeightSquared() + other.getSumWeightSquared());
        total.setSumClippedWeightSquared(total.getSumClippedWeightSquared()
                + other.getSumClippedWeightSquared());
        total.setMaximumWeight(Math.max(total.getMaximumWeight(), other.getMaximumWeight()));
        derive(total);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
