package org.enis.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.enis.flow.internal.TensorArrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class RationalQuadraticSplineTest {

    private static final int BINS = 8;
    private static final double TAIL_BOUND = 3;
    private static final int N = 4000;

    private static Graph graph;
    private static Session session;
    private static Placeholder<TFloat64> inputs;
    private static Placeholder<TFloat64> widths;
    private static Placeholder<TFloat64> heights;
    private static Placeholder<TFloat64> derivatives;
    private static RationalQuadraticSpline.Result<TFloat64> forward;
    private static RationalQuadraticSpline.Result<TFloat64> inverse;
    private static double[] widthValues;
    private static double[] heightValues;
    private static double[] derivativeValues;

    @BeforeAll
    static void buildGraph() {
        graph = new Graph();
        Ops tf = Ops.create(graph);
        inputs = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 1)));
        widths = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 1, BINS)));
        heights = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 1, BINS)));
        derivatives = tf.placeholder(TFloat64.class,
                Placeholder.shape(Shape.of(-1, 1, BINS - 1)));
        RationalQuadraticSpline<TFloat64> spline =
                new RationalQuadraticSpline<>(tf, TFloat64.class, BINS, TAIL_BOUND);
        forward = spline.forward(inputs, widths, heights, derivatives);
        inverse = spline.inverse(inputs, widths, heights, derivatives);
        session = new Session(graph);

        // Strongly uneven bins: unnormalised parameters of order 2 give widths that differ
        // by up to e^4 and derivatives from 0.1 to 7.
        SplittableRandom random = new SplittableRandom(42);
        widthValues = uniform(random, N * BINS, 2);
        heightValues = uniform(random, N * BINS, 2);
        derivativeValues = uniform(random, N * (BINS - 1), 2);
    }

    @AfterAll
    static void closeGraph() {
        session.close();
        graph.close();
    }

    @Test
    void inverseAfterForwardReturnsTheInput() {
        double[] x = uniform(new SplittableRandom(1), N, TAIL_BOUND);
        double[][] y = run(forward, x);
        double[][] back = run(inverse, y[0]);
        for (int i = 0; i < N; i++) {
            assertThat((double) back[0][i]).as("x = %s", x[i]).isCloseTo(x[i], within(1e-9));
            // log |dy/dx| + log |dx/dy| = 0
            assertThat((double) y[1][i] + back[1][i]).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void logDeterminantMatchesFiniteDifference() {
        double[] x = uniform(new SplittableRandom(2), N, TAIL_BOUND - 1e-3);
        double h = 1e-6;
        double[] plus = new double[N];
        double[] minus = new double[N];
        for (int i = 0; i < N; i++) {
            plus[i] = x[i] + h;
            minus[i] = x[i] - h;
        }
        double[] logDet = run(forward, x)[1];
        double[] yPlus = run(forward, plus)[0];
        double[] yMinus = run(forward, minus)[0];
        for (int i = 0; i < N; i++) {
            double slope = (yPlus[i] - yMinus[i]) / (2 * h);
            assertThat(logDet[i]).as("x = %s", x[i]).isCloseTo(Math.log(slope), within(1e-5));
        }
        double[] inverseLogDet = run(inverse, x)[1];
        double[] xPlus = run(inverse, plus)[0];
        double[] xMinus = run(inverse, minus)[0];
        for (int i = 0; i < N; i++) {
            double slope = (xPlus[i] - xMinus[i]) / (2 * h);
            assertThat(inverseLogDet[i]).as("y = %s", x[i])
                    .isCloseTo(Math.log(slope), within(1e-5));
        }
    }

    /** The float32 graph of the flow keeps the round trip within 1e-5 for typical parameters. */
    @Test
    void float32RoundTripWithinTolerance() {
        try (Graph float32Graph = new Graph()) {
            Ops tf = Ops.create(float32Graph);
            RationalQuadraticSpline<TFloat32> spline =
                    new RationalQuadraticSpline<>(tf, TFloat32.class, BINS, TAIL_BOUND);
            SplittableRandom random = new SplittableRandom(5);
            float[] x = toFloat(uniform(random, N, TAIL_BOUND));
            Operand<TFloat32> w = constant(tf, uniform(random, N * BINS, 1), BINS);
            Operand<TFloat32> h = constant(tf, uniform(random, N * BINS, 1), BINS);
            Operand<TFloat32> d = constant(tf, uniform(random, N * (BINS - 1), 1), BINS - 1);
            Operand<TFloat32> inputs = tf.reshape(tf.constant(x), tf.constant(new int[] {N, 1}));
            RationalQuadraticSpline.Result<TFloat32> y = spline.forward(inputs, w, h, d);
            RationalQuadraticSpline.Result<TFloat32> back = spline.inverse(y.outputs(), w, h, d);
            try (Session float32Session = new Session(float32Graph);
                    Result result = float32Session.runner().fetch(back.outputs()).run()) {
                float[] roundTrip = TensorArrays.floats(result.get(0));
                for (int i = 0; i < N; i++) {
                    assertThat((double) roundTrip[i]).isCloseTo(x[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void identityOutsideTheTailBound() {
        double[] x = new double[N];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            double magnitude = TAIL_BOUND + 1e-3 + (random.nextDouble() * 100);
            x[i] = i % 2 == 0 ? magnitude : -magnitude;
        }
        for (RationalQuadraticSpline.Result<TFloat64> transform : List.of(
            forward, inverse)) {
            double[][] y = run(transform, x);
            for (int i = 0; i < N; i++) {
                assertThat(y[0][i]).isEqualTo(x[i]);
                assertThat(y[1][i]).isEqualTo(0.0);
            }
        }
    }

    @Test
    void mapsTheIntervalOntoItselfMonotonically() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = -TAIL_BOUND + 2 * TAIL_BOUND * i / (N - 1);
        }
        // same parameters for every row, so that y is one monotonic function of x
        double[] y = runShared(x);
        assertThat((double) y[0]).isCloseTo(-TAIL_BOUND, within(1e-5));
        assertThat((double) y[N - 1]).isCloseTo(TAIL_BOUND, within(1e-5));
        for (int i = 1; i < N; i++) {
            assertThat(y[i]).isGreaterThan(y[i - 1]);
        }
    }

    @Test
    void rejectsBadSettings() {
        try (Graph other = new Graph()) {
            Ops tf = Ops.create(other);
            assertThatThrownBy(() -> new RationalQuadraticSpline<>(tf, TFloat64.class, 1, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bins must be >= 2, got 1");
            assertThatThrownBy(() -> new RationalQuadraticSpline<>(tf, TFloat64.class, 8, -3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tailBound must be finite and > 0, got -3.0");
        }
    }

    private static double[][] run(RationalQuadraticSpline.Result<TFloat64> transform, double[] x) {
        return run(transform, x, widthValues, heightValues, derivativeValues);
    }

    private static double[] runShared(double[] x) {
        double[] w = new double[N * BINS];
        double[] h = new double[N * BINS];
        double[] d = new double[N * (BINS - 1)];
        for (int i = 0; i < N; i++) {
            System.arraycopy(widthValues, 0, w, i * BINS, BINS);
            System.arraycopy(heightValues, 0, h, i * BINS, BINS);
            System.arraycopy(derivativeValues, 0, d, i * (BINS - 1), BINS - 1);
        }
        return run(forward, x, w, h, d)[0];
    }

    private static double[][] run(RationalQuadraticSpline.Result<TFloat64> transform, double[] x,
            double[] w, double[] h, double[] d) {
        try (TFloat64 xs = TensorArrays.float64(Shape.of(N, 1), x);
                TFloat64 ws = TensorArrays.float64(Shape.of(N, 1, BINS), w);
                TFloat64 hs = TensorArrays.float64(Shape.of(N, 1, BINS), h);
                TFloat64 ds = TensorArrays.float64(Shape.of(N, 1, BINS - 1), d);
                Result result = session.runner().feed(inputs, xs).feed(widths, ws)
                        .feed(heights, hs).feed(derivatives, ds).fetch(transform.outputs())
                        .fetch(transform.logAbsDet()).run()) {
            return new double[][] {TensorArrays.doubles(result.get(0)),
                TensorArrays.doubles(result.get(1))};
        }
    }

    private static Operand<TFloat32> constant(Ops tf, double[] values, int last) {
        return tf.reshape(tf.constant(toFloat(values)), tf.constant(new int[] {N, 1, last}));
    }

    private static float[] toFloat(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double[] uniform(SplittableRandom random, int n, double halfWidth) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = ((2 * random.nextDouble() - 1) * halfWidth);
        }
        return values;
    }
}
