package org.enis.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.enis.flow.internal.TensorArrays;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A flow in its own graph and session, with every parameter set to random values. */
final class FlowHarness implements AutoCloseable {

    final Graph graph = new Graph();
    final NeuralSplineFlow flow;
    final Session session;
    private final int features;
    private final Placeholder<TFloat32> noise;
    private final Placeholder<TFloat32> points;
    private final NeuralSplineFlow.Sample sample;
    private final Operand<TFloat32> logQ;

    /**
     * @param parameterScale half-width of the uniform random values given to every variable,
     *     0 to keep the initial values
     */
    FlowHarness(FlowConfig config, BoxMap box, double parameterScale, long seed) {
        Ops tf = Ops.create(graph);
        features = config.features();
        flow = new NeuralSplineFlow(tf, config, box, NeuralSplineFlow.Initialization.RANDOM);
        noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
        points = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, features)));
        sample = flow.sample(noise);
        logQ = flow.logProb(points);
        List<Op> assignments = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (Variable<TFloat32> variable : flow.variables()) {
            float[] values = new float[(int) variable.shape().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * parameterScale);
            }
            assignments.add(tf.assign(variable, tf.reshape(tf.constant(values),
                    tf.constant(variable.shape().asArray()))));
        }
        session = new Session(graph);
        session.initialize();
        if (parameterScale > 0) {
            Session.Runner runner = session.runner();
            assignments.forEach(runner::addTarget);
            runner.run().close();
        }
    }

    /** Returns {x (row-major), logQ} for the given noise. */
    float[][] sample(float[] baseNoise) {
        int n = baseNoise.length / features;
        try (TFloat32 input = TensorArrays.float32(Shape.of(n, features), baseNoise);
                Result result = session.runner().feed(noise, input).fetch(sample.x())
                        .fetch(sample.logQ()).run()) {
            return new float[][] {TensorArrays.floats(result.get(0)),
                TensorArrays.floats(result.get(1))};
        }
    }

    float[] logQ(float[] x) {
        int n = x.length / features;
        try (TFloat32 input = TensorArrays.float32(Shape.of(n, features), x);
                Result result = session.runner().feed(points, input).fetch(logQ).run()) {
            return TensorArrays.floats(result.get(0));
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
