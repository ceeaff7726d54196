package org.enis.benchmark;

import java.util.List;
import org.enis.physics.PhaseSpaceBox;

/**
 * Everything one run of the paper-tables benchmark measured.
 *
 * @param settings what was run
 * @param modelDescription the flow model: name, version, architecture, parameters
 * @param densityDescription the target density: CCQE parameters and flux
 * @param proposals per proposal: weights, timings (flow first)
 * @param table1 Table I rows, per quantile the flow then the uniform proposal
 * @param table2 Table II rows, per quantile the cost factors in order
 * @param coverage the coverage maps of each proposal (flow first); empty when the coverage
 *     quantile has no usable threshold
 * @param machine the machine
 * @param commandLine the command that produced the run
 * @param wallSeconds wall-clock time of the whole run
 */
public record BenchmarkReport(BenchmarkSettings settings, String modelDescription,
        String densityDescription, List<ProposalSummary> proposals, List<Table1Result> table1,
        List<Table2Result> table2, List<ProposalCoverage> coverage, MachineInfo machine,
        String commandLine, double wallSeconds) {

    /** Name of the flow proposal in tables. */
    public static final String FLOW = "flow";
    /** Name of the uniform proposal in tables. */
    public static final String UNIFORM = "uniform";

    /**
     * The coverage maps of one proposal at the coverage quantile.
     *
     * @param proposal {@code flow} or {@code uniform}
     * @param box the box the bins cover
     * @param thresholdWeight {@code w_Q} of the coverage quantile
     * @param coverage the proposal's total coverage at it
     * @param pairs Fig. 6 maps
     * @param cells Fig. 7 four-dimensional bins
     */
    public record ProposalCoverage(String proposal, PhaseSpaceBox box, double thresholdWeight,
            double coverage,
            List<CoverageMaps.PairMap> pairs, List<CoverageMaps.Cell> cells) {
    }
}
