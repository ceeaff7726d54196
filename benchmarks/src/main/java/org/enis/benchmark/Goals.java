package org.enis.benchmark;

import java.util.List;
import java.util.Optional;
import org.enis.benchmark.CycleTimes.Component;

/**
 * The goals for the figures, evaluated on measured results (reported, never tuned to):
 * at equal coverage of at least {@value #MIN_COVERAGE}, the flow reaches the Table I events at
 * least {@value #SPEED_UP_GOAL} times faster than the uniform proposal; and the flow's cost per
 * proposal (drawing with log q) is at most {@value #COST_RATIO_GOAL} times the density's.
 */
public final class Goals {
    /** Coverage both proposals must keep for the speed comparison. */
    public static final double MIN_COVERAGE = 0.99;
    /** Goal for {@code t_uniform / t_flow} at that coverage. */
    public static final double SPEED_UP_GOAL = 30;
    /** Goal for the flow's cost per proposal over the density's per point. */
    public static final double COST_RATIO_GOAL = 10;

    private Goals() {
    }

    /**
     * The fastest usable row of a proposal whose coverage is at least {@code minCoverage}.
     *
     * @param rows Table I rows
     * @param proposal {@code flow} or {@code uniform}
     * @param minCoverage least coverage
     * @return the row, empty when none qualifies
     */
    public static Optional<Table1Result> fastestWithCoverage(List<Table1Result> rows,
            String proposal, double minCoverage) {
        Table1Result best = null;
        for (Table1Result row : rows) {
            if (row.proposal().equals(proposal) && row.time().basis() != TimeBasis.NOT_APPLICABLE
                    && row.coverage() >= minCoverage
                    && (best == null || row.time().seconds() < best.time().seconds())) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@code t_uniform / t_flow} of the fastest rows with coverage at least
     * {@value #MIN_COVERAGE}.
     *
     * @param rows Table I rows of both proposals
     * @return the speed-up; NaN when a proposal has no such row
     */
    public static double speedUpAtEqualCoverage(List<Table1Result> rows) {
        Optional<Table1Result> flow = fastestWithCoverage(rows, BenchmarkReport.FLOW,
                MIN_COVERAGE);
        Optional<Table1Result> uniform = fastestWithCoverage(rows, BenchmarkReport.UNIFORM,
                MIN_COVERAGE);
        if (flow.isEmpty() || uniform.isEmpty()) {
            return Double.NaN;
        }
        return uniform.get().time().seconds() / flow.get().time().seconds();
    }

    /**
     * A proposal's cost per proposal (drawing with log q) over the density's cost per point,
     * both on that proposal's own points; for the flow, the figure of the cost goal.
     *
     * @param times cycle times of the proposal at density cost factor 1
     * @return the ratio; NaN when nothing was timed
     */
    public static double costRatio(CycleTimes times) {
        return times.nanosPerProposal(Component.SAMPLE)
                / times.nanosPerProposal(Component.DENSITY);
    }
}
