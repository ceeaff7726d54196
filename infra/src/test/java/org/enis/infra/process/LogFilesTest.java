package org.enis.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void tailReturnsTheLastLinesOldestFirst() throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "one\ntwo\nthree\n");

        assertThat(LogFiles.tail(log, 2)).containsExactly("two", "three");
        assertThat(LogFiles.tail(log, 10)).containsExactly("one", "two", "three");
        assertThat(LogFiles.tail(log, 0)).isEmpty();
    }

    @Test
    void tailOfALargeFileReadsOnlyItsEndAndDropsTheCutLine() throws Exception {
        String text = IntStream.range(0, 20_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("big.log"), text);

        assertThat(LogFiles.tail(log, 3)).containsExactly("line 19997", "line 19998",
                "line 19999");
        assertThat(LogFiles.tail(log, 100_000)).allMatch(line -> line.matches("line \\d+"))
                .last().isEqualTo("line 19999");
    }

    @Test
    void missingFileHasAnEmptyTailAndSaysSoInMessages() {
        Path missing = dir.resolve("missing.log");

        assertThat(LogFiles.tail(missing, 5)).isEmpty();
        assertThat(LogFiles.tailForMessage(missing, 5)).contains("is empty");
        assertThatThrownBy(() -> LogFiles.tail(missing, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLines must be >= 0, got -1");
    }
}
