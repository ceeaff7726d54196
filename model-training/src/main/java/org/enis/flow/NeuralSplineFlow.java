package org.enis.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Neural Spline Flow proposal density q(x) over a physical box, built in a TensorFlow graph.
 *
 * <p>Direction: the flow transform T maps a physical point x to base noise u; the density is
 * {@code log q(x) = log N(u; 0, I) + log |det dT/dx|}. In order, T applies the {@link BoxMap}
 * (x to z in {@code [-h, h]^D}), then per step a fixed permutation, an LU-parametrised linear map
 * {@code z W^T + b} with {@code W = L U} (L unit lower triangular, U upper triangular with
 * diagonal {@code softplus(.) + 1e-3}), and a rational-quadratic spline step with a masked
 * autoregressive or coupling conditioner; then a final permutation and linear map. Sampling runs
 * T backwards from given base noise; for the autoregressive conditioner that takes D network
 * passes per step.
 *
 * <p>All variables are created by the constructor, in a fixed order and with fixed names, either
 * with seeded random initial values (training) or with zeros to be restored from a checkpoint
 * (inference graph). Every variable is read through {@code identity} before use, which
 * TensorFlow Java 1.1.0 needs for gradients of some operations.
 */
public final class NeuralSplineFlow {

    /** How the variables of a new graph are initialised. */
    public enum Initialization {
        /** Seeded random values: the start of a training. */
        RANDOM,
        /** Zeros: the values are restored from a checkpoint before use. */
        ZEROS
    }

    /**
     * Sampled points with their log-density.
     *
     * @param x points in physical units, shape {@code [N, D]}
     * @param logQ {@code log q(x)}, shape {@code [N]}
     */
    public record Sample(Operand<TFloat32> x, Operand<TFloat32> logQ) {
    }

    private static final float LU_DIAGONAL_MINIMUM = 1e-3f;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Residual blocks start close to the identity: last layer weights in +-1e-3. */
    private static final double RESIDUAL_OUTPUT_INIT_BOUND = 1e-3;

    private final Ops tf;
    private final FlowConfig config;
    private final BoxMap box;
    private final RationalQuadraticSpline<TFloat32> spline;
    private final Initialization initialization;
    private final SplittableRandom random;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final List<FlowStep> steps = new ArrayList<>();
    private final LinearMap finalLinear;
    private final int[] finalPermutation;

    /**
     * Creates the flow's variables in the graph of {@code tf}.
     *
     * @param tf operation factory of the target graph
     * @param config architecture
     * @param box physical box and flow domain
     * @param initialization initial values of the variables
     * @throws IllegalArgumentException if the box dimension differs from the config's features
     */
    public NeuralSplineFlow(Ops tf, FlowConfig config, BoxMap box,
            Initialization initialization) {
        if (box.dimensions() != config.features()) {
            throw new IllegalArgumentException("box has " + box.dimensions()
                    + " dimensions but the flow has " + config.features() + " features");
        }
        this.tf = tf.withSubScope("flow");
        this.config = config;
        this.box = box;
        this.initialization = initialization;
        this.random = new SplittableRandom(config.seed());
        this.spline = new RationalQuadraticSpline<>(this.tf, TFloat32.class, config.bins(),
                config.tailBound());
        for (int s = 0; s < config.flowSteps(); s++) {
            steps.add(new FlowStep(s));
        }
        this.finalPermutation = randomPermutation(config.features());
        this.finalLinear = new LinearMap("final_linear");
    }

    /** @return the architecture */
    public FlowConfig config() {
        return config;
    }

    /** @return the physical box and flow domain */
    public BoxMap box() {
        return box;
    }

    /** @return all trainable variables, in creation order (names are stable) */
    public List<Variable<TFloat32>> variables() {
        return Collections.unmodifiableList(variables);
    }

    /**
     * Log-density of physical points.
     *
     * @param x points in physical units, shape {@code [N, D]}
     * @return {@code log q(x)}, shape {@code [N]}
     */
    public Operand<TFloat32> logProb(Operand<TFloat32> x) {
        Operand<TFloat32> z = tf.math.mul(tf.math.sub(x, boxCentre()), boxScale());
        List<Operand<TFloat32>> logDets = new ArrayList<>();
        for (FlowStep step : steps) {
            z = step.forward(z, logDets);
        }
        z = permute(z, finalPermutation);
        z = finalLinear.forward(z, logDets);
        logDets.add(baseLogProb(z));
        logDets.add(tf.constant((float) box.logAbsDetJacobian()));
        return sum(logDets);
    }

    /**
     * Transforms base noise into physical points.
     *
     * @param noise standard normal draws, shape {@code [N, D]}
     * @return the points and their log-density
     */
    public Sample sample(Operand<TFloat32> noise) {
        List<Operand<TFloat32>> inverseLogDets = new ArrayList<>();
        Operand<TFloat32> z = finalLinear.inverse(noise, inverseLogDets);
        z = permute(z, inverse(finalPermutation));
        for (int s = steps.size() - 1; s >= 0; s--) {
            z = steps.get(s).inverse(z, inverseLogDets);
        }
        Operand<TFloat32> x = tf.math.add(tf.math.div(z, boxScale()), boxCentre());
        Operand<TFloat32> logQ = tf.math.sub(baseLogProb(noise),
                sum(inverseLogDets));
        logQ = tf.math.add(logQ, tf.constant((float) box.logAbsDetJacobian()));
        return new Sample(x, logQ);
    }

    /** Sums per-row and constant log-determinants with broadcasting (AddN needs equal shapes). */
    private Operand<TFloat32> sum(List<Operand<TFloat32>> terms) {
        Operand<TFloat32> total = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            total = tf.math.add(total, terms.get(i));
        }
        return total;
    }

    private Operand<TFloat32> baseLogProb(Operand<TFloat32> u) {
        Operand<TFloat32> halfSquare = tf.math.mul(tf.constant(0.5f),
                tf.sum(tf.math.square(u), tf.constant(1), Sum.keepDims(false)));
        return tf.math.neg(tf.math.add(halfSquare,
                tf.constant((float) (config.features() * HALF_LOG_TWO_PI))));
    }

    private Operand<TFloat32> boxCentre() {
        float[] centre = new float[box.dimensions()];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = (float) box.centre(i);
        }
        return tf.constant(centre);
    }

    private Operand<TFloat32> boxScale() {
        float[] scale = new float[box.dimensions()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = (float) box.scale(i);
        }
        return tf.constant(scale);
    }

    private Operand<TFloat32> permute(Operand<TFloat32> z, int[] permutation) {
        return tf.gather(z, tf.constant(permutation), tf.constant(1));
    }

    private int[] randomPermutation(int n) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    private static int[] inverse(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    /**
     * A variable with uniform random initial values in {@code [-bound, bound]}. The values are
     * drawn in both initialisation modes: the permutations come from the same generator, and
     * an inference graph must draw the same permutations as the training graph it restores.
     */
    private Operand<TFloat32> newVariable(String name, Shape shape, double bound) {
        int size = (int) shape.size();
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return newVariable(name, shape, values);
    }

    private Operand<TFloat32> newVariable(String name, Shape shape, float[] values) {
        Operand<TFloat32> initial = initialization == Initialization.RANDOM
                ? tf.reshape(tf.constant(values), tf.constant(shape.asArray()))
                : tf.zeros(tf.constant(shape.asArray()), TFloat32.class);
        Variable<TFloat32> variable = tf.withName(name.replace('/', '.')).variable(initial);
        variables.add(variable);
        return tf.identity(variable);
    }

    private Operand<TFloat32> matMul(Operand<TFloat32> input, Operand<TFloat32> weight) {
        return tf.linalg.matMul(input, weight);
    }

    /** One step: permutation, linear map, spline with its conditioner. */
    private final class FlowStep {

        private final int[] permutation;
        private final LinearMap linear;
        private final ResidualNetwork conditioner;
        private final int[] identityFeatures;
        private final int[] transformedFeatures;

        FlowStep(int index) {
            String prefix = "step_" + index;
            this.permutation = randomPermutation(config.features());
            this.linear = new LinearMap(prefix + "/linear");
            int d = config.features();
            if (config.architecture() == FlowArchitecture.MASKED_AUTOREGRESSIVE) {
                this.identityFeatures = null;
                this.transformedFeatures = null;
                this.conditioner = new ResidualNetwork(prefix + "/made",
                        MadeMasks.create(d, config.hiddenFeatures(), config.blocks(),
                                config.splineParameters()));
            } else {
                int identityCount = config.couplingIdentityFeatures();
                boolean identityFirst = index % 2 == 0;
                this.identityFeatures = new int[identityCount];
                this.transformedFeatures = new int[d - identityCount];
                int firstTransformed = identityFirst ? identityCount : 0;
                int firstIdentity = identityFirst ? 0 : d - identityCount;
                for (int i = 0; i < identityCount; i++) {
                    identityFeatures[i] = firstIdentity + i;
                }
                for (int i = 0; i < d - identityCount; i++) {
                    transformedFeatures[i] = firstTransformed + i;
                }
                this.conditioner = new ResidualNetwork(prefix + "/coupling",
                        MadeMasks.dense(identityCount, config.hiddenFeatures(), config.blocks(),
                                (d - identityCount) * config.splineParameters()));
            }
        }

        Operand<TFloat32> forward(Operand<TFloat32> z, List<Operand<TFloat32>> logDets) {
            Operand<TFloat32> permuted = permute(z, permutation);
            Operand<TFloat32> mixed = linear.forward(permuted, logDets);
            if (identityFeatures == null) {
                RationalQuadraticSpline.Result<TFloat32> result =
                        autoregressiveSpline(mixed, mixed, false);
                logDets.add(rowSum(result.logAbsDet()));
                return result.outputs();
            }
            return coupling(mixed, false, logDets);
        }

        Operand<TFloat32> inverse(Operand<TFloat32> y, List<Operand<TFloat32>> logDets) {
            Operand<TFloat32> mixed;
            if (identityFeatures == null) {
                Operand<TFloat32> estimate = tf.zerosLike(y);
                RationalQuadraticSpline.Result<TFloat32> result = null;
                // Pass i fixes feature i, whose conditioner sees only features < i.
                for (int pass = 0; pass < config.features(); pass++) {
                    result = autoregressiveSpline(estimate, y, true);
                    estimate = result.outputs();
                }
                logDets.add(rowSum(result.logAbsDet()));
                mixed = estimate;
            } else {
                mixed = coupling(y, true, logDets);
            }
            Operand<TFloat32> permuted = linear.inverse(mixed, logDets);
            return permute(permuted, NeuralSplineFlow.inverse(permutation));
        }

        private RationalQuadraticSpline.Result<TFloat32> autoregressiveSpline(
                Operand<TFloat32> conditioning, Operand<TFloat32> inputs, boolean inverse) {
            Operand<TFloat32> parameters = tf.reshape(conditioner.apply(conditioning),
                    tf.constant(new int[] {-1, config.features(), config.splineParameters()}));
            return applySpline(inputs, parameters, inverse);
        }

        private Operand<TFloat32> coupling(Operand<TFloat32> z, boolean inverse,
                List<Operand<TFloat32>> logDets) {
            Operand<TFloat32> identityPart = tf.gather(z, tf.constant(identityFeatures),
                    tf.constant(1));
            Operand<TFloat32> transformedPart = tf.gather(z, tf.constant(transformedFeatures),
                    tf.constant(1));
            Operand<TFloat32> parameters = tf.reshape(conditioner.apply(identityPart),
                    tf.constant(new int[] {-1, transformedFeatures.length,
                        config.splineParameters()}));
            RationalQuadraticSpline.Result<TFloat32> result =
                    applySpline(transformedPart, parameters, inverse);
            logDets.add(rowSum(result.logAbsDet()));
            int[] order = new int[config.features()];
            for (int i = 0; i < identityFeatures.length; i++) {
                order[identityFeatures[i]] = i;
            }
            for (int i = 0; i < transformedFeatures.length; i++) {
                order[transformedFeatures[i]] = identityFeatures.length + i;
            }
            Operand<TFloat32> joined = tf.concat(List.of(identityPart, result.outputs()),
                    tf.constant(1));
            return tf.gather(joined, tf.constant(order), tf.constant(1));
        }

        private RationalQuadraticSpline.Result<TFloat32> applySpline(Operand<TFloat32> inputs,
                Operand<TFloat32> parameters, boolean inverse) {
            int k = config.bins();
            // Widths and heights are scaled down by sqrt(hidden) so that the initial spline is
            // close to uniform bins whatever the layer width.
            Operand<TFloat32> scale = tf.constant(
                    (float) (1 / Math.sqrt(config.hiddenFeatures())));
            Operand<TFloat32> widths = tf.math.mul(scale,
                    tf.stridedSlice(parameters, Indices.ellipsis(), Indices.sliceTo(k)));
            Operand<TFloat32> heights = tf.math.mul(scale,
                    tf.stridedSlice(parameters, Indices.ellipsis(), Indices.slice(k, 2 * k)));
            Operand<TFloat32> derivatives = tf.stridedSlice(parameters, Indices.ellipsis(),
                    Indices.sliceFrom(2 * k));
            return inverse
                    ? spline.inverse(inputs, widths, heights, derivatives)
                    : spline.forward(inputs, widths, heights, derivatives);
        }
    }

    private Operand<TFloat32> rowSum(Operand<TFloat32> values) {
        return tf.sum(values, tf.constant(1), Sum.keepDims(false));
    }

    /**
     * Invertible linear map {@code y = z W^T + b}, {@code W = L U}, stored as D(D-1)/2 lower
     * entries, D(D-1)/2 upper entries, D unconstrained diagonal values and D biases (the
     * parametrisation of Kingma and Dhariwal, arXiv:1807.03039). Starts at the identity.
     */
    private final class LinearMap {

        private final Operand<TFloat32> weight;
        private final Operand<TFloat32> bias;
        private final Operand<TFloat32> logAbsDet;

        LinearMap(String prefix) {
            int d = config.features();
            int triangle = d * (d - 1) / 2;
            float identityDiagonal = (float) Math.log(Math.expm1(1 - LU_DIAGONAL_MINIMUM));
            float[] diagonalInit = new float[d];
            Arrays.fill(diagonalInit, identityDiagonal);
            Operand<TFloat32> lowerEntries = newVariable(prefix + "/lower_entries",
                    Shape.of(triangle), new float[triangle]);
            Operand<TFloat32> upperEntries = newVariable(prefix + "/upper_entries",
                    Shape.of(triangle), new float[triangle]);
            Operand<TFloat32> diagonal = tf.math.add(tf.math.softplus(newVariable(
                    prefix + "/unconstrained_upper_diagonal", Shape.of(d),
                    initialization == Initialization.RANDOM ? diagonalInit : new float[d])),
                    tf.constant(LU_DIAGONAL_MINIMUM));
            this.bias = newVariable(prefix + "/bias", Shape.of(d), new float[d]);

            Operand<TFloat32> constants = tf.constant(new float[] {0f, 1f});
            Operand<TFloat32> lower = triangular(tf.concat(List.of(lowerEntries, constants),
                    tf.constant(0)), d, true);
            Operand<TFloat32> upper = triangular(tf.concat(List.of(upperEntries, diagonal,
                    constants), tf.constant(0)), d, false);
            this.weight = tf.linalg.matMul(lower, upper);
            this.logAbsDet = tf.sum(tf.math.log(diagonal), tf.constant(0));
        }

        /** Places the entries in a D x D matrix through a constant index table. */
        private Operand<TFloat32> triangular(Operand<TFloat32> entries, int d, boolean lower) {
            int triangle = d * (d - 1) / 2;
            int zeroIndex = lower ? triangle : triangle + d;
            int oneIndex = zeroIndex + 1;
            int[][] index = new int[d][d];
            int next = 0;
            for (int row = 0; row < d; row++) {
                for (int col = 0; col < d; col++) {
                    boolean strictlyLower = col < row;
                    boolean strictlyUpper = col > row;
                    if (row == col) {
                        index[row][col] = lower ? oneIndex : triangle + row;
                    } else if (lower ? strictlyLower : strictlyUpper) {
                        index[row][col] = next++;
                    } else {
                        index[row][col] = zeroIndex;
                    }
                }
            }
            return tf.gather(entries, tf.constant(index), tf.constant(0));
        }

        Operand<TFloat32> forward(Operand<TFloat32> z, List<Operand<TFloat32>> logDets) {
            logDets.add(logAbsDet);
            return tf.math.add(tf.linalg.matMul(z, weight, MatMul.transposeB(true)), bias);
        }

        Operand<TFloat32> inverse(Operand<TFloat32> y, List<Operand<TFloat32>> logDets) {
            logDets.add(tf.math.neg(logAbsDet));
            Operand<TFloat32> inverseWeight = tf.linalg.inv(weight);
            return tf.linalg.matMul(tf.math.sub(y, bias), inverseWeight,
                    MatMul.transposeB(true));
        }
    }

    /**
     * Residual conditioner: a linear input layer, pre-activation residual blocks
     * {@code h + W2 relu(W1 relu(h) + b1) + b2} and a linear output layer. Masks (constant 0/1
     * matrices multiplied into the weights) make it a MADE for the autoregressive variant.
     */
    private final class ResidualNetwork {

        private final List<Operand<TFloat32>> weights = new ArrayList<>();
        private final List<Operand<TFloat32>> biases = new ArrayList<>();

        ResidualNetwork(String prefix, MadeMasks masks) {
            List<float[][]> layerMasks = masks.layers();
            for (int layer = 0; layer < layerMasks.size(); layer++) {
                float[][] mask = layerMasks.get(layer);
                int in = mask.length;
                int out = mask[0].length;
                boolean residualOutput = layer > 0 && layer < layerMasks.size() - 1
                        && layer % 2 == 0;
                double bound = residualOutput ? RESIDUAL_OUTPUT_INIT_BOUND : 1 / Math.sqrt(in);
                String name = prefix + "/layer_" + layer;
                Operand<TFloat32> weight = newVariable(name + "/weight", Shape.of(in, out),
                        bound);
                Operand<TFloat32> bias = newVariable(name + "/bias", Shape.of(out), bound);
                weights.add(masks.masked() ? tf.math.mul(weight, tf.constant(mask)) : weight);
                biases.add(bias);
            }
        }

        Operand<TFloat32> apply(Operand<TFloat32> input) {
            Operand<TFloat32> hidden = layer(input, 0);
            int last = weights.size() - 1;
            for (int layer = 1; layer < last; layer += 2) {
                Operand<TFloat32> inner = layer(tf.nn.relu(hidden), layer);
                Operand<TFloat32> update = layer(tf.nn.relu(inner), layer + 1);
                hidden = tf.math.add(hidden, update);
            }
            return layer(hidden, last);
        }

        private Operand<TFloat32> layer(Operand<TFloat32> input, int index) {
            return tf.math.add(matMul(input, weights.get(index)), biases.get(index));
        }
    }
}
