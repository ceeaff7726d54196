package org.enis.infra.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reading the end of a child's log file, for error messages and status output. */
public final class LogFiles {

    /** At most this many bytes are read from the end of a log. */
    private static final int MAX_TAIL_BYTES = 64 * 1024;

    private LogFiles() {
    }

    /**
     * The last lines of a text file, read from at most its last 64 KiB.
     *
     * @param file the log file
     * @param maxLines at most this many lines are returned
     * @return the lines, oldest first; empty if the file is missing or unreadable
     * @throws IllegalArgumentException if {@code maxLines} is negative
     */
    public static List<String> tail(Path file, int maxLines) {
        if (maxLines < 0) {
            throw new IllegalArgumentException("maxLines must be >= 0, got " + maxLines);
        }
        if (maxLines == 0 || !Files.isReadable(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_TAIL_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, lines.length - maxLines);
            // The first line may be cut in the middle when the window did not start the file.
            if (from == 0 && size < length && lines.length > 1) {
                from = 1;
            }
            return List.copyOf(Arrays.asList(lines).subList(from, lines.length));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last lines of a file joined for an exception message, indented. */
    public static String tailForMessage(Path file, int maxLines) {
        List<String> lines = tail(file, maxLines);
        if (lines.isEmpty()) {
            return " (log " + file + " is empty)";
        }
        return "; last lines of " + file + ":\n    " + String.join("\n    ", lines);
    }
}
