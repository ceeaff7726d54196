package org.enis.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writtenPidIsReadBackAndFoundAliveWhenExpected() throws Exception {
        PidFile pidFile = new PidFile(dir.resolve("service.pid"));
        long self = ProcessHandle.current().pid();

        pidFile.write(self);

        assertThat(pidFile.readPid()).hasValue(self);
        assertThat(pidFile.liveProcess(handle -> true)).map(ProcessHandle::pid).hasValue(self);
        assertThat(pidFile.liveProcess(handle -> false))
                .as("a live process that is not the service").isEmpty();
    }

    @Test
    void pidOfAnExitedProcessIsStale() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        PidFile pidFile = new PidFile(dir.resolve("service.pid"));
        pidFile.write(process.pid());

        assertThat(pidFile.liveProcess(handle -> true)).isEmpty();
    }

    @Test
    void missingOrGarbledFileHoldsNoPid() throws Exception {
        PidFile pidFile = new PidFile(dir.resolve("service.pid"));
        assertThat(pidFile.readPid()).isEmpty();

        Files.writeString(pidFile.path(), "not a number");
        assertThat(pidFile.readPid()).isEmpty();

        pidFile.delete();
        pidFile.delete();
        assertThat(pidFile.path()).doesNotExist();
    }
}
