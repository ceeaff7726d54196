package org.enis.benchmark;

import java.util.List;

/**
 * The figures of the ENIS paper (arXiv:2402.09155) that the benchmark reproduces, to print
 * beside the measured ones: Table I (NSF and uniform proposals, one million events in cycles of
 * 300,000 proposals, thresholds from ten million weights), Table II (ten million events, the
 * density made 1 to 1000 times costlier) and the cycle costs of Appendix A. The paper ran the
 * flow on a GPU.
 */
public final class PaperFigures {

    /**
     * One row of Table I.
     *
     * @param quantile Q
     * @param acceptance {@code p_accept}
     * @param cycles cycles of Eq. (11)
     * @param seconds time to one million events
     * @param coverage Eq. (9)
     * @param essRatio {@code N_ESS / N}
     */
    public record Table1Row(double quantile, double acceptance, long cycles, double seconds,
            double coverage, double essRatio) {
    }

    /**
     * One row of Table II.
     *
     * @param quantile Q
     * @param costFactor {@code t_increase}
     * @param flowSeconds {@code t_NSF} for ten million events
     * @param uniformSeconds {@code t_Unif}
     * @param ratio {@code t_Unif / t_NSF} as printed
     */
    public record Table2Row(double quantile, int costFactor, double flowSeconds,
            double uniformSeconds, double ratio) {
    }

    /** Table I, NSF rows. */
    public static final List<Table1Row> TABLE1_FLOW = List.of(
            new Table1Row(1.0, 0.0051, 649, 201.822, 1.0000, 0.9140),
            new Table1Row(0.99999, 0.0633, 53, 16.482, 0.9999, 0.9242),
            new Table1Row(0.9999, 0.1623, 21, 6.530, 0.9996, 0.9284),
            new Table1Row(0.999, 0.3590, 10, 3.110, 0.9984, 0.9338),
            new Table1Row(0.99, 0.7187, 5, 1.555, 0.9939, 0.9400),
            new Table1Row(0.985, 0.7730, 5, 1.555, 0.9927, 0.9405),
            new Table1Row(0.981, 0.7968, 5, 1.555, 0.9920, 0.9408));

    /** Table I, uniform rows. */
    public static final List<Table1Row> TABLE1_UNIFORM = List.of(
            new Table1Row(1.0, 0.0002, 16199, 47.886, 1.0000, 0.0016),
            new Table1Row(0.99999, 0.0004, 8056, 23.814, 0.9947, 0.0017),
            new Table1Row(0.9999, 0.0008, 4240, 12.534, 0.9480, 0.0020),
            new Table1Row(0.999, 0.0027, 1217, 3.598, 0.6185, 0.0045),
            new Table1Row(0.99, 0.0137, 244, 0.721, 0.0818, 0.0154),
            new Table1Row(0.985, 0.0171, 195, 0.576, 0.0325, 0.0179),
            new Table1Row(0.981, 0.0193, 173, 0.511, 0.0039, 0.0195));

    /** Table II. */
    public static final List<Table2Row> TABLE2 = List.of(
            new Table2Row(1.0, 1, 2017.26, 471.64, 0.23),
            new Table2Row(1.0, 10, 2141.10, 3567.01, 1.67),
            new Table2Row(1.0, 100, 3379.54, 34520.76, 10.21),
            new Table2Row(1.0, 1000, 15763.94, 344058.17, 21.83),
            new Table2Row(0.9999, 1, 63.95, 123.19, 1.93),
            new Table2Row(0.9999, 10, 67.87, 928.73, 13.68),
            new Table2Row(0.9999, 100, 107.01, 8984.12, 83.96),
            new Table2Row(0.9999, 1000, 498.39, 89538.01, 179.65),
            new Table2Row(0.999, 1, 28.87, 35.36, 1.22),
            new Table2Row(0.999, 10, 30.64, 266.54, 8.70),
            new Table2Row(0.999, 100, 48.31, 2578.40, 53.37),
            new Table2Row(0.999, 1000, 225.00, 25696.93, 114.21));

    /** Appendix A: seconds to draw and evaluate 300,000 proposals from the flow (GPU). */
    public static final double FLOW_SECONDS_PER_CYCLE = 0.31;
    /** Appendix A: seconds to draw 300,000 uniform proposals. */
    public static final double UNIFORM_SECONDS_PER_CYCLE = 0.00079;
    /** Appendix A: seconds to evaluate the CCQE density at 300,000 points. */
    public static final double DENSITY_SECONDS_PER_CYCLE = 0.0021;
    /** Section IV.B: share of zero weights of the flow's proposals. */
    public static final double FLOW_ZERO_FRACTION = 0.0556;
    /** Section IV.B: share of zero weights of the uniform proposals. */
    public static final double UNIFORM_ZERO_FRACTION = 0.9803;
    /** Section IV.B: mean and standard deviation of log10 w of the flow. */
    public static final double[] FLOW_LOG10_WEIGHT = {0.023, 0.040};
    /** Section IV.B: mean and standard deviation of log10 w of the uniform proposal. */
    public static final double[] UNIFORM_LOG10_WEIGHT = {0.85, 0.88};

    private PaperFigures() {
    }

    /**
     * The paper's Table I row of a proposal at a quantile.
     *
     * @param flow the NSF rows, else the uniform rows
     * @param quantile Q
     * @return the row, or null when the paper has none for Q
     */
    public static Table1Row table1(boolean flow, double quantile) {
        for (Table1Row row : flow ? TABLE1_FLOW : TABLE1_UNIFORM) {
            if (Math.abs(row.quantile() - quantile) < 1e-12) {
                return row;
            }
        }
        return null;
    }

    /**
     * The paper's Table II row.
     *
     * @param quantile Q
     * @param costFactor {@code t_increase}
     * @return the row, or null when the paper has none
     */
    public static Table2Row table2(double quantile, int costFactor) {
        for (Table2Row row : TABLE2) {
            if (Math.abs(row.quantile() - quantile) < 1e-12 && row.costFactor() == costFactor) {
                return row;
            }
        }
        return null;
    }
}
