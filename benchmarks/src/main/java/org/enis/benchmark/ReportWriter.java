package org.enis.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a benchmark report into its output directory: {@value #TABLE1_CSV},
 * {@value #TABLE2_CSV}, {@value #MARKDOWN} (both tables with the paper's figures, the weights,
 * the cost of a cycle, the goals, the machine and the command) and the PNG plots of
 * {@link Plots}.
 */
public final class ReportWriter {
    /** Table I as CSV. */
    public static final String TABLE1_CSV = "table1.csv";
    /** Table II as CSV. */
    public static final String TABLE2_CSV = "table2.csv";
    /** The whole report in Markdown. */
    public static final String MARKDOWN = "results.md";

    /** Explains how times were obtained, under both tables. */
    private static final String TIME_NOTE = "Times in italics are extrapolated: the run reached"
            + " its time cap first, and the time is the mean measured time per cycle times the"
            + " cycles of Eq. (11). Other times are measured: every cycle up to the last event"
            + " was run (draw with log q, density, weights, accept step) and timed.";

    private ReportWriter() {
    }

    /**
     * Writes every file.
     *
     * @param report what was measured
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(BenchmarkReport report) throws IOException {
        Path directory = report.settings().outputDirectory();
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        files.add(writeText(directory.resolve(TABLE1_CSV),
                ReportTables.table1Csv(report.table1())));
        files.add(writeText(directory.resolve(TABLE2_CSV),
                ReportTables.table2Csv(report.table2())));
        files.add(writeText(directory.resolve(MARKDOWN), markdown(report)));

        Path weights = directory.resolve(Plots.WEIGHTS);
        Plots.weightDistributions(report.proposals(), weights);
        files.add(weights);
        double quantile = report.settings().coverageQuantile();
        for (BenchmarkReport.ProposalCoverage coverage : report.coverage()) {
            Path pairs = directory.resolve(String.format(Locale.ROOT, Plots.COVERAGE_PAIRS,
                    coverage.proposal()));
            Plots.coveragePairs(coverage, quantile, pairs);
            files.add(pairs);
        }
        if (!report.coverage().isEmpty()) {
            Path cells = directory.resolve(Plots.COVERAGE_CELLS);
            Plots.coverageCells(report.coverage(), quantile, cells);
            files.add(cells);
        }
        return files;
    }

    /**
     * The whole report in Markdown.
     *
     * @param report what was measured
     * @return the document
     */
    public static String markdown(BenchmarkReport report) {
        BenchmarkSettings s = report.settings();
        StringBuilder md = new StringBuilder();
        md.append("# ENIS benchmark: the paper's Tables I and II\n\n");
        md.append("- Command: `").append(report.commandLine()).append("`\n");
        md.append("- Machine: ").append(report.machine().describe()).append('\n');
        md.append("- Flow model: ").append(report.modelDescription()).append('\n');
        md.append("- Target density: `").append(report.densityDescription()).append("`\n");
        md.append(String.format(Locale.ROOT, "- Sizes: thresholds from %,d weights per proposal;"
                + " cycles of %,d proposals; Table I %,d events (time cap %.0f s per proposal);"
                + " Table II %,d events (time cap %.0f s per proposal and cost factor); seed"
                + " %d%n", s.calibrationSize(), s.cycleSize(), s.table1Events(),
                s.table1MaxSeconds(), s.table2Events(), s.table2MaxSeconds(), s.seed()));
        md.append(String.format(Locale.ROOT, "- Wall time of the run: %.0f s%n%n",
                report.wallSeconds()));

        md.append(String.format(Locale.ROOT, "## Table I: %,d accepted events%n%n",
                s.table1Events()));
        md.append(ReportTables.table1Markdown(report.table1())).append('\n');
        md.append(TIME_NOTE).append("\n\n");

        md.append("## Weights (Fig. 5)\n\n");
        md.append(ReportTables.weightsMarkdown(report.proposals())).append('\n');

        md.append(String.format(Locale.ROOT, "## Cost of a cycle (Appendix A)%n%n"));
        md.append(ReportTables.cycleCostMarkdown(report.proposals(), s.cycleSize()))
                .append('\n');
        md.append("Measured over the Table I run's cycles, density cost factor 1; the accept"
                + " column holds the accept steps of all Table I quantiles.\n\n");

        md.append(String.format(Locale.ROOT, "## Table II: %,d accepted events, density cost"
                + " x%s%n%n", s.table2Events(), Arrays.toString(s.costFactors())));
        md.append(ReportTables.table2Markdown(report.table2())).append('\n');
        md.append(TIME_NOTE).append("\n\n");

        md.append("## Goals\n\n").append(goals(report)).append('\n');

        md.append("## Plots\n\n");
        md.append("- Fig. 5, log10 weight distributions: `").append(Plots.WEIGHTS)
                .append("`\n");
        for (BenchmarkReport.ProposalCoverage coverage : report.coverage()) {
            md.append(String.format(Locale.ROOT, "- Fig. 6, coverage per two-dimensional bin,"
                    + " %s, quantile %s: `%s`%n", coverage.proposal(), s.coverageQuantile(),
                    String.format(Locale.ROOT, Plots.COVERAGE_PAIRS, coverage.proposal())));
        }
        if (!report.coverage().isEmpty()) {
            md.append("- Fig. 7, four-dimensional bins by weight share and coverage: `")
                    .append(Plots.COVERAGE_CELLS).append("`\n");
        }
        return md.toString();
    }

    /**
     * The goals of the issue, evaluated.
     *
     * @param report what was measured
     * @return one bullet per goal
     */
    static String goals(BenchmarkReport report) {
        StringBuilder md = new StringBuilder();
        Optional<Table1Result> flow = Goals.fastestWithCoverage(report.table1(),
                BenchmarkReport.FLOW, Goals.MIN_COVERAGE);
        Optional<Table1Result> uniform = Goals.fastestWithCoverage(report.table1(),
                BenchmarkReport.UNIFORM, Goals.MIN_COVERAGE);
        double speedUp = Goals.speedUpAtEqualCoverage(report.table1());
        if (flow.isPresent() && uniform.isPresent()) {
            md.append(String.format(Locale.ROOT, "- Speed at equal coverage >= %.2f: the flow's"
                    + " fastest such row is Q = %s (%s s, coverage %.4f), the uniform's is Q ="
                    + " %s (%s s, coverage %.4f): t_uniform / t_flow = %.2f; goal >= %.0f: %s"
                    + " (paper: %.1f).%n", Goals.MIN_COVERAGE, flow.get().quantile(),
                    seconds(flow.get().time()), flow.get().coverage(), uniform.get().quantile(),
                    seconds(uniform.get().time()), uniform.get().coverage(), speedUp,
                    Goals.SPEED_UP_GOAL, speedUp >= Goals.SPEED_UP_GOAL ? "met" : "NOT met",
                    PaperFigures.TABLE1_UNIFORM.get(0).seconds()
                            / PaperFigures.TABLE1_FLOW.get(6).seconds()));
        } else {
            md.append(String.format(Locale.ROOT, "- Speed at equal coverage >= %.2f: not"
                    + " measurable, %s has no row with that coverage.%n", Goals.MIN_COVERAGE,
                    flow.isEmpty() ? "the flow" : "the uniform proposal"));
        }
        for (ProposalSummary summary : report.proposals()) {
            if (summary.proposal().equals(BenchmarkReport.FLOW)) {
                double ratio = Goals.costRatio(summary.table1Times());
                md.append(String.format(Locale.ROOT, "- Flow cost per proposal (draw with log"
                        + " q) over the density's cost per point: %.1f; goal <= %.0f: %s"
                        + " (paper: %.0f).%n", ratio, Goals.COST_RATIO_GOAL,
                        ratio <= Goals.COST_RATIO_GOAL ? "met" : "NOT met",
                        PaperFigures.FLOW_SECONDS_PER_CYCLE
                                / PaperFigures.DENSITY_SECONDS_PER_CYCLE));
            }
        }
        return md.toString();
    }

    private static String seconds(TimeToEvents time) {
        String text = String.format(Locale.ROOT, "%.3f", time.seconds());
        return time.basis() == TimeBasis.EXTRAPOLATED ? text + " (extrapolated)" : text;
    }

    private static Path writeText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
