package org.enis.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ChildJvm.Builder sleeper(String... extraArguments) {
        return ChildJvm.builder(SleeperMain.class.getName())
                .classpath(List.of(ChildJvm.codeLocation(SleeperMain.class)))
                .argument(dir.resolve("marker").toString())
                .arguments(List.of(extraArguments))
                .logFile(dir.resolve("logs/child.log"));
    }

    @Test
    void commandRunsTheWatchdogFirstWhenTiedToThisJvm() {
        List<String> command = sleeper().build().command();

        assertThat(command).contains("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "="
                + ProcessHandle.current().pid());
        int watchdog = command.indexOf(ParentWatchdog.class.getName());
        assertThat(watchdog).isPositive();
        assertThat(command.get(watchdog + 1)).isEqualTo(SleeperMain.class.getName());
        assertThat(command).doesNotContain("-cp", "/usr/bin/setsid");
    }

    @Test
    void detachedCommandRunsInANewSessionWithoutWatchdog() {
        List<String> command = sleeper().detached(true).build().command();

        assertThat(command.get(0)).endsWith("setsid");
        assertThat(command).doesNotContain(ParentWatchdog.class.getName());
        assertThat(String.join(" ", command)).doesNotContain(ParentWatchdog.PARENT_PID_PROPERTY);
    }

    @Test
    void childOutputIsAppendedToTheLogFile() throws Exception {
        ChildProcess first = sleeper("first").start();
        awaitLogLine(first, "sleeper started with 2 argument(s)");
        assertThat(first.terminate(EXIT_WAIT)).isTrue();
        ChildProcess second = sleeper().start();
        awaitLogLine(second, "sleeper started with 1 argument(s)");
        second.terminate(EXIT_WAIT);

        assertThat(second.logTail(10)).containsSubsequence(
                "sleeper started with 2 argument(s)", "sleeper started with 1 argument(s)");
    }

    @Test
    void terminateStopsTheChildCleanlyWithSigterm() throws Exception {
        ChildProcess child = sleeper().start();
        awaitLogLine(child, "sleeper started");

        assertThat(child.terminate(EXIT_WAIT)).isTrue();
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitStatus()).hasValue(143);
        assertThat(dir.resolve("marker")).hasContent("stopped cleanly");
        assertThat(child.terminate(EXIT_WAIT)).as("a second call is harmless").isTrue();
    }

    @Test
    void terminateKillsAChildThatIgnoresSigterm() throws Exception {
        ChildProcess child = sleeper("ignore-sigterm").start();
        awaitLogLine(child, "sleeper started");

        assertThat(child.terminate(Duration.ofMillis(500))).isFalse();
        assertThat(child.isAlive()).isFalse();
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void childStopsCleanlyWhenItsParentIsKilled() throws Exception {
        Process launcher = startLauncher("sleep");
        long childPid = awaitChildPid(launcher);
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();

        launcher.destroyForcibly();
        launcher.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(child.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS).isAlive())
                .isFalse();
        assertThat(dir.resolve("marker")).hasContent("stopped cleanly");
    }

    @Test
    void childStopsCleanlyWhenItsParentExits() throws Exception {
        Process launcher = startLauncher("exit");
        long childPid = awaitChildPid(launcher);

        assertThat(launcher.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertThat(child.isEmpty() || !child.get().isAlive())
                .as("the parent's shutdown hook waited for the child").isTrue();
        assertThat(dir.resolve("marker")).hasContent("stopped cleanly");
    }

    @Test
    void detachedChildOutlivesItsParent() throws Exception {
        Process launcher = startLauncher("exit-detached");
        long childPid = awaitChildPid(launcher);
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        try {
            assertThat(launcher.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500);
            assertThat(child.isAlive()).isTrue();
        } finally {
            assertThat(ChildProcess.terminate(child, EXIT_WAIT, "sleeper")).isTrue();
        }
        assertThat(dir.resolve("marker")).hasContent("stopped cleanly");
    }

    @Test
    void builderRejectsMissingOrBadSettings() {
        assertThatThrownBy(() -> ChildJvm.builder(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mainClass");
        assertThatThrownBy(() -> ChildJvm.builder("Main").classpath(List.of(dir)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("logFile");
        assertThatThrownBy(() -> ChildJvm.builder("Main").logFile(dir.resolve("l")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("classpath");
        assertThatThrownBy(() -> ChildJvm.builder("Main").shutdownTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shutdownTimeout must be > 0");
    }

    private Process startLauncher(String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LauncherMain.class.getName(), mode, dir.resolve("child.pid").toString(),
                dir.resolve("marker").toString(), dir.resolve("child.log").toString(),
                ChildJvm.codeLocation(SleeperMain.class).toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile())
                .start();
    }

    private long awaitChildPid(Process launcher) throws InterruptedException {
        PidFile pidFile = new PidFile(dir.resolve("child.pid"));
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (pidFile.readPid().isEmpty()) {
            boolean launcherGone = !launcher.isAlive() && pidFile.readPid().isEmpty();
            if (System.nanoTime() > deadline || launcherGone) {
                throw new AssertionError("launcher wrote no child pid; its log: "
                        + LogFiles.tail(dir.resolve("launcher.log"), 30));
            }
            Thread.sleep(50);
        }
        return pidFile.readPid().orElseThrow();
    }

    private static void awaitLogLine(ChildProcess child, String prefix)
            throws InterruptedException {
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (child.logTail(20).stream().noneMatch(line -> line.startsWith(prefix))) {
            assertThat(System.nanoTime()).as("child printed '%s'", prefix).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void codeLocationOfAJdkClassIsAClearError() {
        assertThatThrownBy(() -> ChildJvm.codeLocation(String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String");
        assertThat(Files.isDirectory(ChildJvm.codeLocation(SleeperMain.class))).isTrue();
    }
}
