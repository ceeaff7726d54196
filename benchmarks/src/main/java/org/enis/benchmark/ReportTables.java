package org.enis.benchmark;

import java.util.List;
import java.util.Locale;
import org.enis.benchmark.CycleTimes.Component;

/**
 * Text forms of the benchmark's tables: CSV for machines, Markdown with the paper's figures
 * beside the measured ones for people. Numbers use the root locale; a figure that does not
 * apply is empty in CSV and {@code n/a} in Markdown.
 */
public final class ReportTables {
    /** Header of the Table I CSV. */
    public static final String TABLE1_CSV_HEADER = "proposal,quantile,threshold_weight,"
            + "acceptance,cycles_eq11,cycles_run,seconds,seconds_per_cycle,time_basis,"
            + "accepted_events,observed_acceptance,coverage,ess_ratio";
    /** Header of the Table II CSV. */
    public static final String TABLE2_CSV_HEADER = "quantile,cost_factor,flow_cycles_eq11,"
            + "flow_cycles_run,flow_seconds,flow_time_basis,uniform_cycles_eq11,"
            + "uniform_cycles_run,uniform_seconds,uniform_time_basis,uniform_over_flow";
    private static final String NOT_APPLICABLE = "n/a";

    private ReportTables() {
    }

    /**
     * Table I as CSV, one line per proposal and quantile.
     *
     * @param rows measured rows
     * @return header and rows, each ending in a newline
     */
    public static String table1Csv(List<Table1Result> rows) {
        StringBuilder csv = new StringBuilder(TABLE1_CSV_HEADER).append('\n');
        for (Table1Result row : rows) {
            TimeToEvents time = row.time();
            csv.append(String.join(",", row.proposal(), quantile(row.quantile()),
                    csvNumber(row.thresholdWeight(), "%.9g"),
                    csvNumber(row.acceptance(), "%.6f"), csvCount(row.cyclesEq11()),
                    csvCount(time.basis() == TimeBasis.NOT_APPLICABLE ? -1 : time.cyclesRun()),
                    csvNumber(time.seconds(), "%.4f"), csvNumber(time.secondsPerCycle(), "%.6f"),
                    time.basis().label(), Long.toString(row.acceptedEvents()),
                    csvNumber(row.observedAcceptance(), "%.6f"),
                    csvNumber(row.coverage(), "%.6f"), csvNumber(row.essRatio(), "%.6f")))
                    .append('\n');
        }
        return csv.toString();
    }

    /**
     * Table II as CSV, one line per quantile and cost factor.
     *
     * @param rows measured rows
     * @return header and rows, each ending in a newline
     */
    public static String table2Csv(List<Table2Result> rows) {
        StringBuilder csv = new StringBuilder(TABLE2_CSV_HEADER).append('\n');
        for (Table2Result row : rows) {
            csv.append(String.join(",", quantile(row.quantile()),
                    Integer.toString(row.costFactor()), csvCount(row.flowCyclesEq11()),
                    csvCount(cyclesRun(row.flow())), csvNumber(row.flow().seconds(), "%.3f"),
                    row.flow().basis().label(), csvCount(row.uniformCyclesEq11()),
                    csvCount(cyclesRun(row.uniform())),
                    csvNumber(row.uniform().seconds(), "%.3f"), row.uniform().basis().label(),
                    csvNumber(row.ratio(), "%.4f"))).append('\n');
        }
        return csv.toString();
    }

    /**
     * Table I in Markdown, measured figures then the paper's for the same proposal and
     * quantile. Extrapolated times are in italics.
     *
     * @param rows measured rows
     * @return the table, each line ending in a newline
     */
    public static String table1Markdown(List<Table1Result> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| Quantile | Proposal | w_Q | p_accept | Cycles (Eq. 11) | Cycles run"
                + " | Time (s) | Coverage | NESS/N | paper p_accept | paper Cycles"
                + " | paper Time (s) | paper Coverage | paper NESS/N |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Table1Result row : rows) {
            PaperFigures.Table1Row paper = PaperFigures.table1(row.isFlow(), row.quantile());
            boolean usable = row.time().basis() != TimeBasis.NOT_APPLICABLE;
            md.append("| ").append(quantile(row.quantile()))
                    .append(" | ").append(row.proposal())
                    .append(" | ").append(usable ? number(row.thresholdWeight(), "%.4g")
                            : NOT_APPLICABLE)
                    .append(" | ").append(number(row.acceptance(), "%.4f"))
                    .append(" | ").append(count(row.cyclesEq11()))
                    .append(" | ").append(usable ? count(row.time().cyclesRun())
                            : NOT_APPLICABLE)
                    .append(" | ").append(time(row.time(), "%.3f"))
                    .append(" | ").append(number(row.coverage(), "%.4f"))
                    .append(" | ").append(number(row.essRatio(), "%.4f"));
            if (paper == null) {
                md.append(" | | | | | |\n");
            } else {
                md.append(String.format(Locale.ROOT, " | %.4f | %d | %.3f | %.4f | %.4f |%n",
                        paper.acceptance(), paper.cycles(), paper.seconds(), paper.coverage(),
                        paper.essRatio()));
            }
        }
        return md.toString();
    }

    /**
     * Table II in Markdown with the paper's figures beside. Extrapolated times are in italics.
     *
     * @param rows measured rows
     * @return the table, each line ending in a newline
     */
    public static String table2Markdown(List<Table2Result> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| Quantile | t_increase | t_flow (s) | t_uniform (s) | t_uniform / t_flow"
                + " | paper t_NSF (s) | paper t_Unif (s) | paper t_Unif / t_NSF |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Table2Result row : rows) {
            PaperFigures.Table2Row paper = PaperFigures.table2(row.quantile(), row.costFactor());
            md.append("| ").append(quantile(row.quantile()))
                    .append(" | ").append(row.costFactor())
                    .append(" | ").append(time(row.flow(), "%.2f"))
                    .append(" | ").append(time(row.uniform(), "%.2f"))
                    .append(" | ").append(number(row.ratio(), "%.2f"));
            if (paper == null) {
                md.append(" | | | |\n");
            } else {
                md.append(String.format(Locale.ROOT, " | %.2f | %.2f | %.2f |%n",
                        paper.flowSeconds(), paper.uniformSeconds(), paper.ratio()));
            }
        }
        return md.toString();
    }

    /**
     * Where the time of a cycle goes, per proposal (the paper's Appendix A figures).
     *
     * @param summaries the proposals
     * @param cycleSize proposals per cycle
     * @return the table, each line ending in a newline
     */
    public static String cycleCostMarkdown(List<ProposalSummary> summaries, int cycleSize) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| Proposal | proposals timed | draw + log q"
                + " (s / %,d) | density p (s / %,d) | weights (s / %,d) | accept, all"
                + " quantiles (s / %,d) | draw + log q (ns / proposal) | density (ns / point)"
                + " | draw / density |%n", cycleSize, cycleSize, cycleSize, cycleSize));
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ProposalSummary summary : summaries) {
            CycleTimes times = summary.table1Times();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s"
                    + " |%n", summary.proposal(), times.proposals(),
                    number(times.secondsPerCycle(Component.SAMPLE, cycleSize), "%.4g"),
                    number(times.secondsPerCycle(Component.DENSITY, cycleSize), "%.4g"),
                    number(times.secondsPerCycle(Component.WEIGHT, cycleSize), "%.4g"),
                    number(times.secondsPerCycle(Component.ACCEPT, cycleSize), "%.4g"),
                    number(times.nanosPerProposal(Component.SAMPLE), "%.1f"),
                    number(times.nanosPerProposal(Component.DENSITY), "%.1f"),
                    number(Goals.costRatio(times), "%.1f")));
        }
        md.append(String.format(Locale.ROOT, "| paper (GPU flow) | | flow %.2f, uniform %.5f"
                + " | %.4f | | | | | flow %.0f |%n", PaperFigures.FLOW_SECONDS_PER_CYCLE,
                PaperFigures.UNIFORM_SECONDS_PER_CYCLE, PaperFigures.DENSITY_SECONDS_PER_CYCLE,
                PaperFigures.FLOW_SECONDS_PER_CYCLE / PaperFigures.DENSITY_SECONDS_PER_CYCLE));
        return md.toString();
    }

    /**
     * The weight figures of section IV.B per proposal, with the paper's.
     *
     * @param summaries the proposals
     * @return the table, each line ending in a newline
     */
    public static String weightsMarkdown(List<ProposalSummary> summaries) {
        StringBuilder md = new StringBuilder();
        md.append("| Proposal | calibration proposals | zero weights | log10(w / <w>), w > 0"
                + " | integral of p, mean(w) | paper zero weights | paper log10 w |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ProposalSummary summary : summaries) {
            boolean flow = summary.proposal().equals(BenchmarkReport.FLOW);
            double[] paperLog = flow ? PaperFigures.FLOW_LOG10_WEIGHT
                    : PaperFigures.UNIFORM_LOG10_WEIGHT;
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f %% | %.3f +- %.3f"
                    + " | %.5g +- %.2g | %.2f %% | %.3f +- %.3f |%n", summary.proposal(),
                    summary.calibrationProposals(), 100 * summary.zeroFraction(),
                    summary.weights().meanLog10(), summary.weights().stdLog10(),
                    summary.integral(), summary.integralError(),
                    100 * (flow ? PaperFigures.FLOW_ZERO_FRACTION
                            : PaperFigures.UNIFORM_ZERO_FRACTION), paperLog[0], paperLog[1]));
        }
        return md.toString();
    }

    private static long cyclesRun(TimeToEvents time) {
        return time.basis() == TimeBasis.NOT_APPLICABLE ? -1 : time.cyclesRun();
    }

    private static String quantile(double q) {
        return String.format(Locale.ROOT, "%.5f", q);
    }

    private static String time(TimeToEvents time, String format) {
        if (time.basis() == TimeBasis.NOT_APPLICABLE || Double.isNaN(time.seconds())) {
            return NOT_APPLICABLE;
        }
        String text = String.format(Locale.ROOT, format, time.seconds());
        return time.basis() == TimeBasis.EXTRAPOLATED ? "*" + text + "*" : text;
    }

    private static String number(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value)
                : NOT_APPLICABLE;
    }

    private static String count(long value) {
        return value < 0 ? NOT_APPLICABLE : Long.toString(value);
    }

    private static String csvNumber(double value, String format) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "";
    }

    private static String csvCount(long value) {
        return value < 0 ? "" : Long.toString(value);
    }
}
