package org.enis.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.enis.weights.CalibrationTable;

/**
 * {@code manifest.json} of a trained proposal model directory: what the model is, what it was
 * trained on and how well it does.
 *
 * <p>Fields (JSON names as the record components):
 * <ul>
 *   <li>{@code formatVersion}: {@value #FORMAT_VERSION};</li>
 *   <li>{@code modelName}, {@code modelVersion}: identity of the model;</li>
 *   <li>{@code fingerprint}: SHA-256 of the exported variables (see
 *       {@link SavedModelProposal#load}, which recomputes it);</li>
 *   <li>{@code savedModelDirectory}: the SavedModel, relative to the manifest;</li>
 *   <li>{@code signatures}: the SavedModel signatures (see {@link SavedModelExport});</li>
 *   <li>{@code flow}, {@code parameterCount}, {@code box}: the architecture, its parameter
 *       count and the physical box mapped onto the flow domain;</li>
 *   <li>{@code physics}: the target density the model was trained for;</li>
 *   <li>{@code training}: hyperparameters, steps, seed, final loss, wall time;</li>
 *   <li>{@code calibration}: Table I of the paper on fresh proposals, the share of zero
 *       weights and the integral of p from the weights against the physics module's; null only
 *       while the model is being built (the trainer writes the manifest once before and once
 *       after calibrating).</li>
 * </ul>
 *
 * @param formatVersion manifest format version
 * @param modelName model name, e.g. {@code ccqe-numubar-c12}
 * @param modelVersion model version
 * @param fingerprint SHA-256 of the variables, 64 hex digits
 * @param savedModelDirectory SavedModel directory relative to the manifest
 * @param signatures SavedModel signature names
 * @param flow architecture
 * @param parameterCount number of trainable parameters
 * @param box physical box mapped onto the flow domain
 * @param physics target density the model was trained for
 * @param training how it was trained
 * @param calibration how well it does; null before calibration
 */
public record ModelManifest(
        @JsonProperty("formatVersion") int formatVersion,
        @JsonProperty("modelName") String modelName,
        @JsonProperty("modelVersion") String modelVersion,
        @JsonProperty("fingerprint") String fingerprint,
        @JsonProperty("savedModelDirectory") String savedModelDirectory,
        @JsonProperty("signatures") List<String> signatures,
        @JsonProperty("flow") FlowConfig flow,
        @JsonProperty("parameterCount") long parameterCount,
        @JsonProperty("box") BoxMap box,
        @JsonProperty("physics") Physics physics,
        @JsonProperty("training") Training training,
        @JsonProperty("calibration") Calibration calibration) {

    /** The manifest format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** File name of the manifest in a model directory. */
    public static final String FILE_NAME = "manifest.json";

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * The physics the model was trained for, in the physics module's canonical text forms
     * ({@code CcqeParameters.parse}, {@code Flux.parse}, {@code PhaseSpaceBox.parse}).
     *
     * @param parameters CCQE model parameters
     * @param flux neutrino flux
     * @param generationBox box of the generated variables (p = 0 outside)
     * @param backgroundBox box of the uniform background density
     * @param variables names and units of the variables, in order
     */
    public record Physics(
            @JsonProperty("parameters") String parameters,
            @JsonProperty("flux") String flux,
            @JsonProperty("generationBox") String generationBox,
            @JsonProperty("backgroundBox") String backgroundBox,
            @JsonProperty("variables") List<String> variables) {
    }

    /**
     * How the model was trained.
     *
     * @param steps optimisation steps
     * @param warmupSteps of which warm-up steps
     * @param batchSize points per step from p_bg or q
     * @param backgroundBatchSize background points per step
     * @param alpha background share of the learnt target (Eq. 7)
     * @param learningRate initial Adam learning rate
     * @param schedule learning-rate schedule
     * @param seed seed of every random draw
     * @param finalLoss loss of the last step, nats
     * @param wallTimeSeconds training wall time
     * @param command command line that trains this model
     */
    public record Training(
            @JsonProperty("steps") int steps,
            @JsonProperty("warmupSteps") int warmupSteps,
            @JsonProperty("batchSize") int batchSize,
            @JsonProperty("backgroundBatchSize") int backgroundBatchSize,
            @JsonProperty("alpha") double alpha,
            @JsonProperty("learningRate") double learningRate,
            @JsonProperty("schedule") String schedule,
            @JsonProperty("seed") long seed,
            @JsonProperty("finalLoss") double finalLoss,
            @JsonProperty("wallTimeSeconds") double wallTimeSeconds,
            @JsonProperty("command") String command) {
    }

    /**
     * Calibration of the proposal on fresh points.
     *
     * @param table Table I of the paper, zero share and integral from the weights
     * @param calibrationSeed seed of the calibration sample
     * @param referenceIntegral the physics module's integral of p
     * @param integralPull {@code (integral - reference) / standard error}
     */
    public record Calibration(
            @JsonProperty("table") CalibrationTable table,
            @JsonProperty("calibrationSeed") long calibrationSeed,
            @JsonProperty("referenceIntegral") double referenceIntegral,
            @JsonProperty("integralPull") double integralPull) {
    }

    /** Copies the signature list. */
    @JsonCreator
    public ModelManifest {
        signatures = signatures == null ? null : List.copyOf(signatures);
    }

    /**
     * Checks that the manifest is complete and consistent.
     *
     * @return this manifest
     * @throws IllegalArgumentException naming the first bad field
     */
    public ModelManifest validate() {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("manifest formatVersion must be "
                    + FORMAT_VERSION + ", got " + formatVersion);
        }
        require(modelName != null && NAME.matcher(modelName).matches(),
                "modelName must match " + NAME + ", got " + modelName);
        require(modelVersion != null && !modelVersion.isBlank(),
                "modelVersion must not be blank");
        require(fingerprint != null && SHA_256.matcher(fingerprint).matches(),
                "fingerprint must be 64 lower-case hex digits, got " + fingerprint);
        require(savedModelDirectory != null && NAME.matcher(savedModelDirectory).matches(),
                "savedModelDirectory must be a plain relative name, got " + savedModelDirectory);
        require(signatures != null && signatures.containsAll(List.of(SavedModelExport.SAMPLE,
                SavedModelExport.SAMPLE_FROM_NOISE, SavedModelExport.LOG_Q_SIGNATURE)),
                "signatures must list " + SavedModelExport.SAMPLE + ", "
                        + SavedModelExport.SAMPLE_FROM_NOISE + " and "
                        + SavedModelExport.LOG_Q_SIGNATURE + ", got " + signatures);
        require(flow != null, "flow is missing");
        require(parameterCount == flow.parameterCount(), "parameterCount " + parameterCount
                + " does not match the flow configuration (" + flow.parameterCount() + ")");
        require(box != null && box.dimensions() == flow.features(), "box must have "
                + flow.features() + " dimensions, got " + box);
        require(box.halfWidth() == flow.domainHalfWidth(), "box halfWidth " + box.halfWidth()
                + " differs from the flow's domainHalfWidth " + flow.domainHalfWidth());
        require(physics != null && physics.parameters() != null
                && physics.generationBox() != null && physics.backgroundBox() != null,
                "physics must give parameters, generationBox and backgroundBox");
        require(training != null && training.steps() > 0, "training must give steps > 0");
        require(calibration == null || calibration.table() != null
                && !calibration.table().rows().isEmpty(), "calibration table is empty");
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid manifest: " + message);
        }
    }

    /**
     * Reads and validates a manifest.
     *
     * @param file the manifest file
     * @return the manifest
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is missing, not valid JSON or invalid
     */
    public static ModelManifest read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try {
            return mapper().readValue(Files.readString(file), ModelManifest.class).validate();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model manifest " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model manifest " + file + " is not a valid "
                    + "manifest: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Validates and writes this manifest.
     *
     * @param file the manifest file (replaced)
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        validate();
        Files.writeString(file, mapper().writeValueAsString(this) + System.lineSeparator());
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
