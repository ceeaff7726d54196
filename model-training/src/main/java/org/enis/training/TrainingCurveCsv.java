package org.enis.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training curve as CSV, one line per {@link CurvePoint}: {@code step, phase,
 * learning_rate, training_loss, log_likelihood, ess_ratio, zero_fraction, integral,
 * elapsed_seconds}. Written as training goes, so a killed run keeps its curve.
 */
public final class TrainingCurveCsv {

    /** The header line. */
    public static final String HEADER = "step,phase,learning_rate,training_loss,log_likelihood,"
            + "ess_ratio,zero_fraction,integral,elapsed_seconds";

    private TrainingCurveCsv() {
    }

    /**
     * Replaces the file with the header and the given points.
     *
     * @param file CSV file
     * @param points points to write
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<CurvePoint> points) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (CurvePoint point : points) {
            lines.add(line(point));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Appends one point.
     *
     * @param file CSV file with its header
     * @param point the point
     * @throws IOException if the file cannot be written
     */
    public static void append(Path file, CurvePoint point) throws IOException {
        Files.writeString(file, line(point) + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /**
     * Reads the points up to a step.
     *
     * @param file CSV file written by this class; a missing file reads as empty
     * @param lastStep largest step to keep
     * @return the points with {@code step <= lastStep}
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a line is malformed
     */
    public static List<CurvePoint> readUpTo(Path file, int lastStep) throws IOException {
        List<CurvePoint> points = new ArrayList<>();
        if (!Files.exists(file)) {
            return points;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            CurvePoint point = parse(file, i + 1, line);
            if (point.step() <= lastStep) {
                points.add(point);
            }
        }
        return points;
    }

    private static CurvePoint parse(Path file, int lineNumber, String line) {
        String[] fields = line.split(",");
        try {
            return new CurvePoint(Integer.parseInt(fields[0]), TrainingPhase.valueOf(fields[1]),
                    Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                    Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                    Double.parseDouble(fields[6]), Double.parseDouble(fields[7]),
                    Double.parseDouble(fields[8]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed training curve line " + lineNumber
                    + " of " + file + ": " + line, e);
        }
    }

    private static String line(CurvePoint point) {
        return String.format(Locale.ROOT, "%d,%s,%.6g,%.6f,%.6f,%.6f,%.6f,%.8g,%.1f",
                point.step(), point.phase(), point.learningRate(), point.trainingLoss(),
                point.logLikelihood(), point.effectiveSampleSizeRatio(), point.zeroFraction(),
                point.integral(), point.elapsedSeconds());
    }
}
