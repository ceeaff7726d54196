package org.enis.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Bad values on the command line: a short message naming the option, exit status 2; and the
 * consumer's exit status with its reason.
 */
class CommandErrorsTest {

    private record Outcome(int status, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int status = GenerateCommandAccess.execute(args, new PrintWriter(err, true));
        return new Outcome(status, err.toString());
    }

    @Test
    void valueOfTheWrongTypeNamesTheOptionWithoutTheWholeUsage() {
        Outcome outcome = run("--quantile", "abc");
        assertThat(outcome.status()).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(outcome.err()).contains("--quantile", "'abc'", "(see generate --help)")
                .doesNotContain("Usage:");
        assertThat(outcome.err().lines().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void unknownOptionIsAnErrorWithoutTheWholeUsage() {
        Outcome outcome = run("--maxEvent", "3");
        assertThat(outcome.status()).isEqualTo(GenerateCommand.EXIT_USAGE);
        assertThat(outcome.err()).contains("Unknown option", "--maxEvent")
                .doesNotContain("Usage:");
    }

    @Test
    void configurationMessagesNameTheOption() {
        CommandLine cmd = GenerateCommand.commandLine(new GenerateCommand());
        assertThat(GenerateCommand.withOptionName("quantile must be in (0, 1], got 1.5", cmd))
                .isEqualTo("--quantile must be in (0, 1], got 1.5");
        assertThat(GenerateCommand.withOptionName("runId must be 1 to 64 of [A-Za-z0-9._-]",
                cmd)).startsWith("--runId must");
        assertThat(GenerateCommand.withOptionName("--rate must be >= 0", cmd))
                .isEqualTo("--rate must be >= 0");
        assertThat(GenerateCommand.withOptionName("threshold weight must be > 0", cmd))
                .isEqualTo("threshold weight must be > 0");
    }

    @Test
    void consumerExitsWithOneAndSaysWhyOnDuplicatesOrUndecodableRecords() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(ConsumeCommand.checkStatus(0, 0, err)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(ConsumeCommand.checkStatus(0, 20_000, err)).isEqualTo(1);
        assertThat(ConsumeCommand.checkStatus(3, 0, err)).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("20,000 event ids appear more than once", "run id was generated again")
                .contains("3 records did not decode");
    }
}
