package org.enis.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark tables}: the paper's Tables I and II for the flow and the uniform proposal
 * in one JVM, with CSV, Markdown and PNG plots. See {@link PaperTablesBenchmark}.
 */
@Command(name = "tables", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Reproduces Tables I and II of the ENIS paper for the trained flow and the uniform"
                    + " proposal on the same CCQE target density (the model's physics), and"
                    + " writes table1.csv, table2.csv, results.md and the Fig. 5-7 plots.",
            "Defaults are the paper's sizes. A run stopped by its time cap reports an"
                    + " extrapolated time (mean measured time per cycle x cycles of Eq. 11),"
                    + " marked as such."})
final class TablesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "DIR",
            defaultValue = "${sys:enis.home:-.}/models/ccqe-numubar-c12",
            description = "Flow model directory (default: ${DEFAULT-VALUE}).")
    private Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            defaultValue = "${sys:enis.home:-.}/run/benchmark",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--calibration-size", paramLabel = "N", defaultValue = "10000000",
            description = "Proposals per proposal density the thresholds, acceptance, coverage"
                    + " and NESS/N come from (default: ${DEFAULT-VALUE}, the paper's).")
    private int calibrationSize;

    @Option(names = "--cycle-size", paramLabel = "N", defaultValue = "300000",
            description = "Proposals per rejection cycle (default: ${DEFAULT-VALUE}).")
    private int cycleSize;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "Accepted events of Table I (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(names = "--quantiles", paramLabel = "Q", split = ",",
            defaultValue = "1,0.99999,0.9999,0.999,0.99,0.985,0.981",
            description = "Quantiles of Table I (default: ${DEFAULT-VALUE}).")
    private double[] quantiles;

    @Option(names = "--table1-max-seconds", paramLabel = "S", defaultValue = "180",
            description = "Time cap of the Table I run of one proposal (default:"
                    + " ${DEFAULT-VALUE}).")
    private double table1MaxSeconds;

    @Option(names = "--table2-events", paramLabel = "N", defaultValue = "10000000",
            description = "Accepted events of Table II (default: ${DEFAULT-VALUE}).")
    private long table2Events;

    @Option(names = "--table2-quantiles", paramLabel = "Q", split = ",",
            defaultValue = "1,0.9999,0.999",
            description = "Quantiles of Table II (default: ${DEFAULT-VALUE}, the paper's).")
    private double[] table2Quantiles;

    @Option(names = "--cost-factors", paramLabel = "F", split = ",",
            defaultValue = "1,10,100,1000",
            description = "Density cost factors of Table II, repeats of its evaluation"
                    + " (default: ${DEFAULT-VALUE}).")
    private int[] costFactors;

    @Option(names = "--table2-max-seconds", paramLabel = "S", defaultValue = "30",
            description = "Time cap of one Table II run, one proposal at one cost factor"
                    + " (default: ${DEFAULT-VALUE}).")
    private double table2MaxSeconds;

    @Option(names = "--coverage-quantile", paramLabel = "Q", defaultValue = "0.999",
            description = "Quantile of the coverage maps, Figs. 6 and 7 (default:"
                    + " ${DEFAULT-VALUE}).")
    private double coverageQuantile;

    @Option(names = "--coverage-bins", paramLabel = "N", defaultValue = "40",
            description = "Bins per variable of the Fig. 6 maps, even; Fig. 7 uses half"
                    + " (default: ${DEFAULT-VALUE}).")
    private int coverageBins;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        BenchmarkSettings settings;
        try {
            settings = new BenchmarkSettings(model.toAbsolutePath().normalize(),
                    output.toAbsolutePath().normalize(), calibrationSize, cycleSize, events,
                    quantiles, table1MaxSeconds, table2Events, table2Quantiles, costFactors,
                    table2MaxSeconds, coverageQuantile, coverageBins, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (double q : quantiles) {
            if (q < 1 && calibrationSize * (1 - q) < 1 - 1e-9) {
                out.printf(Locale.ROOT, "Note: %,d calibration weights leave fewer than one"
                        + " weight above quantile %s; its threshold is the largest weight.%n",
                        calibrationSize, q);
            }
        }
        PaperTablesBenchmark benchmark = new PaperTablesBenchmark(settings, line -> {
            out.println("== " + line);
            out.flush();
        });
        BenchmarkReport report;
        try {
            report = benchmark.run(commandLine());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        List<Path> files = ReportWriter.write(report);
        out.println();
        out.print(ReportWriter.markdown(report));
        out.println();
        out.println("Files:");
        for (Path file : files) {
            out.println("  " + file);
        }
        out.flush();
        return 0;
    }

    /** The command as given, for the report (picocli keeps the subcommand's name in it). */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "bin/benchmark " + String.join(" ", args);
    }
}
