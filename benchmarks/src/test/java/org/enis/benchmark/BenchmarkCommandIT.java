package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.enis.flow.FlowArchitecture;
import org.enis.flow.FlowConfig;
import org.enis.physics.CcqeParameters;
import org.enis.physics.Flux;
import org.enis.training.CcqeProposalTraining;
import org.enis.training.TrainingConfig;
import org.enis.training.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The benchmark commands end to end on tiny sizes, with a small flow trained and exported here
 * through the model-training API (a real SavedModel, a few seconds of training).
 */
class BenchmarkCommandIT {
    @TempDir
    static Path directory;
    private static Path model;

    @BeforeAll
    static void trainSmallModel() throws IOException {
        model = directory.resolve("model");
        CcqeParameters parameters = CcqeParameters.defaults();
        FlowConfig flow = new FlowConfig(FlowArchitecture.COUPLING, 4, 2, 1, 8, 4, 5, 3, 3);
        TrainingConfig training = new TrainingConfig(30, 0.5, 500, 100, 0.05, 3e-3, 3, 15,
                500, 30);
        new CcqeProposalTraining(new CcqeProposalTraining.Request(parameters,
                Flux.flatOver(parameters), flow, training, "smoke-ccqe", "0.0.1", model,
                directory.resolve("checkpoints"), false, false, 2000, 5L, "train (test)"))
                .run(TrainingListener.NONE);
    }

    private static int execute(StringWriter out, String... args) {
        CommandLine commandLine = BenchmarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void tablesWritesBothTablesAndThePlots() throws IOException {
        Path output = directory.resolve("tables");
        StringWriter out = new StringWriter();
        int exit = execute(out, "tables", "--model", model.toString(), "--output",
                output.toString(), "--calibration-size", "20000", "--cycle-size", "2000",
                "--events", "300", "--table1-max-seconds", "4", "--table2-events", "500",
                "--cost-factors", "1,3", "--table2-max-seconds", "1", "--coverage-bins", "8");

        assertThat(exit).as(out.toString()).isZero();
        List<String> table1 = Files.readAllLines(output.resolve(ReportWriter.TABLE1_CSV));
        assertThat(table1).hasSize(1 + 2 * 7);
        assertThat(table1.get(0)).isEqualTo(ReportTables.TABLE1_CSV_HEADER);
        assertThat(table1.get(1)).startsWith("flow,1.00000,");
        assertThat(table1.get(2)).startsWith("uniform,1.00000,");
        for (String line : table1.subList(1, table1.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).hasSize(13);
            String basis = fields[8];
            assertThat(basis).isIn("measured", "extrapolated", "not applicable");
            if (basis.equals("measured")) {
                // a measured row ran to its events
                assertThat(Long.parseLong(fields[9])).isEqualTo(300);
            }
            if (!basis.equals("not applicable")) {
                assertThat(Double.parseDouble(fields[6])).isPositive();
                assertThat(Double.parseDouble(fields[11])).isBetween(0.0, 1.0);
            }
        }
        List<String> table2 = Files.readAllLines(output.resolve(ReportWriter.TABLE2_CSV));
        assertThat(table2).hasSize(1 + 3 * 2);
        assertThat(table2.get(1)).startsWith("1.00000,1,");
        assertThat(table2.get(2)).startsWith("1.00000,3,");

        String markdown = Files.readString(output.resolve(ReportWriter.MARKDOWN));
        assertThat(markdown).contains("## Table I", "## Table II", "## Goals",
                "smoke-ccqe 0.0.1", "--calibration-size 20000");
        assertThat(out.toString()).contains("== flow: calibration sample of 20,000 proposals");
        for (String png : List.of(Plots.WEIGHTS, "fig6-coverage-flow.png",
                "fig6-coverage-uniform.png", Plots.COVERAGE_CELLS)) {
            BufferedImage image = ImageIO.read(output.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isGreaterThan(1000);
        }
    }

    @Test
    void badOptionsAndAMissingModelExitWithCode2() {
        StringWriter out = new StringWriter();
        assertThat(execute(out, "tables", "--model", model.toString(), "--cycle-size", "5"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("cycle size must be in [100, ");
        StringWriter missing = new StringWriter();
        assertThat(execute(missing, "tables", "--model",
                directory.resolve("no-such-model").toString(), "--output",
                directory.resolve("unused").toString())).isEqualTo(2);
        assertThat(missing.toString()).contains("no-such-model");
        StringWriter none = new StringWriter();
        assertThat(execute(none)).isEqualTo(2);
        assertThat(none.toString()).contains("give a subcommand");
    }

    @Test
    void jmhRunsTheRejectionStepInThisJvm() throws IOException {
        Path output = directory.resolve("jmh");
        StringWriter out = new StringWriter();
        int exit = execute(out, "jmh", "--model", model.toString(), "--output",
                output.toString(), "--include", "RejectionStepBenchmark.acceptStep", "--forks",
                "0", "--warmup-iterations", "0", "--iterations", "1", "--iteration-seconds",
                "1");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("| RejectionStepBenchmark.acceptStep | proposal=flow,"
                + " quantile=0.99 |", "proposal=uniform");
        List<String> csv = Files.readAllLines(output.resolve("jmh-results.csv"));
        assertThat(csv).hasSize(3);
    }

    @Test
    void theAnnotationProcessorListedEveryMicrobenchmark() throws IOException {
        try (var list = BenchmarkCommandIT.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).isNotNull();
            String text = new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("org.enis.benchmark.jmh.DensityBenchmark",
                    "org.enis.benchmark.jmh.FlowSamplingBenchmark",
                    "org.enis.benchmark.jmh.RejectionStepBenchmark", "sampleWithLogQ",
                    "acceptStep");
        }
    }
}
