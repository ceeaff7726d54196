package org.enis.physics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Locates the sub-intervals of {@code [a, b]} where a support indicator holds, so that an
 * integral can be split exactly at the edges of the support (sharp edges such as Pauli
 * blocking are then interval ends, where Gauss rules do not sample).
 *
 * <p>The indicator is sampled on a uniform grid and each change of value is bisected to the
 * given absolute resolution. A piece of support narrower than the grid spacing that falls
 * between two grid points can be missed; callers choose the grid so that their supports are
 * wider (the supports here are unions of at most a few intervals).
 */
public final class SupportIntervals {

    private SupportIntervals() {
    }

    /**
     * The maximal sub-intervals of {@code [a, b]} on which {@code inSupport} holds, as
     * {@code {lo0, hi0, lo1, hi1, ...}}.
     *
     * @param samples number of grid cells (at least 1)
     * @param resolution absolute bisection resolution of an edge
     */
    public static double[] find(DoublePredicate inSupport, double a, double b, int samples,
            double resolution) {
        List<double[]> pieces = new ArrayList<>();
        double step = (b - a) / samples;
        boolean previous = inSupport.test(a);
        double start = previous ? a : Double.NaN;
        for (int i = 1; i <= samples; i++) {
            double x = i == samples ? b : a + i * step;
            boolean current = inSupport.test(x);
            if (current != previous) {
                double edge = bisect(inSupport, x - step, x, previous, resolution);
                if (current) {
                    start = edge;
                } else {
                    pieces.add(new double[] {start, edge});
                }
                previous = current;
            }
        }
        if (previous) {
            pieces.add(new double[] {start, b});
        }
        double[] out = new double[2 * pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            out[2 * i] = pieces.get(i)[0];
            out[2 * i + 1] = pieces.get(i)[1];
        }
        return out;
    }

    /** The point where the indicator changes from {@code leftValue} within {@code [lo, hi]}. */
    private static double bisect(DoublePredicate inSupport, double lo, double hi,
            boolean leftValue, double resolution) {
        double left = lo;
        double right = hi;
        while (right - left > resolution) {
            double mid = 0.5 * (left + right);
            if (!(mid > left && mid < right)) {
                break;
            }
            if (inSupport.test(mid) == leftValue) {
                left = mid;
            } else {
                right = mid;
            }
        }
        return 0.5 * (left + right);
    }
}
