package org.enis.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.enis.flow.internal.TensorArrays;
import org.enis.flow.internal.XlaCompilation;
import org.enis.physics.CcqeParameters;
import org.enis.physics.PhaseSpaceBox;
import org.enis.weights.CalibrationTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/** Export, then load in a fresh SavedModelBundle and through the loader. */
class SavedModelProposalTest {

    private static final FlowConfig CONFIG = new FlowConfig(FlowArchitecture.COUPLING, 4, 3, 1,
            16, 8, 5, 3, 21);
    private static final BoxMap BOX = new BoxMap(new double[] {-0.2, -0.2, -0.06, -0.0045},
            new double[] {10.2, 10.2, 3.2, 0.2295}, 3);
    private static final int N = 3000;

    private static Path directory;
    private static Path model;
    private static FlowHarness harness;
    private static String fingerprint;
    private String xlaSetting;

    @BeforeAll
    static void exportModel() throws IOException {
        directory = Files.createTempDirectory("saved-model-proposal-test");
        harness = new FlowHarness(CONFIG, BOX, 0.3, 5);
        Path prefix = directory.resolve("checkpoint").resolve("variables");
        Files.createDirectories(prefix.getParent());
        harness.session.save(prefix.toString());
        model = directory.resolve("model");
        fingerprint = SavedModelExport.export(CONFIG, BOX, prefix, model.resolve("saved_model"));
        manifest(fingerprint).write(model.resolve(ModelManifest.FILE_NAME));
    }

    @BeforeEach
    void rememberXlaSetting() {
        xlaSetting = System.getProperty(XlaCompilation.PROPERTY);
    }

    @AfterEach
    void restoreXlaSetting() {
        if (xlaSetting == null) {
            System.clearProperty(XlaCompilation.PROPERTY);
        } else {
            System.setProperty(XlaCompilation.PROPERTY, xlaSetting);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        harness.close();
        deleteTree(directory);
    }

    static ModelManifest manifest(String fingerprint) {
        CcqeParameters parameters = CcqeParameters.defaults();
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "test-model", "0.0.1",
                fingerprint, "saved_model", List.of("sample", "sample_from_noise", "log_q"),
                CONFIG, CONFIG.parameterCount(), BOX,
                new ModelManifest.Physics(parameters.toCanonicalString(), "flat-flux-v1;0.0,10.0",
                        PhaseSpaceBox.generation(parameters).toCanonicalString(),
                        PhaseSpaceBox.background(parameters).toCanonicalString(),
                        List.of("E_nu [GeV]", "p_mu [GeV/c]", "theta_mu [rad]", "p_N [GeV/c]")),
                new ModelManifest.Training(10, 2, 100, 10, 0.05, 1e-3, "cosine decay to 0", 1,
                        -1.5, 3.0, "train --steps 10"),
                new ModelManifest.Calibration(CalibrationTable.of(new double[] {0, 1, 2}, 1.0),
                        7, 1.0, 0.0));
    }

    @Test
    void freshBundleGivesIdenticalNumbers() {
        float[] noise = NeuralSplineFlowTest.gaussian(N * 4, 8);
        float[][] expected = harness.sample(noise);
        float[] expectedLogQ = harness.logQ(expected[0]);
        double[] noise64 = new double[noise.length];
        double[] x64 = new double[noise.length];
        for (int i = 0; i < noise.length; i++) {
            noise64[i] = noise[i];
            x64[i] = expected[0][i];
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(
                model.resolve("saved_model").toString(), "serve");
                TFloat64 noiseTensor = TensorArrays.float64(Shape.of(N, 4), noise64);
                TFloat64 xTensor = TensorArrays.float64(Shape.of(N, 4), x64);
                Result sampled = bundle.function("sample_from_noise")
                        .call(Map.of("noise", noiseTensor));
                Result evaluated = bundle.function("log_q").call(Map.of("x", xTensor))) {
            double[] x = TensorArrays.doubles(sampled.get("x").orElseThrow());
            double[] logQ = TensorArrays.doubles(sampled.get("log_q").orElseThrow());
            double[] logQOfX = TensorArrays.doubles(evaluated.get("log_q").orElseThrow());
            for (int i = 0; i < N * 4; i++) {
                assertThat((float) x[i]).isEqualTo(expected[0][i]);
            }
            for (int i = 0; i < N; i++) {
                assertThat((float) logQ[i]).isEqualTo(expected[1][i]);
                assertThat((float) logQOfX[i]).isEqualTo(expectedLogQ[i]);
            }
        }
    }

    @Test
    void loaderValidatesAndSamplesDeterministically() throws IOException {
        try (SavedModelProposal proposal = SavedModelProposal.load(model)) {
            assertThat(proposal.manifest()).isEqualTo(manifest(fingerprint));
            assertThat(proposal.dimensions()).isEqualTo(4);
            int count = SavedModelProposal.CHUNK_SIZE + 500;
            SavedModelProposal.Batch first = proposal.sample(123L, count);
            SavedModelProposal.Batch second = proposal.sample(123L, count);
            SavedModelProposal.Batch other = proposal.sample(124L, count);
            assertThat(second.columns()).isDeepEqualTo(first.columns());
            assertThat(second.logQ()).isEqualTo(first.logQ());
            assertThat(other.neutrinoEnergyGeV()[0]).isNotEqualTo(first.neutrinoEnergyGeV()[0]);
            // the second chunk is not a copy of the first
            assertThat(first.logQ()[SavedModelProposal.CHUNK_SIZE]).isNotEqualTo(first.logQ()[0]);

            double[] eNu = new double[count + 3];
            double[] pMu = new double[count + 3];
            double[] theta = new double[count + 3];
            double[] pN = new double[count + 3];
            double[] logQ = new double[count + 3];
            proposal.sample(123L, count, eNu, pMu, theta, pN, logQ, 3);
            assertThat(eNu[3 + 77]).isEqualTo(first.neutrinoEnergyGeV()[77]);
            assertThat(pN[3 + count - 1]).isEqualTo(first.nucleonMomentumGeV()[count - 1]);
            assertThat(logQ[3 + 5]).isEqualTo(first.logQ()[5]);

            double[] evaluated = new double[count];
            proposal.logQ(first.neutrinoEnergyGeV(), first.muonMomentumGeV(),
                    first.muonAngleRad(), first.nucleonMomentumGeV(), evaluated, 0, count);
            for (int i = 0; i < count; i++) {
                assertThat(evaluated[i]).isCloseTo(first.logQ()[i],
                        within(2e-3 + 2e-4 * Math.abs(first.logQ()[i])));
            }
        }
    }

    @Test
    void xlaCompiledAndPlainExecutorAgree() throws IOException {
        int count = 5000;
        SavedModelProposal.Batch plain;
        double[] plainLogQ = new double[count];
        System.setProperty(XlaCompilation.PROPERTY, "false");
        try (SavedModelProposal proposal = SavedModelProposal.load(model)) {
            plain = proposal.sample(99L, count);
            proposal.logQ(plain.columns(), plainLogQ, 0, count);
        }
        System.setProperty(XlaCompilation.PROPERTY, "true");
        try (SavedModelProposal proposal = SavedModelProposal.load(model)) {
            SavedModelProposal.Batch compiled = proposal.sample(99L, count);
            double[] compiledLogQ = new double[count];
            proposal.logQ(plain.columns(), compiledLogQ, 0, count);
            for (int i = 0; i < count; i++) {
                // float32 inside: the two executors differ only by rounding
                assertThat(compiledLogQ[i]).isCloseTo(plainLogQ[i],
                        within(1e-4 + 1e-5 * Math.abs(plainLogQ[i])));
                assertThat(compiled.logQ()[i]).isCloseTo(plain.logQ()[i],
                        within(1e-3 + 1e-4 * Math.abs(plain.logQ()[i])));
                assertThat(compiled.muonAngleRad()[i]).isCloseTo(plain.muonAngleRad()[i],
                        within(1e-5));
            }
        }
    }

    @Test
    void rowCountsAreRoundedToFewShapes() {
        assertThat(SavedModelProposal.bucketed(0)).isZero();
        assertThat(SavedModelProposal.bucketed(1)).isEqualTo(1);
        assertThat(SavedModelProposal.bucketed(3)).isEqualTo(4);
        assertThat(SavedModelProposal.bucketed(1024)).isEqualTo(1024);
        assertThat(SavedModelProposal.bucketed(1025)).isEqualTo(2048);
        assertThat(SavedModelProposal.bucketed(2049)).isEqualTo(4096);
        assertThat(SavedModelProposal.bucketed(5500)).isEqualTo(6144);
        assertThat(SavedModelProposal.bucketed(SavedModelProposal.CHUNK_SIZE))
                .isEqualTo(SavedModelProposal.CHUNK_SIZE);
    }

    @Test
    void xlaSettingMustBeTrueOrFalse() {
        System.setProperty(XlaCompilation.PROPERTY, "yes");
        assertThatThrownBy(XlaCompilation::enabled)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enis.xla must be true or false, got 'yes'");
    }

    @Test
    void loaderRejectsBadInput() throws IOException {
        try (SavedModelProposal proposal = SavedModelProposal.load(model)) {
            assertThatThrownBy(() -> proposal.sample(1L, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("count must be >= 0, got -1");
            double[] column = {1, 2};
            double[] bad = {1, Double.NaN};
            assertThatThrownBy(() -> proposal.logQ(column, column, bad, column, new double[2], 0,
                    2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("coordinate 2 of point 1 must be finite, got NaN");
            assertThatThrownBy(() -> proposal.sample(1L, 10, column, column, column, column,
                    new double[10], 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("coordinate array 0 has length 2, needs at least 10");
        }
    }

    @Test
    void missingOrCorruptModelsGiveClearErrors() throws IOException {
        assertThatThrownBy(() -> SavedModelProposal.load(directory.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist or is not a directory");

        Path copy = copyModel("no-manifest");
        Files.delete(copy.resolve(ModelManifest.FILE_NAME));
        assertThatThrownBy(() -> SavedModelProposal.load(copy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json does not exist");

        Path garbled = copyModel("garbled");
        Files.writeString(garbled.resolve(ModelManifest.FILE_NAME), "{\"formatVersion\": 1,");
        assertThatThrownBy(() -> SavedModelProposal.load(garbled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid manifest");

        Path wrongPrint = copyModel("fingerprint");
        manifest("0".repeat(64)).write(wrongPrint.resolve(ModelManifest.FILE_NAME));
        assertThatThrownBy(() -> SavedModelProposal.load(wrongPrint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but the manifest says 0000")
                .hasMessageContaining("changed or corrupted");

        Path noGraph = copyModel("no-graph");
        Files.delete(noGraph.resolve("saved_model").resolve("saved_model.pb"));
        assertThatThrownBy(() -> SavedModelProposal.load(noGraph))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is incomplete")
                .hasMessageContaining("saved_model.pb is missing");

        Path corrupt = copyModel("corrupt");
        Files.write(corrupt.resolve("saved_model").resolve("saved_model.pb"),
                new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> SavedModelProposal.load(corrupt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be loaded (corrupt?)");
    }

    @Test
    void manifestRoundTripsAndValidates() throws IOException {
        ModelManifest read = ModelManifest.read(model.resolve(ModelManifest.FILE_NAME));
        assertThat(read).isEqualTo(manifest(fingerprint));
        ModelManifest good = manifest(fingerprint);
        ModelManifest badVersion = new ModelManifest(2, good.modelName(), good.modelVersion(),
                good.fingerprint(), good.savedModelDirectory(), good.signatures(), good.flow(),
                good.parameterCount(), good.box(), good.physics(), good.training(),
                good.calibration());
        assertThatThrownBy(badVersion::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatVersion must be 1, got 2");
        ModelManifest badCount = new ModelManifest(1, good.modelName(), good.modelVersion(),
                good.fingerprint(), good.savedModelDirectory(), good.signatures(), good.flow(),
                12, good.box(), good.physics(), good.training(), good.calibration());
        assertThatThrownBy(badCount::validate).hasMessageContaining("parameterCount 12");
        ModelManifest escaping = new ModelManifest(1, good.modelName(), good.modelVersion(),
                good.fingerprint(), "../elsewhere", good.signatures(), good.flow(),
                good.parameterCount(), good.box(), good.physics(), good.training(),
                good.calibration());
        assertThatThrownBy(escaping::validate).hasMessageContaining("savedModelDirectory");
    }

    private static Path copyModel(String name) throws IOException {
        Path target = directory.resolve(name);
        try (Stream<Path> files = Files.walk(model)) {
            for (Path source : files.toList()) {
                Files.copy(source, target.resolve(model.relativize(source).toString()));
            }
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
