package org.enis.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.enis.benchmark.jmh.BenchmarkFixtures;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark jmh}: the JMH microbenchmarks of package {@code org.enis.benchmark.jmh}:
 * the density per point, the flow per point by chunk size, and the rejection step. Results go
 * to a CSV and a JSON file; a summary of the per-point figures is printed.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Runs the JMH microbenchmarks (ns per point): DensityBenchmark,"
                + " FlowSamplingBenchmark (by chunk size), RejectionStepBenchmark.")
final class JmhCommand implements Callable<Integer> {
    /** Package of the benchmarks. */
    private static final String PACKAGE = "org.enis.benchmark.jmh.";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "DIR",
            defaultValue = "${sys:enis.home:-.}/models/ccqe-numubar-c12",
            description = "Flow model directory (default: ${DEFAULT-VALUE}).")
    private Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            defaultValue = "${sys:enis.home:-.}/run/benchmark",
            description = "Directory of jmh-results.csv and .json (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--include", paramLabel = "REGEX", defaultValue = ".*",
            description = "Benchmarks to run, a regular expression on the name after the"
                    + " package (default: ${DEFAULT-VALUE}).")
    private String include;

    @Option(names = "--chunks", paramLabel = "N", split = ",",
            description = "Chunk sizes of FlowSamplingBenchmark, each dividing 262144"
                    + " (default: 1024,4096,16384,65536,262144).")
    private int[] chunks;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1",
            description = "JVM forks per benchmark (default: ${DEFAULT-VALUE}).")
    private int forks;

    @Option(names = "--warmup-iterations", paramLabel = "N",
            description = "Warm-up iterations (default: as annotated, 2).")
    private Integer warmupIterations;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measurement iterations (default: as annotated, 3).")
    private Integer iterations;

    @Option(names = "--iteration-seconds", paramLabel = "S",
            description = "Seconds per iteration (default: as annotated, 2 or 3).")
    private Integer iterationSeconds;

    @Override
    public Integer call() throws IOException, RunnerException {
        Path modelDirectory = model.toAbsolutePath().normalize();
        if (!Files.isDirectory(modelDirectory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "model directory "
                    + modelDirectory + " does not exist: train one or give --model DIR");
        }
        checkRange("--forks", forks, 0, 10);
        checkOptional("--warmup-iterations", warmupIterations, 0);
        checkOptional("--iterations", iterations, 1);
        checkOptional("--iteration-seconds", iterationSeconds, 1);
        if (chunks != null) {
            for (int chunk : chunks) {
                if (chunk < 1 || 262_144 % chunk != 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--chunks: each must divide 262144, got " + chunk);
                }
            }
        }
        Path directory = output.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        if (forks == 0) {
            // Without a fork the benchmarks run in this JVM and read the property here.
            System.setProperty(BenchmarkFixtures.MODEL_PROPERTY, modelDirectory.toString());
        }

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PACKAGE + include)
                .forks(forks)
                .jvmArgsAppend("-D" + BenchmarkFixtures.MODEL_PROPERTY + "=" + modelDirectory,
                        "-Djava.awt.headless=true", "-Xmx2g")
                .result(directory.resolve("jmh-results.csv").toString())
                .resultFormat(ResultFormatType.CSV);
        if (chunks != null) {
            String[] values = new String[chunks.length];
            for (int i = 0; i < chunks.length; i++) {
                values[i] = Integer.toString(chunks[i]);
            }
            options.param("chunk", values);
        }
        if (warmupIterations != null) {
            options.warmupIterations(warmupIterations);
        }
        if (iterations != null) {
            options.measurementIterations(iterations);
        }
        if (iterationSeconds != null) {
            options.warmupTime(TimeValue.seconds(iterationSeconds))
                    .measurementTime(TimeValue.seconds(iterationSeconds));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.print(summary(results));
        out.println("Results: " + directory.resolve("jmh-results.csv"));
        out.flush();
        return 0;
    }

    /** A Markdown table of the per-point figures, with their error. */
    static String summary(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add("| benchmark | parameters | ns per point | error (99.9 %) |");
        lines.add("|---|---|---:|---:|");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<String> params = new ArrayList<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.add(key + "=" + result.getParams().getParam(key));
            }
            lines.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f |", name,
                    String.join(", ", params), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()));
        }
        return String.join("\n", lines) + "\n";
    }

    private void checkRange(String name, int value, int low, int high) {
        if (value < low || value > high) {
            throw new CommandLine.ParameterException(spec.commandLine(), name + " must be in ["
                    + low + ", " + high + "], got " + value);
        }
    }

    private void checkOptional(String name, Integer value, int low) {
        if (value != null && value < low) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    name + " must be >= " + low + ", got " + value);
        }
    }
}
