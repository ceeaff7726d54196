package org.enis.flow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;

/**
 * Monotonic rational-quadratic spline transformer of Neural Spline Flows (Durkan, Bekasov,
 * Murray, Papamakarios, arXiv:1906.04032, section 3.1), built as TensorFlow graph operations.
 *
 * <p>The spline maps {@code [-B, B]} onto itself through K rational-quadratic segments (Gregory
 * and Delbourgo parametrisation) and is the identity outside, with derivative 1 at both ends so
 * that the map is continuously differentiable. Its knots come from unnormalised parameters
 * produced by a conditioner network:
 * <ul>
 *   <li>{@code binWidths = minBinWidth + (1 - minBinWidth K) softmax(unnormalizedWidths)},
 *       scaled to the interval, likewise {@code binHeights};</li>
 *   <li>{@code knotDerivatives = minDerivative + softplus(unnormalizedDerivatives)} at the K - 1
 *       interior knots.</li>
 * </ul>
 * In bin k with left knot (x_k, y_k), width w_k, height h_k, slope s_k = h_k / w_k and knot
 * derivatives d_k, d_k+1, for {@code xi = (x - x_k) / w_k}:
 * <pre>{@code
 * y = y_k + h_k (s_k xi^2 + d_k xi (1 - xi)) / (s_k + (d_k+1 + d_k - 2 s_k) xi (1 - xi))
 * dy/dx = s_k^2 (d_k+1 xi^2 + 2 s_k xi (1 - xi) + d_k (1 - xi)^2)
 *         / (s_k + (d_k+1 + d_k - 2 s_k) xi (1 - xi))^2
 * }</pre>
 * The inverse solves the quadratic for xi with the numerically stable root
 * {@code xi = 2c / (-b - sqrt(b^2 - 4ac))}.
 *
 * <p>Shapes: inputs {@code [N, M]}; widths and heights {@code [N, M, K]}; derivatives
 * {@code [N, M, K - 1]}. The bin of each input is selected with a one-hot mask built from
 * comparisons against the knots, so that every operation on the path to the parameters has a
 * gradient in TensorFlow's C++ gradient registry.
 */
public final class RationalQuadraticSpline<T extends TFloating> {

    /** Smallest bin width, as a fraction of the interval. */
    public static final double MIN_BIN_WIDTH = 1e-3;
    /** Smallest bin height, as a fraction of the interval. */
    public static final double MIN_BIN_HEIGHT = 1e-3;
    /** Smallest derivative at an interior knot. */
    public static final double MIN_DERIVATIVE = 1e-3;

    /**
     * Output of the transformer.
     *
     * @param outputs transformed values, shape {@code [N, M]}
     * @param logAbsDet elementwise {@code log |dy/dx|} (forward) or {@code log |dx/dy|} (inverse),
     *     shape {@code [N, M]}
     */
    public record Result<T extends TFloating>(Operand<T> outputs, Operand<T> logAbsDet) {
    }

    private final Ops tf;
    private final Class<T> type;
    private final int bins;
    private final double tailBound;

    /**
     * Creates a builder of spline operations.
     *
     * @param tf operation factory of the target graph
     * @param type floating-point type of the tensors (float32 in the flow)
     * @param bins number of bins K, at least 2
     * @param tailBound half-width B of the spline interval, &gt; 0
     * @throws IllegalArgumentException if bins or tailBound are out of range
     */
    public RationalQuadraticSpline(Ops tf, Class<T> type, int bins, double tailBound) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        if (!(tailBound > 0) || Double.isInfinite(tailBound)) {
            throw new IllegalArgumentException(
                    "tailBound must be finite and > 0, got " + tailBound);
        }
        if (bins * MIN_BIN_WIDTH >= 1) {
            throw new IllegalArgumentException("bins must be < " + (int) (1 / MIN_BIN_WIDTH)
                    + " for the minimal bin width, got " + bins);
        }
        this.tf = tf;
        this.type = type;
        this.bins = bins;
        this.tailBound = tailBound;
    }

    /**
     * Forward transform x -&gt; y.
     *
     * @param inputs x, shape {@code [N, M]}
     * @param unnormalizedWidths shape {@code [N, M, K]}
     * @param unnormalizedHeights shape {@code [N, M, K]}
     * @param unnormalizedDerivatives shape {@code [N, M, K - 1]}
     * @return y and {@code log |dy/dx|}
     */
    public Result<T> forward(Operand<T> inputs, Operand<T> unnormalizedWidths,
            Operand<T> unnormalizedHeights, Operand<T> unnormalizedDerivatives) {
        return transform(inputs, unnormalizedWidths, unnormalizedHeights, unnormalizedDerivatives,
                false);
    }

    /**
     * Inverse transform y -&gt; x.
     *
     * @param inputs y, shape {@code [N, M]}
     * @param unnormalizedWidths shape {@code [N, M, K]}
     * @param unnormalizedHeights shape {@code [N, M, K]}
     * @param unnormalizedDerivatives shape {@code [N, M, K - 1]}
     * @return x and {@code log |dx/dy|}
     */
    public Result<T> inverse(Operand<T> inputs, Operand<T> unnormalizedWidths,
            Operand<T> unnormalizedHeights, Operand<T> unnormalizedDerivatives) {
        return transform(inputs, unnormalizedWidths, unnormalizedHeights, unnormalizedDerivatives,
                true);
    }

    private Result<T> transform(Operand<T> inputs, Operand<T> unnormalizedWidths,
            Operand<T> unnormalizedHeights, Operand<T> unnormalizedDerivatives,
            boolean inverse) {
        Operand<T> lowerBound = constant(-tailBound);
        Operand<T> upperBound = constant(tailBound);
        Operand<TBool> inside = tf.math.logicalAnd(
                tf.math.greaterEqual(inputs, lowerBound), tf.math.lessEqual(inputs, upperBound));
        // The spline is evaluated on clamped values everywhere so that the branch discarded by
        // the select below stays finite and its zero gradient does not turn into NaN.
        Operand<T> clamped = tf.math.minimum(tf.math.maximum(inputs, lowerBound),
                upperBound);

        Operand<T> knotsX = knots(unnormalizedWidths, MIN_BIN_WIDTH);
        Operand<T> knotsY = knots(unnormalizedHeights, MIN_BIN_HEIGHT);
        Operand<T> derivatives = knotDerivatives(unnormalizedDerivatives);

        Operand<T> location = tf.expandDims(clamped, tf.constant(-1));
        Operand<T> binMask = binMask(location, inverse ? knotsY : knotsX);
        Operand<T> leftX = select(binMask, leftEdges(knotsX));
        Operand<T> binWidth = tf.math.sub(select(binMask, rightEdges(knotsX)), leftX);
        Operand<T> leftY = select(binMask, leftEdges(knotsY));
        Operand<T> binHeight = tf.math.sub(select(binMask, rightEdges(knotsY)), leftY);
        Operand<T> leftDerivative = select(binMask, leftEdges(derivatives));
        Operand<T> rightDerivative = select(binMask, rightEdges(derivatives));
        Operand<T> slope = tf.math.div(binHeight, binWidth);

        Result<T> inside01 = inverse
                ? inverseInBin(clamped, leftX, binWidth, leftY, binHeight, leftDerivative,
                        rightDerivative, slope)
                : forwardInBin(clamped, leftX, binWidth, leftY, binHeight, leftDerivative,
                        rightDerivative, slope);

        Operand<T> outputs = tf.select(inside, inside01.outputs(), inputs);
        Operand<T> logAbsDet = tf.select(inside, inside01.logAbsDet(),
                zerosShapedLike(inputs));
        return new Result<>(outputs, logAbsDet);
    }

    private Result<T> forwardInBin(Operand<T> x, Operand<T> leftX,
            Operand<T> binWidth, Operand<T> leftY, Operand<T> binHeight,
            Operand<T> leftDerivative, Operand<T> rightDerivative,
            Operand<T> slope) {
        Operand<T> xi = tf.math.div(tf.math.sub(x, leftX), binWidth);
        Operand<T> xiOneMinusXi = tf.math.mul(xi, tf.math.sub(constant(1), xi));
        Operand<T> denominator = denominator(slope, leftDerivative, rightDerivative,
                xiOneMinusXi);

        Operand<T> numerator = tf.math.mul(binHeight, tf.math.add(
                tf.math.mul(slope, tf.math.square(xi)),
                tf.math.mul(leftDerivative, xiOneMinusXi)));
        Operand<T> y = tf.math.add(leftY, tf.math.div(numerator, denominator));

        Operand<T> logDerivative = logDerivative(xi, xiOneMinusXi, slope, leftDerivative,
                rightDerivative, denominator);
        return new Result<>(y, logDerivative);
    }

    private Result<T> inverseInBin(Operand<T> y, Operand<T> leftX,
            Operand<T> binWidth, Operand<T> leftY, Operand<T> binHeight,
            Operand<T> leftDerivative, Operand<T> rightDerivative,
            Operand<T> slope) {
        Operand<T> offset = tf.math.sub(y, leftY);
        Operand<T> curvature = tf.math.sub(tf.math.add(leftDerivative, rightDerivative),
                tf.math.mul(constant(2), slope));
        Operand<T> offsetCurvature = tf.math.mul(offset, curvature);

        Operand<T> a = tf.math.add(
                tf.math.mul(binHeight, tf.math.sub(slope, leftDerivative)), offsetCurvature);
        Operand<T> b = tf.math.sub(tf.math.mul(binHeight, leftDerivative),
                offsetCurvature);
        Operand<T> c = tf.math.neg(tf.math.mul(slope, offset));
        Operand<T> discriminant = tf.math.maximum(
                tf.math.sub(tf.math.square(b), tf.math.mul(constant(4), tf.math.mul(a, c))),
                constant(0));
        Operand<T> xi = tf.math.div(tf.math.mul(constant(2), c),
                tf.math.sub(tf.math.neg(b), tf.math.sqrt(discriminant)));
        Operand<T> x = tf.math.add(tf.math.mul(xi, binWidth), leftX);

        Operand<T> xiOneMinusXi = tf.math.mul(xi, tf.math.sub(constant(1), xi));
        Operand<T> denominator = denominator(slope, leftDerivative, rightDerivative,
                xiOneMinusXi);
        Operand<T> logDerivative = logDerivative(xi, xiOneMinusXi, slope, leftDerivative,
                rightDerivative, denominator);
        return new Result<>(x, tf.math.neg(logDerivative));
    }

    private Operand<T> denominator(Operand<T> slope,
            Operand<T> leftDerivative, Operand<T> rightDerivative,
            Operand<T> xiOneMinusXi) {
        Operand<T> curvature = tf.math.sub(tf.math.add(leftDerivative, rightDerivative),
                tf.math.mul(constant(2), slope));
        return tf.math.add(slope, tf.math.mul(curvature, xiOneMinusXi));
    }

    private Operand<T> logDerivative(Operand<T> xi, Operand<T> xiOneMinusXi,
            Operand<T> slope, Operand<T> leftDerivative,
            Operand<T> rightDerivative, Operand<T> denominator) {
        Operand<T> oneMinusXi = tf.math.sub(constant(1), xi);
        Operand<T> numerator = tf.math.mul(tf.math.square(slope), tf.math.addN(List.of(
                tf.math.mul(rightDerivative, tf.math.square(xi)),
                tf.math.mul(tf.math.mul(constant(2), slope), xiOneMinusXi),
                tf.math.mul(leftDerivative, tf.math.square(oneMinusXi)))));
        return tf.math.sub(tf.math.log(numerator),
                tf.math.mul(constant(2), tf.math.log(denominator)));
    }

    /** K + 1 knot positions from -B to B, exact at both ends; shape {@code [N, M, K + 1]}. */
    private Operand<T> knots(Operand<T> unnormalized, double minFraction) {
        Operand<T> fractions = tf.math.add(constant(minFraction),
                tf.math.mul(constant(1 - minFraction * bins), tf.nn.softmax(unnormalized)));
        Operand<T> cumulative = tf.math.cumsum(fractions, tf.constant(-1));
        Operand<T> interior = tf.math.sub(
                tf.math.mul(constant(2 * tailBound),
                        tf.stridedSlice(cumulative, Indices.ellipsis(), Indices.sliceTo(bins - 1))),
                constant(tailBound));
        Operand<T> edge = zerosShapedLike(
                tf.stridedSlice(cumulative, Indices.ellipsis(), Indices.sliceTo(1)));
        return tf.concat(List.of(tf.math.sub(edge, constant(tailBound)), interior,
                tf.math.add(edge, constant(tailBound))), tf.constant(-1));
    }

    /** Derivatives at all K + 1 knots, 1 at both ends; shape {@code [N, M, K + 1]}. */
    private Operand<T> knotDerivatives(Operand<T> unnormalized) {
        Operand<T> interior = tf.math.add(constant(MIN_DERIVATIVE),
                tf.math.softplus(unnormalized));
        Operand<T> one = tf.math.add(zerosShapedLike(
                tf.stridedSlice(unnormalized, Indices.ellipsis(), Indices.sliceTo(1))),
                constant(1));
        return tf.concat(List.of(one, interior, one), tf.constant(-1));
    }

    /**
     * One-hot mask of the bin holding each location, shape {@code [N, M, K]}: the indicator of
     * {@code location >= left edge} minus that of the next edge. Locations are clamped to the
     * interval, so exactly one bin is selected, the last one at {@code +B}.
     */
    private Operand<T> binMask(Operand<T> location, Operand<T> knots) {
        Operand<T> edges = tf.stopGradient(leftEdges(knots));
        Operand<T> atOrAbove = tf.dtypes.cast(tf.math.greaterEqual(location, edges),
                type);
        Operand<T> next = tf.concat(List.of(
                tf.stridedSlice(atOrAbove, Indices.ellipsis(), Indices.sliceFrom(1)),
                zerosShapedLike(
                        tf.stridedSlice(atOrAbove, Indices.ellipsis(), Indices.sliceTo(1)))),
                tf.constant(-1));
        return tf.stopGradient(tf.math.sub(atOrAbove, next));
    }

    /**
     * Zeros of the shape of {@code values}, as {@code 0 * values}: unlike ZerosLike and OnesLike,
     * multiplication has a gradient in the C++ registry, which needs one for every operation
     * between the loss and the variables.
     */
    private Operand<T> zerosShapedLike(Operand<T> values) {
        return tf.math.mul(constant(0), values);
    }

    private Operand<T> constant(double value) {
        return tf.dtypes.cast(tf.constant(value), type);
    }

    private Operand<T> select(Operand<T> binMask, Operand<T> values) {
        return tf.sum(tf.math.mul(binMask, values), tf.constant(-1), Sum.keepDims(false));
    }

    private Operand<T> leftEdges(Operand<T> knots) {
        return tf.stridedSlice(knots, Indices.ellipsis(), Indices.sliceTo(bins));
    }

    private Operand<T> rightEdges(Operand<T> knots) {
        return tf.stridedSlice(knots, Indices.ellipsis(), Indices.sliceFrom(1));
    }
}
