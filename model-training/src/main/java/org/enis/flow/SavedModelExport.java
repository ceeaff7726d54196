package org.enis.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Exports a trained proposal as an inference-only TensorFlow SavedModel (tag {@code serve}).
 *
 * <p>The exported graph is built afresh by {@link NeuralSplineFlow} with zero-initialised
 * variables that are then restored from the training checkpoint, so it holds no optimizer state
 * and no gradient operations. Its signatures take and return float64 tensors in physical units
 * (the flow computes in float32 inside):
 * <ul>
 *   <li>{@value #SAMPLE}: inputs {@value #COUNT} (int32 scalar) and {@value #SEED} (int64
 *       {@code [2]}, the key of TensorFlow's stateless Philox normal generator); outputs
 *       {@value #X} {@code [count, D]} and {@value #LOG_Q} {@code [count]};</li>
 *   <li>{@value #SAMPLE_FROM_NOISE}: input {@value #NOISE} {@code [N, D]} of standard normal
 *       base draws; outputs {@value #X} and {@value #LOG_Q};</li>
 *   <li>{@value #LOG_Q_SIGNATURE}: input {@value #X} {@code [N, D]}; output {@value #LOG_Q}
 *       {@code [N]}.</li>
 * </ul>
 */
public final class SavedModelExport {

    /** Signature: sample from a count and a seed. */
    public static final String SAMPLE = "sample";
    /** Signature: sample from given base noise. */
    public static final String SAMPLE_FROM_NOISE = "sample_from_noise";
    /** Signature: log q of given points. */
    public static final String LOG_Q_SIGNATURE = "log_q";
    /** Input: number of points to sample. */
    public static final String COUNT = "count";
    /** Input: stateless random seed, two int64 values. */
    public static final String SEED = "seed";
    /** Input: standard normal base noise. */
    public static final String NOISE = "noise";
    /** Input or output: points in physical units. */
    public static final String X = "x";
    /** Output: natural log of the proposal density in physical units. */
    public static final String LOG_Q = "log_q";
    /** SavedModel tag. */
    public static final String TAG = "serve";

    private SavedModelExport() {
    }

    /**
     * Restores the flow's variables from a checkpoint and writes the SavedModel.
     *
     * @param config architecture of the trained flow
     * @param box physical box and flow domain of the trained flow
     * @param checkpointPrefix prefix of the saved training variables
     * @param directory output directory; must not exist or be empty
     * @return the SHA-256 fingerprint of the exported variables
     * @throws IOException if the directory cannot be written
     * @throws IllegalArgumentException if the directory exists and is not empty
     */
    public static String export(FlowConfig config, BoxMap box, Path checkpointPrefix,
            Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            "SavedModel directory " + directory + " must be empty");
                }
            }
        }
        try (Graph graph = new Graph()) {
            List<Signature> signatures = buildInferenceGraph(graph, config, box);
            try (Session session = new Session(graph)) {
                session.restore(checkpointPrefix.toString());
                SavedModelBundle.Exporter exporter = SavedModelBundle.exporter(
                        directory.toString()).withTags(TAG).withSession(session);
                for (Signature signature : signatures) {
                    exporter.withSignature(signature);
                }
                exporter.export();
                return VariableFingerprint.of(session, graph);
            }
        }
    }

    /**
     * Builds the inference graph: the flow with zero variables and the three signatures.
     *
     * @param graph empty graph to build into
     * @param config architecture
     * @param box physical box and flow domain
     * @return the signatures
     */
    static List<Signature> buildInferenceGraph(Graph graph, FlowConfig config, BoxMap box) {
        Ops tf = Ops.create(graph);
        NeuralSplineFlow flow = new NeuralSplineFlow(tf, config, box,
                NeuralSplineFlow.Initialization.ZEROS);
        int d = config.features();

        Placeholder<TInt32> count = tf.withName(COUNT).placeholder(TInt32.class,
                Placeholder.shape(Shape.scalar()));
        Placeholder<TInt64> seed = tf.withName(SEED).placeholder(TInt64.class,
                Placeholder.shape(Shape.of(2)));
        Operand<TInt32> shape = tf.concat(List.of(tf.reshape(count, tf.constant(new int[] {1})),
                tf.constant(new int[] {d})), tf.constant(0));
        // One sampling subgraph serves both signatures: fed noise replaces the seeded draws.
        Operand<TFloat64> seededNoise = tf.dtypes.cast(
                tf.random.statelessRandomNormal(shape, seed, TFloat32.class), TFloat64.class);
        Operand<TFloat64> noise = tf.withName(NOISE).placeholderWithDefault(seededNoise,
                Shape.of(-1, d));
        NeuralSplineFlow.Sample sample = flow.sample(tf.dtypes.cast(noise, TFloat32.class));
        Operand<TFloat64> sampleX = toDouble(tf, sample.x());
        Operand<TFloat64> sampleLogQ = toDouble(tf, sample.logQ());

        Placeholder<TFloat64> x = tf.withName(X).placeholder(TFloat64.class,
                Placeholder.shape(Shape.of(-1, d)));
        Operand<TFloat32> logQ = flow.logProb(tf.dtypes.cast(x, TFloat32.class));

        return List.of(
                Signature.builder(SAMPLE).input(COUNT, count).input(SEED, seed)
                        .output(X, sampleX).output(LOG_Q, sampleLogQ).build(),
                Signature.builder(SAMPLE_FROM_NOISE).input(NOISE, noise)
                        .output(X, sampleX).output(LOG_Q, sampleLogQ).build(),
                Signature.builder(LOG_Q_SIGNATURE).input(X, x)
                        .output(LOG_Q, toDouble(tf, logQ)).build());
    }

    private static Operand<TFloat64> toDouble(Ops tf, Operand<TFloat32> value) {
        return tf.dtypes.cast(value, TFloat64.class);
    }
}
