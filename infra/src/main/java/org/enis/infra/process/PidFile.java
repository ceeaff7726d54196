package org.enis.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A file holding the process id of a service started from a data directory, so that a later
 * command (status, stop) finds it. A pid file whose process is gone, or whose process id now
 * belongs to another program, counts as stale.
 */
public final class PidFile {

    private final Path file;

    /**
     * @param file location of the pid file
     */
    public PidFile(Path file) {
        this.file = file;
    }

    /** Location of the pid file. */
    public Path path() {
        return file;
    }

    /**
     * Writes a process id, atomically replacing any earlier content.
     *
     * @param pid the process id
     * @throws IOException if the file cannot be written
     */
    public void write(long pid) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, pid + System.lineSeparator(), StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The process id in the file, if the file exists and holds a number. */
    public Optional<Long> readPid() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process named by the file, if any.
     *
     * @param isExpectedProcess tells whether a live process is really the service (for
     *     example by its command line), guarding against a reused process id
     * @return the process, or empty if the file is missing or stale
     */
    public Optional<ProcessHandle> liveProcess(Predicate<ProcessHandle> isExpectedProcess) {
        return readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(isExpectedProcess);
    }

    /** Deletes the file if it exists. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
