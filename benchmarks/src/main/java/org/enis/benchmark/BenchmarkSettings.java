package org.enis.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the paper-tables benchmark runs; the defaults are the paper's sizes.
 *
 * @param modelDirectory the flow model directory (SavedModel and manifest)
 * @param outputDirectory where the tables and plots are written
 * @param calibrationSize proposals per proposal density the thresholds are chosen from
 * @param cycleSize proposals per rejection cycle
 * @param table1Events accepted events of Table I
 * @param table1Quantiles quantiles of Table I
 * @param table1MaxSeconds time cap of one Table I run (one proposal, all its quantiles)
 * @param table2Events accepted events of Table II
 * @param table2Quantiles quantiles of Table II
 * @param costFactors density cost factors of Table II
 * @param table2MaxSeconds time cap of one Table II run (one proposal, one cost factor)
 * @param coverageQuantile quantile of the coverage maps (Figs. 6 and 7)
 * @param coverageBins bins per variable of the pair coverage maps (even; Fig. 7 uses half)
 * @param seed seed of every draw
 */
public record BenchmarkSettings(Path modelDirectory, Path outputDirectory, int calibrationSize,
        int cycleSize, long table1Events, double[] table1Quantiles, double table1MaxSeconds,
        long table2Events, double[] table2Quantiles, int[] costFactors, double table2MaxSeconds,
        double coverageQuantile, int coverageBins, long seed) {

    /** Ten million weights, as in the paper. */
    public static final int PAPER_CALIBRATION_SIZE = 10_000_000;
    /** The quantiles of Table II of the paper. */
    public static final double[] PAPER_TABLE2_QUANTILES = {1.0, 0.9999, 0.999};
    /** The density cost factors of Table II of the paper. */
    public static final int[] PAPER_COST_FACTORS = {1, 10, 100, 1000};
    /** The quantile of the paper's Figs. 6 and 7. */
    public static final double PAPER_COVERAGE_QUANTILE = 0.999;
    /** Fewest calibration proposals accepted. */
    public static final int MIN_CALIBRATION_SIZE = 1000;
    /** Fewest proposals per cycle accepted. */
    public static final int MIN_CYCLE_SIZE = 100;
    /** Most proposals per cycle accepted (memory of one cycle's block). */
    public static final int MAX_CYCLE_SIZE = 10_000_000;

    /**
     * Validates every setting.
     *
     * @throws IllegalArgumentException naming the bad setting, its value and the allowed range
     */
    public BenchmarkSettings {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (calibrationSize < MIN_CALIBRATION_SIZE) {
            throw new IllegalArgumentException("calibration size must be >= "
                    + MIN_CALIBRATION_SIZE + " proposals, got " + calibrationSize);
        }
        if (cycleSize < MIN_CYCLE_SIZE || cycleSize > MAX_CYCLE_SIZE) {
            throw new IllegalArgumentException("cycle size must be in [" + MIN_CYCLE_SIZE + ", "
                    + MAX_CYCLE_SIZE + "] proposals, got " + cycleSize);
        }
        checkEvents("Table I events", table1Events);
        checkEvents("Table II events", table2Events);
        table1Quantiles = checkQuantiles("Table I quantiles", table1Quantiles);
        table2Quantiles = checkQuantiles("Table II quantiles", table2Quantiles);
        checkSeconds("Table I time cap", table1MaxSeconds);
        checkSeconds("Table II time cap", table2MaxSeconds);
        costFactors = costFactors.clone();
        if (costFactors.length == 0) {
            throw new IllegalArgumentException("give at least one density cost factor");
        }
        if (Arrays.stream(costFactors).distinct().count() != costFactors.length) {
            throw new IllegalArgumentException("density cost factors must be distinct, got "
                    + Arrays.toString(costFactors));
        }
        for (int factor : costFactors) {
            if (factor < 1 || factor > MeteredDensity.MAX_REPEATS) {
                throw new IllegalArgumentException("density cost factor must be in [1, "
                        + MeteredDensity.MAX_REPEATS + "], got " + factor);
            }
        }
        if (!(coverageQuantile > 0 && coverageQuantile <= 1)) {
            throw new IllegalArgumentException(
                    "coverage quantile must be in (0, 1], got " + coverageQuantile);
        }
        if (coverageBins < 2 || coverageBins > BoxBinning.MAX_BINS || coverageBins % 2 != 0) {
            throw new IllegalArgumentException("coverage bins must be even and in [2, "
                    + BoxBinning.MAX_BINS + "], got " + coverageBins);
        }
    }

    @Override
    public double[] table1Quantiles() {
        return table1Quantiles.clone();
    }

    @Override
    public double[] table2Quantiles() {
        return table2Quantiles.clone();
    }

    @Override
    public int[] costFactors() {
        return costFactors.clone();
    }

    private static void checkEvents(String name, long events) {
        if (events < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + events);
        }
    }

    private static void checkSeconds(String name, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    name + " must be finite and > 0 seconds, got " + seconds);
        }
    }

    private static double[] checkQuantiles(String name, double[] quantiles) {
        if (quantiles.length == 0 || quantiles.length > RejectionRun.MAX_QUANTILES) {
            throw new IllegalArgumentException(name + ": give 1 to "
                    + RejectionRun.MAX_QUANTILES + " quantiles, got " + quantiles.length);
        }
        for (double q : quantiles) {
            if (!(q > 0 && q <= 1)) {
                throw new IllegalArgumentException(name + ": each must be in (0, 1], got " + q);
            }
        }
        if (Arrays.stream(quantiles).distinct().count() != quantiles.length) {
            throw new IllegalArgumentException(name + " must be distinct, got "
                    + Arrays.toString(quantiles));
        }
        return quantiles.clone();
    }
}
