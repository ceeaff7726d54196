package org.enis.infra.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM started by {@link ChildJvm}. Thread-safe.
 *
 * <p>When the child is tied to this JVM, a shutdown hook {@linkplain #terminate(Duration)
 * terminates} it with the configured timeout; calling {@link #terminate(Duration)} yourself
 * removes the hook.
 */
public final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    ChildProcess(String name, Process process, Path logFile, boolean exitWithParent,
            Duration shutdownTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        if (exitWithParent) {
            this.shutdownHook = new Thread(() -> terminateFromHook(shutdownTimeout),
                    "stop-" + name + "-" + process.pid());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /** Process id of the child. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit status of the child, empty while it runs. */
    public OptionalInt exitStatus() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** File receiving the child's standard output and error. */
    public Path logFile() {
        return logFile;
    }

    /** The last {@code maxLines} lines of the child's log; empty if it cannot be read. */
    public List<String> logTail(int maxLines) {
        return LogFiles.tail(logFile, maxLines);
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @param timeout longest wait
     * @return whether the child has exited
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the child to stop with SIGTERM and waits for it; kills it (SIGKILL) if it has not
     * exited within {@code timeout}. Safe to call more than once and from several threads.
     *
     * @param timeout time the child gets to shut down cleanly
     * @return true if the child exited within the timeout (or had already exited), false if it
     *     had to be killed
     */
    public synchronized boolean terminate(Duration timeout) {
        removeShutdownHook();
        return terminate(process.toHandle(), timeout, name);
    }

    /**
     * Asks any process to stop with SIGTERM, waits for it, and kills it if it has not exited
     * within {@code timeout}; used for a process this JVM did not start (a detached child
     * found through its pid file).
     *
     * @param handle the process
     * @param timeout time the process gets to shut down cleanly
     * @param name what the process is, for the log
     * @return true if it exited within the timeout (or was not running), false if it had to
     *     be killed
     */
    public static boolean terminate(ProcessHandle handle, Duration timeout, String name) {
        if (!handle.isAlive()) {
            return true;
        }
        LOG.info("Stopping {} (pid {}) with SIGTERM, waiting up to {} s", name, handle.pid(),
                timeout.toSeconds());
        handle.destroy();
        if (awaitExit(handle, timeout)) {
            return true;
        }
        LOG.warn("{} (pid {}) did not exit within {} s of SIGTERM; killing it", name,
                handle.pid(), timeout.toSeconds());
        handle.destroyForcibly();
        awaitExit(handle, Duration.ofSeconds(10));
        return false;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + handle.pid() + " failed", e);
        }
    }

    private void terminateFromHook(Duration timeout) {
        synchronized (this) {
            if (process.isAlive()) {
                terminate(process.toHandle(), timeout, name);
            }
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and will run the hook; nothing to remove.
            LOG.debug("Shutdown in progress; hook for {} stays", name);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
