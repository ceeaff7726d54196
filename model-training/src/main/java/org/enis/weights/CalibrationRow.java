package org.enis.weights;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Figures of merit of rejection sampling from a proposal at one quantile of its weights, as in
 * Table I of the ENIS paper.
 *
 * @param quantile Q in (0, 1]
 * @param thresholdWeight {@code w_Q}, the Q-quantile of the weights (rejection constant
 *     {@code k = 1 / w_Q}, Eq. 8)
 * @param acceptance mean of {@code min(w / w_Q, 1)}
 * @param coverage {@code sum min(w, w_Q) / sum w} (Eq. 9)
 * @param effectiveSampleSizeRatio {@code (sum w')^2 / (N sum w'^2)} of the clipped weights
 *     (Eq. 10 over N)
 */
public record CalibrationRow(
        @JsonProperty("quantile") double quantile,
        @JsonProperty("thresholdWeight") double thresholdWeight,
        @JsonProperty("acceptance") double acceptance,
        @JsonProperty("coverage") double coverage,
        @JsonProperty("effectiveSampleSizeRatio") double effectiveSampleSizeRatio) {
}
