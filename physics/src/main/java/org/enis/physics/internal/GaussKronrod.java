package org.enis.physics.internal;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss-Kronrod quadrature (7-point Gauss, 15-point Kronrod): the interval
 * with the largest error estimate {@code |K15 - G7|} is bisected until the summed estimate is
 * below {@code max(absoluteTolerance, relativeTolerance * |I|)} or the interval budget is
 * spent. Exact for polynomials of degree 22 on each interval; converges on kinks and jumps
 * by refining around them.
 */
public final class GaussKronrod {

    /** Interval budget of one integral; beyond it the best estimate so far is returned. */
    public static final int DEFAULT_MAX_INTERVALS = 200;

    private static final double[] NODES = {
        0.991455371120812639206854697526329,
        0.949107912342758524526189684047851,
        0.864864423359769072789712788640926,
        0.741531185599394439863864773280788,
        0.586087235467691130294144845693013,
        0.405845151377397166906606412076961,
        0.207784955007898467600689403773245,
        0.000000000000000000000000000000000,
    };
    private static final double[] KRONROD_WEIGHTS = {
        0.022935322010529224963732008058970,
        0.063092092629978553290700663189204,
        0.104790010322250183839876322541518,
        0.140653259715525918745189590510238,
        0.169004726639267902826583426598550,
        0.190350578064785409913256402421014,
        0.204432940075298892414161999234649,
        0.209482141084727828012999174891714,
    };
    /** Gauss weights of the odd-indexed nodes 1, 3, 5, 7 (the 7-point Gauss rule). */
    private static final double[] GAUSS_WEIGHTS = {
        0.129484966168869693270611432679082,
        0.279705391489276667901467771423780,
        0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    };

    private GaussKronrod() {
    }

    /** An integral estimate with its error estimate. */
    public record Estimate(double value, double error) {
    }

    /** Adaptive integral of {@code f} over {@code [a, b]} ({@code a <= b}). */
    public static double integrate(DoubleUnaryOperator f, double a, double b,
            double relativeTolerance, double absoluteTolerance) {
        return integrateWithError(f, a, b, relativeTolerance, absoluteTolerance,
                DEFAULT_MAX_INTERVALS).value();
    }

    /** Adaptive integral of {@code f} over {@code [a, b]} with its error estimate. */
    public static Estimate integrateWithError(DoubleUnaryOperator f, double a, double b,
            double relativeTolerance, double absoluteTolerance, int maxIntervals) {
        if (!(b > a)) {
            return new Estimate(0.0, 0.0);
        }
        PriorityQueue<Piece> pieces = new PriorityQueue<>((x, y) -> Double.compare(y.error,
                x.error));
        Piece first = rule(f, a, b);
        pieces.add(first);
        double total = first.value;
        double error = first.error;
        int count = 1;
        while (error > Math.max(absoluteTolerance, relativeTolerance * Math.abs(total))
                && count < maxIntervals) {
            Piece worst = pieces.poll();
            double mid = 0.5 * (worst.a + worst.b);
            if (!(mid > worst.a && mid < worst.b)) {
                pieces.add(worst);
                break;
            }
            Piece left = rule(f, worst.a, mid);
            Piece right = rule(f, mid, worst.b);
            total += left.value + right.value - worst.value;
            error += left.error + right.error - worst.error;
            pieces.add(left);
            pieces.add(right);
            count++;
        }
        // Re-sum to shed the rounding of the running updates.
        double sum = 0.0;
        double err = 0.0;
        for (Piece p : pieces) {
            sum += p.value;
            err += p.error;
        }
        return new Estimate(sum, err);
    }

    /** The plain 15-point Kronrod rule on {@code [a, b]}, without adaptation. */
    public static double kronrod15(DoubleUnaryOperator f, double a, double b) {
        return rule(f, a, b).value;
    }

    private static Piece rule(DoubleUnaryOperator f, double a, double b) {
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = f.applyAsDouble(center);
        double kronrod = KRONROD_WEIGHTS[7] * fc;
        double gauss = GAUSS_WEIGHTS[3] * fc;
        for (int i = 0; i < 7; i++) {
            double dx = half * NODES[i];
            double sum = f.applyAsDouble(center - dx) + f.applyAsDouble(center + dx);
            kronrod += KRONROD_WEIGHTS[i] * sum;
            if (i % 2 == 1) {
                gauss += GAUSS_WEIGHTS[i / 2] * sum;
            }
        }
        return new Piece(a, b, kronrod * half, Math.abs((kronrod - gauss) * half));
    }

    private record Piece(double a, double b, double value, double error) {
    }
}
