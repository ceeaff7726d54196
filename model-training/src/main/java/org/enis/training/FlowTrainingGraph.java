package org.enis.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enis.flow.BoxMap;
import org.enis.flow.FlowConfig;
import org.enis.flow.NeuralSplineFlow;
import org.enis.flow.internal.TensorArrays;
import org.enis.flow.internal.XlaCompilation;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of the proposal flow: sampling from base noise, log q, the weighted loss
 * {@code -sum_i w_i log q(x_i)} (weights fed in, normalised by the caller to sum to 1) and an
 * Adam step (Kingma and Ba, arXiv:1412.6980) whose learning rate is fed at every step so that
 * any schedule can drive it.
 *
 * <p>Owns its graph and session; close it.
 */
final class FlowTrainingGraph implements AutoCloseable {

    static final float BETA_ONE = 0.9f;
    static final float BETA_TWO = 0.999f;
    static final float EPSILON = 1e-8f;

    private final Graph graph;
    private final Session session;
    private final NeuralSplineFlow flow;
    private final int features;
    private final Placeholder<TFloat32> noise;
    private final Placeholder<TFloat32> points;
    private final Placeholder<TFloat32> weights;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> betaOnePower;
    private final Placeholder<TFloat32> betaTwoPower;
    private final NeuralSplineFlow.Sample sample;
    private final Operand<TFloat32> logQ;
    private final Operand<TFloat32> loss;
    private final Op trainStep;

    FlowTrainingGraph(FlowConfig config, BoxMap box) {
        this.graph = new Graph();
        this.features = config.features();
        try {
            Ops tf = Ops.create(graph);
            this.flow = new NeuralSplineFlow(tf, config, box,
                    NeuralSplineFlow.Initialization.RANDOM);
            this.noise = tf.withName("noise").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, features)));
            this.points = tf.withName("points").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, features)));
            this.weights = tf.withName("weights").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1)));
            this.learningRate = scalar(tf, "learning_rate");
            this.betaOnePower = scalar(tf, "beta_one_power");
            this.betaTwoPower = scalar(tf, "beta_two_power");
            this.sample = flow.sample(noise);
            this.logQ = flow.logProb(points);
            this.loss = tf.withName("loss").math.neg(
                    tf.sum(tf.math.mul(weights, logQ), tf.constant(0), Sum.keepDims(false)));
            this.trainStep = adamStep(tf);
            this.session = new Session(graph, XlaCompilation.sessionConfig());
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static Placeholder<TFloat32> scalar(Ops tf, String name) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    private Op adamStep(Ops tf) {
        List<Variable<TFloat32>> variables = flow.variables();
        Output<?>[] outputs = new Output<?>[variables.size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = variables.get(i).asOutput();
        }
        Output<?>[] gradients = graph.addGradients(loss.asOutput(), outputs);
        List<Op> updates = new ArrayList<>();
        Ops adam = tf.withSubScope("adam");
        for (int i = 0; i < outputs.length; i++) {
            Variable<TFloat32> variable = variables.get(i);
            String name = variable.op().name().replace('/', '.');
            Shape shape = variable.shape();
            Variable<TFloat32> firstMoment = adam.withName(name + ".m").variable(
                    adam.zeros(adam.constant(shape.asArray()), TFloat32.class));
            Variable<TFloat32> secondMoment = adam.withName(name + ".v").variable(
                    adam.zeros(adam.constant(shape.asArray()), TFloat32.class));
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gradient = (Operand<TFloat32>) gradients[i];
            updates.add(adam.train.applyAdam(variable, firstMoment, secondMoment, betaOnePower,
                    betaTwoPower, learningRate, adam.constant(BETA_ONE), adam.constant(BETA_TWO),
                    adam.constant(EPSILON), gradient));
        }
        return tf.withControlDependencies(updates).withName("train_step").noOp();
    }

    /** @return the flow whose variables this graph trains */
    NeuralSplineFlow flow() {
        return flow;
    }

    /**
     * Samples the flow.
     *
     * @param baseNoise standard normal draws, row-major {@code [n, D]}
     * @param n number of points
     * @param x receives the points, row-major {@code [n, D]}, physical units
     * @param logDensity receives {@code log q(x)}
     */
    void sample(float[] baseNoise, int n, float[] x, float[] logDensity) {
        try (TFloat32 noiseTensor = TensorArrays.float32(Shape.of(n, features), baseNoise);
                Result result = session.runner().feed(noise, noiseTensor)
                        .fetch(sample.x()).fetch(sample.logQ()).run()) {
            System.arraycopy(TensorArrays.floats(result.get(0)), 0, x, 0, n * features);
            System.arraycopy(TensorArrays.floats(result.get(1)), 0, logDensity, 0, n);
        }
    }

    /**
     * Evaluates log q.
     *
     * @param x points, row-major {@code [n, D]}, physical units
     * @param n number of points
     * @return {@code log q(x)}
     */
    float[] logDensity(float[] x, int n) {
        try (TFloat32 pointTensor = TensorArrays.float32(Shape.of(n, features), x);
                Result result = session.runner().feed(points, pointTensor).fetch(logQ).run()) {
            return TensorArrays.floats(result.get(0));
        }
    }

    /**
     * One Adam step on {@code -sum_i w_i log q(x_i)}.
     *
     * @param x points, row-major {@code [n, D]}
     * @param w weights of the points, summing to 1
     * @param n number of points
     * @param rate learning rate of this step
     * @param step 1-based Adam step count (for the bias corrections)
     * @return the loss before the update
     */
    double train(float[] x, float[] w, int n, double rate, long step) {
        float beta1Power = (float) Math.pow(BETA_ONE, step);
        float beta2Power = (float) Math.pow(BETA_TWO, step);
        try (TFloat32 pointTensor = TensorArrays.float32(Shape.of(n, features), x);
                TFloat32 weightTensor = TensorArrays.float32(Shape.of(n), w);
                TFloat32 rateTensor = TFloat32.scalarOf((float) rate);
                TFloat32 power1 = TFloat32.scalarOf(beta1Power);
                TFloat32 power2 = TFloat32.scalarOf(beta2Power);
                Result result = session.runner().feed(points, pointTensor)
                        .feed(weights, weightTensor).feed(learningRate, rateTensor)
                        .feed(betaOnePower, power1).feed(betaTwoPower, power2)
                        .addTarget(trainStep).fetch(loss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /**
     * Current values of the flow's variables, in the flow's order.
     *
     * @return one row-major array per variable
     */
    List<float[]> variableValues() {
        Session.Runner runner = session.runner();
        for (Variable<TFloat32> variable : flow.variables()) {
            runner.fetch(variable);
        }
        List<float[]> values = new ArrayList<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < result.size(); i++) {
                Tensor tensor = result.get(i);
                values.add(TensorArrays.floats(tensor));
            }
        }
        return values;
    }

    /**
     * Saves every variable, Adam moments included.
     *
     * @param prefix checkpoint prefix
     */
    void save(Path prefix) {
        session.save(prefix.toString());
    }

    /**
     * Restores every variable saved by {@link #save}.
     *
     * @param prefix checkpoint prefix
     */
    void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
