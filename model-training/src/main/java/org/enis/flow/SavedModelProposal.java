package org.enis.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.enis.flow.internal.TensorArrays;
import org.enis.flow.internal.XlaCompilation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A trained proposal q(x) loaded from a model directory ({@code manifest.json} plus the
 * SavedModel it names): seeded batch sampling with log q, and log q of given points, in
 * physical units.
 *
 * <p>Points are structures of arrays, one array per variable, in the order of the shared
 * contract: {@code E_nu} (GeV), {@code p_mu} (GeV/c), {@code theta_mu} (rad), {@code p_N}
 * (GeV/c). Work is done in chunks of {@value #CHUNK_SIZE} points, the size at which TensorFlow
 * evaluates the flow fastest on a CPU, each rounded up to one of a few row counts (see
 * {@link #SHAPE_BUCKET} and {@link XlaCompilation}); every tensor is closed after use.
 *
 * <p>Sampling is deterministic: the same seed and count give bit-identical points and log q on
 * the same machine and TensorFlow build. Chunk k of a call uses the stateless Philox key
 * {@code (seed, k)}, so calls with different seeds give independent points; give every call
 * its own seed (for example a counter).
 *
 * <p>Example:
 * <pre>{@code
 * try (SavedModelProposal proposal = SavedModelProposal.load(Path.of("models/ccqe-numubar-c12"))) {
 *     int n = 100_000;
 *     double[] eNu = new double[n], pMu = new double[n], theta = new double[n], pN = new double[n];
 *     double[] logQ = new double[n];
 *     proposal.sample(42L, n, eNu, pMu, theta, pN, logQ, 0);
 *     // importance weight of point i: p(x_i) / q(x_i) = p(x_i) * exp(-logQ[i])
 *     double k = 1 / proposal.manifest().calibration().table().row(0.99).thresholdWeight();
 * }
 * }</pre>
 *
 * <p>Thread-safe: TensorFlow sessions accept concurrent runs. Close it to free the native
 * memory.
 */
public final class SavedModelProposal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavedModelProposal.class);

    /** Points per TensorFlow call. */
    public static final int CHUNK_SIZE = 16_384;
    /**
     * A call's row count is rounded up to a power of two up to this, to a multiple of it
     * above: XLA compiles the graph once per input shape, so a few fixed shapes keep it from
     * compiling again for every odd count, while small calls do at most twice their work.
     */
    public static final int SHAPE_BUCKET = 2_048;
    /** Dimensions of the CCQE variables the structure-of-arrays methods take. */
    public static final int CCQE_DIMENSIONS = 4;

    /**
     * Points with their log-density, one array per variable.
     *
     * @param columns {@code columns[d][i]}: coordinate d of point i, physical units
     * @param logQ {@code log q(x_i)}
     */
    public record Batch(double[][] columns, double[] logQ) {

        /** @return number of points */
        public int size() {
            return logQ.length;
        }

        /** @return {@code E_nu} in GeV */
        public double[] neutrinoEnergyGeV() {
            return columns[0];
        }

        /** @return {@code p_mu} in GeV/c */
        public double[] muonMomentumGeV() {
            return columns[1];
        }

        /** @return {@code theta_mu} in rad */
        public double[] muonAngleRad() {
            return columns[2];
        }

        /** @return {@code p_N} in GeV/c */
        public double[] nucleonMomentumGeV() {
            return columns[3];
        }
    }

    private final SavedModelBundle bundle;
    private final ModelManifest manifest;
    private final Session session;
    private final int dimensions;
    private final String countInput;
    private final String seedInput;
    private final String sampleX;
    private final String sampleLogQ;
    private final String logQInput;
    private final String logQOutput;

    private SavedModelProposal(SavedModelBundle bundle, ModelManifest manifest) {
        this.bundle = bundle;
        this.manifest = manifest;
        this.session = bundle.session();
        this.dimensions = manifest.flow().features();
        Signature sample = signature(bundle, SavedModelExport.SAMPLE);
        Signature logQ = signature(bundle, SavedModelExport.LOG_Q_SIGNATURE);
        this.countInput = tensorName(sample.getInputs(), SavedModelExport.COUNT);
        this.seedInput = tensorName(sample.getInputs(), SavedModelExport.SEED);
        this.sampleX = tensorName(sample.getOutputs(), SavedModelExport.X);
        this.sampleLogQ = tensorName(sample.getOutputs(), SavedModelExport.LOG_Q);
        this.logQInput = tensorName(logQ.getInputs(), SavedModelExport.X);
        this.logQOutput = tensorName(logQ.getOutputs(), SavedModelExport.LOG_Q);
        signature(bundle, SavedModelExport.SAMPLE_FROM_NOISE);
    }

    /**
     * Loads a model directory, validating the manifest, the files, the signatures and the
     * fingerprint of the variables.
     *
     * @param modelDirectory directory holding {@code manifest.json} and the SavedModel
     * @return the proposal; close it
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the directory, the manifest or the SavedModel is
     *     missing or corrupt, or the variables do not match the manifest's fingerprint
     */
    public static SavedModelProposal load(Path modelDirectory) throws IOException {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        if (!Files.isDirectory(modelDirectory)) {
            throw new IllegalArgumentException("model directory " + modelDirectory
                    + " does not exist or is not a directory");
        }
        ModelManifest manifest = ModelManifest.read(
                modelDirectory.resolve(ModelManifest.FILE_NAME));
        Path savedModel = modelDirectory.resolve(manifest.savedModelDirectory());
        for (Path required : new Path[] {savedModel.resolve("saved_model.pb"),
            savedModel.resolve("variables").resolve("variables.index")}) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalArgumentException("model directory " + modelDirectory
                        + " is incomplete: " + required + " is missing");
            }
        }
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.loader(savedModel.toString()).withTags(SavedModelExport.TAG)
                    .withConfigProto(XlaCompilation.sessionConfig()).load();
        } catch (TensorFlowException e) {
            throw new IllegalArgumentException("the SavedModel in " + savedModel
                    + " cannot be loaded (corrupt?): " + e.getMessage(), e);
        }
        try {
            String fingerprint = VariableFingerprint.of(bundle.session(), bundle.graph());
            if (!fingerprint.equals(manifest.fingerprint())) {
                throw new IllegalArgumentException("the variables in " + savedModel
                        + " have fingerprint " + fingerprint + " but the manifest says "
                        + manifest.fingerprint() + ": the files were changed or corrupted");
            }
            SavedModelProposal proposal = new SavedModelProposal(bundle, manifest);
            LOG.info("Loaded proposal {} {} ({}, {} parameters) from {}",
                    manifest.modelName(), manifest.modelVersion(),
                    manifest.flow().architecture(), manifest.parameterCount(), modelDirectory);
            return proposal;
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** @return the validated manifest */
    public ModelManifest manifest() {
        return manifest;
    }

    /** @return number of variables D of a point */
    public int dimensions() {
        return dimensions;
    }

    /**
     * Samples points with their log-density into new arrays.
     *
     * @param seed seed; the same seed and count give the same points
     * @param count number of points, &gt;= 0
     * @return the points
     * @throws IllegalArgumentException if count is negative
     */
    public Batch sample(long seed, int count) {
        checkCount(count);
        double[][] columns = new double[dimensions][count];
        double[] logQ = new double[count];
        sample(seed, count, columns, logQ, 0);
        return new Batch(columns, logQ);
    }

    /**
     * Samples points of the four CCQE variables with their log-density into caller arrays.
     *
     * @param seed seed; the same seed and count give the same points
     * @param count number of points, &gt;= 0
     * @param neutrinoEnergyGeV receives {@code E_nu} at {@code [offset, offset + count)}
     * @param muonMomentumGeV receives {@code p_mu}
     * @param muonAngleRad receives {@code theta_mu}
     * @param nucleonMomentumGeV receives {@code p_N}
     * @param logQ receives {@code log q(x)}
     * @param offset first index written
     * @throws IllegalArgumentException if count is negative, an array is too short, or the
     *     model does not have four dimensions
     */
    public void sample(long seed, int count, double[] neutrinoEnergyGeV,
            double[] muonMomentumGeV, double[] muonAngleRad, double[] nucleonMomentumGeV,
            double[] logQ, int offset) {
        requireCcqe();
        sample(seed, count, new double[][] {neutrinoEnergyGeV, muonMomentumGeV, muonAngleRad,
            nucleonMomentumGeV}, logQ, offset);
    }

    /**
     * Samples points with their log-density into caller arrays.
     *
     * @param seed seed; the same seed and count give the same points
     * @param count number of points, &gt;= 0
     * @param columns {@code columns[d]} receives coordinate d at {@code [offset, offset+count)}
     * @param logQ receives {@code log q(x)}
     * @param offset first index written
     * @throws IllegalArgumentException if count is negative or an array is too short
     */
    public void sample(long seed, int count, double[][] columns, double[] logQ, int offset) {
        checkCount(count);
        checkArrays(columns, logQ, offset, offset + count);
        int chunks = (count + CHUNK_SIZE - 1) / CHUNK_SIZE;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int start = chunk * CHUNK_SIZE;
            int n = Math.min(CHUNK_SIZE, count - start);
            try (TInt32 countTensor = TInt32.scalarOf(bucketed(n));
                    TInt64 seedTensor = TInt64.vectorOf(seed, chunk);
                    Result result = session.runner().feed(countInput, countTensor)
                            .feed(seedInput, seedTensor).fetch(sampleX).fetch(sampleLogQ)
                            .run()) {
                double[] x = TensorArrays.doubles(result.get(0));
                double[] chunkLogQ = TensorArrays.doubles(result.get(1));
                scatter(x, n, columns, offset + start);
                System.arraycopy(chunkLogQ, 0, logQ, offset + start, n);
            }
        }
    }

    /**
     * Log-density of points of the four CCQE variables.
     *
     * @param neutrinoEnergyGeV {@code E_nu} in GeV
     * @param muonMomentumGeV {@code p_mu} in GeV/c
     * @param muonAngleRad {@code theta_mu} in rad
     * @param nucleonMomentumGeV {@code p_N} in GeV/c
     * @param out receives {@code log q(x_i)}
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @throws IllegalArgumentException if a coordinate is NaN or infinite, an array is too
     *     short, or the model does not have four dimensions
     */
    public void logQ(double[] neutrinoEnergyGeV, double[] muonMomentumGeV,
            double[] muonAngleRad, double[] nucleonMomentumGeV, double[] out, int from, int to) {
        requireCcqe();
        logQ(new double[][] {neutrinoEnergyGeV, muonMomentumGeV, muonAngleRad,
            nucleonMomentumGeV}, out, from, to);
    }

    /**
     * Log-density of points.
     *
     * @param columns {@code columns[d][i]}: coordinate d of point i, physical units
     * @param out receives {@code log q(x_i)} for i in {@code [from, to)}
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @throws IllegalArgumentException if a coordinate is NaN or infinite or an array is too
     *     short
     */
    public void logQ(double[][] columns, double[] out, int from, int to) {
        checkArrays(columns, out, from, to);
        double[] x = new double[bucketed(Math.min(CHUNK_SIZE, Math.max(0, to - from)))
                * dimensions];
        for (int start = from; start < to; start += CHUNK_SIZE) {
            int n = Math.min(CHUNK_SIZE, to - start);
            int rows = bucketed(n);
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dimensions; d++) {
                    double value = columns[d][start + i];
                    if (!Double.isFinite(value)) {
                        throw new IllegalArgumentException("coordinate " + d + " of point "
                                + (start + i) + " must be finite, got " + value);
                    }
                    x[i * dimensions + d] = value;
                }
            }
            // Padding rows repeat the first point; their log q is computed and dropped.
            for (int i = n; i < rows; i++) {
                System.arraycopy(x, 0, x, i * dimensions, dimensions);
            }
            try (TFloat64 input = TensorArrays.float64(Shape.of(rows, dimensions), x);
                    Result result = session.runner().feed(logQInput, input).fetch(logQOutput)
                            .run()) {
                System.arraycopy(TensorArrays.doubles(result.get(0)), 0, out, start, n);
            }
        }
    }

    @Override
    public void close() {
        bundle.close();
    }

    /**
     * Rows to run for n points: the next power of two up to {@link #SHAPE_BUCKET}, the next
     * multiple of it above.
     */
    static int bucketed(int n) {
        if (n <= 1) {
            return n;
        }
        if (n <= SHAPE_BUCKET) {
            return Integer.highestOneBit(n - 1) << 1;
        }
        return (n + SHAPE_BUCKET - 1) / SHAPE_BUCKET * SHAPE_BUCKET;
    }

    private void scatter(double[] rowMajor, int n, double[][] columns, int offset) {
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                columns[d][offset + i] = rowMajor[i * dimensions + d];
            }
        }
    }

    private void requireCcqe() {
        if (dimensions != CCQE_DIMENSIONS) {
            throw new IllegalArgumentException("the model has " + dimensions
                    + " dimensions, not the 4 CCQE variables; use the double[][] methods");
        }
    }

    private static void checkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    private void checkArrays(double[][] columns, double[] values, int from, int to) {
        if (columns.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " coordinate arrays, "
                    + "got " + columns.length);
        }
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is invalid");
        }
        for (int d = 0; d < dimensions; d++) {
            if (columns[d].length < to) {
                throw new IllegalArgumentException("coordinate array " + d + " has length "
                        + columns[d].length + ", needs at least " + to);
            }
        }
        if (values.length < to) {
            throw new IllegalArgumentException("log q array has length " + values.length
                    + ", needs at least " + to);
        }
    }

    private static Signature signature(SavedModelBundle bundle, String key) {
        return bundle.signatures().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the SavedModel has no signature '" + key + "'"));
    }

    private static String tensorName(Map<String, Signature.TensorDescription> tensors,
            String key) {
        Signature.TensorDescription description = tensors.get(key);
        if (description == null) {
            throw new IllegalArgumentException("the SavedModel signature lacks tensor '" + key
                    + "'");
        }
        return description.name;
    }
}
