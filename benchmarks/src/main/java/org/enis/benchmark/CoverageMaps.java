package org.enis.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.enis.physics.PhaseSpaceBox;
import org.enis.weights.WeightSummary;

/**
 * Coverage per bin at one threshold weight, the paper's Figs. 6 and 7: in each bin, the
 * coverage of Eq. (9) of the weights that fall in it ({@link WeightSummary#coverage()}), and
 * the bin's share of all weight.
 *
 * <ul>
 *   <li>Fig. 6: two-dimensional bins of every pair of variables (the other two marginalised);
 *   </li>
 *   <li>Fig. 7: four-dimensional bins (half the bins per variable of the pair maps, 20 in the
 *       paper), each with its share of weight and its coverage.</li>
 * </ul>
 */
public final class CoverageMaps {
    /** The six pairs of variables, in the shared order. */
    public static final int[][] PAIRS = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};

    /**
     * Coverage over the bins of a pair of variables.
     *
     * @param xVariable variable on the horizontal axis, 0..3
     * @param yVariable variable on the vertical axis, 0..3
     * @param bins bins per variable
     * @param coverage {@code coverage[ix * bins + iy]}, NaN where no positive weight fell
     * @param weightShare share of all weight in each bin
     */
    public record PairMap(int xVariable, int yVariable, int bins, double[] coverage,
            double[] weightShare) {
    }

    /**
     * One four-dimensional bin holding weight.
     *
     * @param weightPercent {@code 100 sum_bin w / sum w}
     * @param coverage coverage of the bin's weights
     */
    public record Cell(double weightPercent, double coverage) {
    }

    private CoverageMaps() {
    }

    /**
     * Fig. 6: the coverage maps of the six pairs of variables.
     *
     * @param sample weights and bin codes (bins of {@code binning})
     * @param binning the bins the codes refer to
     * @param thresholdWeight {@code w_Q > 0}
     * @return six maps in the order of {@link #PAIRS}
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public static List<PairMap> pairMaps(CalibrationSample sample, BoxBinning binning,
            double thresholdWeight) {
        int bins = binning.bins();
        double[] weights = sample.positiveWeights();
        int[] codes = sample.positiveCodes();
        List<PairMap> maps = new ArrayList<>();
        for (int[] pair : PAIRS) {
            WeightSummary[] cells = new WeightSummary[bins * bins];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                total += weights[i];
                if (codes[i] == BoxBinning.OUTSIDE) {
                    continue;
                }
                int cell = BoxBinning.index(codes[i], pair[0]) * bins
                        + BoxBinning.index(codes[i], pair[1]);
                add(cells, cell, thresholdWeight, weights[i]);
            }
            double[] coverage = new double[cells.length];
            double[] share = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                coverage[c] = cells[c] == null ? Double.NaN : cells[c].coverage();
                share[c] = cells[c] == null ? 0 : cells[c].sumOfWeights() / total;
            }
            maps.add(new PairMap(pair[0], pair[1], bins, coverage, share));
        }
        return maps;
    }

    /**
     * Fig. 7: the four-dimensional bins that hold weight, with {@code bins / 2} bins per
     * variable (two neighbouring bins of the pair maps merged).
     *
     * @param sample weights and bin codes (bins of {@code binning}, an even number)
     * @param binning the bins the codes refer to
     * @param thresholdWeight {@code w_Q > 0}
     * @return one cell per bin with positive weight
     * @throws IllegalArgumentException if the bins are odd or the threshold not positive
     */
    public static List<Cell> cells(CalibrationSample sample, BoxBinning binning,
            double thresholdWeight) {
        if (binning.bins() % 2 != 0) {
            throw new IllegalArgumentException(
                    "four-dimensional cells need an even number of bins, got " + binning.bins());
        }
        int half = binning.bins() / 2;
        double[] weights = sample.positiveWeights();
        int[] codes = sample.positiveCodes();
        WeightSummary[] cells = new WeightSummary[half * half * half * half];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (codes[i] == BoxBinning.OUTSIDE) {
                continue;
            }
            int cell = 0;
            for (int d = 0; d < PhaseSpaceBox.DIMENSION; d++) {
                cell = cell * half + BoxBinning.index(codes[i], d) / 2;
            }
            add(cells, cell, thresholdWeight, weights[i]);
        }
        List<Cell> result = new ArrayList<>();
        for (WeightSummary cell : cells) {
            if (cell != null) {
                result.add(new Cell(100 * cell.sumOfWeights() / total, cell.coverage()));
            }
        }
        return result;
    }

    private static void add(WeightSummary[] cells, int cell, double thresholdWeight,
            double weight) {
        if (cells[cell] == null) {
            cells[cell] = WeightSummary.withThreshold(thresholdWeight);
        }
        cells[cell].add(weight);
    }
}
