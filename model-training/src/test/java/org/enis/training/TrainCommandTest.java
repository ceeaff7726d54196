package org.enis.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enis.flow.ModelManifest;
import org.enis.physics.Flavour;
import org.enis.physics.Nucleus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Option validation of the train command; none of these cases starts TensorFlow. */
class TrainCommandTest {

    @TempDir
    Path temporary;

    private record Outcome(int exitCode, String out, String err) {
    }

    private Outcome run(String... args) {
        CommandLine commandLine = TrainCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    private String[] withDirectories(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--output";
        all[1] = temporary.resolve("model").toString();
        all[2] = "--checkpoint-dir";
        all[3] = temporary.resolve("checkpoint").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    @Test
    void helpListsEveryOptionGroup() {
        Outcome outcome = run("--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("--steps", "--learning-rate", "--architecture",
                "--resume", "--calibration-size", "--flavour", "--warmup-fraction", "--alpha",
                "default: 5e-4", "Exit codes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--steps|0|--steps must be in [1, 100000000], got 0",
        "--alpha|1.5|--alpha must be in (0, 1), got 1.5",
        "--learning-rate|-0.1|--learning-rate must be in (0, 1], got -0.1",
        "--warmup-fraction|1|--warmup-fraction must be in [0, 1), got 1.0",
        "--batch-size|1|--batch-size must be in [2, 1000000], got 1",
        "--bins|1|--bins must be in [2, 4096], got 1",
        "--tail-bound|-1|--tail-bound must be finite and > 0, got -1.0",
        "--domain-half-width|9|--domain-half-width must be in (0, tailBound = 5.0], got 9.0",
        "--calibration-size|10|--calibration-size must be >= 1000, got 10",
        "--flavour|tau|--flavour must be nu or nubar (MUON_NEUTRINO, MUON_ANTINEUTRINO, 14, "
                + "-14), got 'tau'",
        "--nucleus|lead|--nucleus must be carbon, oxygen or argon (CARBON_12, OXYGEN_16, "
                + "ARGON_40), got 'lead'",
        "--architecture|transformer|Invalid value for option '--architecture'",
        "--steps|many|Invalid value for option '--steps'",
        "--axial-mass|-1|--axial-mass"
    })
    void badOptionsAreRejectedWithTheirRange(String option, String value, String message) {
        Outcome outcome = run(withDirectories(option, value));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains(message).contains("Try 'train --help'");
    }

    @Test
    void unwritableOutputDirectoryIsReportedBeforeTraining() throws IOException {
        Path file = Files.writeString(temporary.resolve("a-file"), "not a directory");
        Outcome outcome = run("--output", file.resolve("model").toString(),
                "--checkpoint-dir", temporary.resolve("checkpoint").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("cannot write to the output directory "
                + file.resolve("model"));
    }

    @Test
    void existingModelNeedsOverwriteAndResumeNeedsACheckpoint() throws IOException {
        Path model = Files.createDirectories(temporary.resolve("model"));
        Files.writeString(model.resolve(ModelManifest.FILE_NAME), "{}");
        Outcome existing = run(withDirectories());
        assertThat(existing.exitCode()).isEqualTo(2);
        assertThat(existing.err()).contains("already holds a model (manifest.json); use "
                + "--overwrite");

        Outcome resume = run(withDirectories("--overwrite", "--resume"));
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).contains("cannot resume: no checkpoint in");
    }

    @Test
    void missingFluxFileIsReported() {
        Outcome outcome = run(withDirectories("--flux",
                temporary.resolve("missing.csv").toString()));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("cannot read the flux file");
    }

    @Test
    void modelNamesFollowFlavourAndNucleus() {
        assertThat(TrainCommand.defaultModelName(org.enis.physics.CcqeParameters.defaults()))
                .isEqualTo("ccqe-numubar-c12");
        assertThat(TrainCommand.defaultModelName(org.enis.physics.CcqeParameters.builder()
                .flavour(Flavour.parse("nu"))
                .nucleus(Nucleus.parse("argon")).build()))
                .isEqualTo("ccqe-numu-ar40");
    }
}
