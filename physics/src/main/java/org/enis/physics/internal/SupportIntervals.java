package org.enis.physics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Locates the sub-intervals of {@code [a, b]} where a support indicator holds, so that an
 * integral can be split exactly at the edges of the support (sharp edges such as Pauli
 * blocking are then interval ends, where Gauss rules do not sample).
 *
 * <p>The indicator is sampled on a uniform grid (its two ends probed one resolution inside
 * the range) and each change of value is bisected to the given absolute resolution. A piece
 * of support narrower than the grid spacing that falls
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
        return find(inSupport, a, b, samples, resolution, new double[0], 0);
    }

    /**
     * As {@link #find(DoublePredicate, double, double, int, double)}, with extra probe points
     * (for instance points known to lie inside any narrow piece of support) added to the grid.
     *
     * @param extra probe points; those outside {@code (a, b)} are ignored
     * @param extraCount number of entries of {@code extra} to use
     */
    public static double[] find(DoublePredicate inSupport, double a, double b, int samples,
            double resolution, double[] extra, int extraCount) {
        double step = (b - a) / samples;
        // The ends are probed just inside: an edge of the range is often itself a support
        // edge (the Pauli limit), where the indicator is false exactly at the end while a
        // sliver of support lies just inside it.
        double first = Math.min(a + resolution, a + 0.5 * step);
        double last = Math.max(b - resolution, b - 0.5 * step);
        double[] probes = new double[samples + 1 + extraCount];
        int count = 0;
        probes[count++] = first;
        for (int i = 1; i < samples; i++) {
            probes[count++] = a + i * step;
        }
        probes[count++] = last;
        for (int i = 0; i < extraCount; i++) {
            if (extra[i] > first && extra[i] < last) {
                probes[count++] = extra[i];
            }
        }
        Arrays.sort(probes, 0, count);

        List<double[]> pieces = new ArrayList<>();
        boolean previous = inSupport.test(probes[0]);
        double start = previous ? a : Double.NaN;
        for (int i = 1; i < count; i++) {
            boolean current = inSupport.test(probes[i]);
            if (current != previous) {
                double edge = bisect(inSupport, probes[i - 1], probes[i], previous, resolution);
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
