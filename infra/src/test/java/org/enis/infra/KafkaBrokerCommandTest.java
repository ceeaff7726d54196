package org.enis.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KafkaBrokerCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = KafkaBrokerCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommandsAndStartOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("start", "status", "stop");

        assertThat(run("start", "--help")).isZero();
        assertThat(out.toString()).contains("--data-dir", "--port", "--controller-port",
                "--detach", "--property", "--max-heap");
    }

    @Test
    void statusOfAnEmptyDataDirectoryIsNotRunning() {
        assertThat(run("status", "--data-dir", dir.toString()))
                .isEqualTo(KafkaBrokerCommand.EXIT_NOT_RUNNING);
        assertThat(out.toString()).contains("No Kafka broker runs on " + dir);
    }

    @Test
    void stopWithNothingRunningSucceeds() {
        assertThat(run("stop", "-d", dir.toString())).isZero();
        assertThat(out.toString()).contains("nothing to stop");
    }

    @Test
    void badOptionsAreRejectedWithTheValue() {
        assertThat(run("start", "-d", dir.toString(), "--port", "99999")).isEqualTo(1);
        assertThat(err.toString()).contains("port must be in 0..65535", "got 99999");

        assertThat(run("start", "-d", dir.toString(), "--port", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("'many'");

        assertThat(run("stop", "-d", dir.toString(), "--timeout", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--timeout must be > 0 seconds, got 0");

        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("a command is required");
    }
}
