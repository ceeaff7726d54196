package org.enis.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Architecture of the Neural Spline Flow proposal q(x).
 *
 * <p>The flow has {@code flowSteps} steps; each step is a fixed random permutation, an
 * LU-parametrised invertible linear map and a monotonic rational-quadratic spline transformer
 * with {@code bins} bins on {@code [-tailBound, tailBound]} (identity outside), whose widths,
 * heights and derivatives come from a residual conditioner network with {@code blocks} blocks
 * of {@code hiddenFeatures} units. A final permutation and linear map follow the last step. The
 * physical box is mapped affinely onto {@code [-domainHalfWidth, domainHalfWidth]} in every
 * dimension before the first step. With the defaults of the ENIS paper (5 steps, 2 blocks, 32
 * hidden features, 8 bins, masked autoregressive) the flow has 37,220 parameters in four
 * dimensions, the figure quoted in section IV.A of the paper.
 *
 * @param architecture conditioner variant
 * @param features number of dimensions D of x (4 for the CCQE variables)
 * @param flowSteps number of spline steps, at least 1
 * @param blocks residual blocks per conditioner, at least 1
 * @param hiddenFeatures units per hidden layer, at least 2
 * @param bins spline bins K, at least 2
 * @param tailBound spline interval half-width B, &gt; 0
 * @param domainHalfWidth half-width of the flow domain the physical box is mapped to, &gt; 0
 * @param seed seed of the permutations and of the initial parameters
 */
public record FlowConfig(
        @JsonProperty("architecture") FlowArchitecture architecture,
        @JsonProperty("features") int features,
        @JsonProperty("flowSteps") int flowSteps,
        @JsonProperty("blocks") int blocks,
        @JsonProperty("hiddenFeatures") int hiddenFeatures,
        @JsonProperty("bins") int bins,
        @JsonProperty("tailBound") double tailBound,
        @JsonProperty("domainHalfWidth") double domainHalfWidth,
        @JsonProperty("seed") long seed) {

    /** Dimensions of the CCQE generated variables (E_nu, p_mu, theta_mu, p_N). */
    public static final int CCQE_FEATURES = 4;
    /** Flow steps of the paper. */
    public static final int FLOW_STEPS_DEFAULT = 5;
    /** Residual blocks per conditioner of the paper. */
    public static final int BLOCKS_DEFAULT = 2;
    /** Hidden features of the paper. */
    public static final int HIDDEN_FEATURES_DEFAULT = 32;
    /** Spline bins of the paper. */
    public static final int BINS_DEFAULT = 8;
    /** Spline tail bound B: the standard normal base has 6e-7 of its mass outside +-5. */
    public static final double TAIL_BOUND_DEFAULT = 5.0;
    /** The physical box maps to [-3, 3]^D, well inside the spline interval. */
    public static final double DOMAIN_HALF_WIDTH_DEFAULT = 3.0;
    /** Largest accepted number of dimensions, steps, blocks, units or bins. */
    public static final int SIZE_LIMIT = 4096;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the bad field, its value and the allowed range
     */
    @JsonCreator
    public FlowConfig {
        Objects.requireNonNull(architecture, "architecture");
        checkRange("features", features, 2);
        checkRange("flowSteps", flowSteps, 1);
        checkRange("blocks", blocks, 1);
        checkRange("hiddenFeatures", hiddenFeatures, 2);
        checkRange("bins", bins, 2);
        if (!(tailBound > 0) || Double.isInfinite(tailBound)) {
            throw new IllegalArgumentException(
                    "tailBound must be finite and > 0, got " + tailBound);
        }
        if (!(domainHalfWidth > 0) || domainHalfWidth > tailBound) {
            throw new IllegalArgumentException("domainHalfWidth must be in (0, tailBound = "
                    + tailBound + "], got " + domainHalfWidth);
        }
    }

    /**
     * The paper's configuration for the four CCQE variables.
     *
     * @param architecture conditioner variant
     * @param seed seed of permutations and initial parameters
     * @return 5 steps, 2 blocks, 32 hidden features, 8 bins
     */
    public static FlowConfig paperDefaults(FlowArchitecture architecture, long seed) {
        return new FlowConfig(architecture, CCQE_FEATURES, FLOW_STEPS_DEFAULT, BLOCKS_DEFAULT,
                HIDDEN_FEATURES_DEFAULT, BINS_DEFAULT, TAIL_BOUND_DEFAULT,
                DOMAIN_HALF_WIDTH_DEFAULT, seed);
    }

    /**
     * Spline parameters per transformed feature: K widths, K heights and K - 1 interior
     * derivatives (the boundary derivatives are 1 to match the identity tails).
     *
     * @return {@code 3 K - 1}
     */
    public int splineParameters() {
        return 3 * bins - 1;
    }

    /**
     * Number of features a coupling step leaves unchanged: the first half, rounded down.
     *
     * @return {@code D / 2}
     */
    public int couplingIdentityFeatures() {
        return features / 2;
    }

    /**
     * Number of trainable parameters, counted as the graph builder creates them.
     *
     * @return parameter count (37,220 for the paper's configuration)
     */
    public long parameterCount() {
        int conditionerInputs = architecture == FlowArchitecture.MASKED_AUTOREGRESSIVE
                ? features : couplingIdentityFeatures();
        int conditionerOutputs = (architecture == FlowArchitecture.MASKED_AUTOREGRESSIVE
                ? features : features - couplingIdentityFeatures()) * splineParameters();
        long h = hiddenFeatures;
        long conditioner = (conditionerInputs + 1L) * h
                + blocks * 2L * (h * h + h)
                + (h + 1L) * conditionerOutputs;
        long linear = (long) features * (features - 1) + 2L * features;
        return flowSteps * (conditioner + linear) + linear;
    }

    private static void checkRange(String name, int value, int min) {
        if (value < min || value > SIZE_LIMIT) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + SIZE_LIMIT + "], got " + value);
        }
    }
}
