package org.enis.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Affine map from a physical box {@code [lower_i, upper_i]} onto the flow domain
 * {@code [-h, h]} in every dimension: {@code z_i = (x_i - centre_i) * scale_i} with
 * {@code scale_i = 2 h / (upper_i - lower_i)}. The density picks up the constant Jacobian
 * {@code log |det dz/dx| = sum_i log scale_i}: {@code log q(x) = log q_z(z) + sum_i log scale_i}.
 *
 * @param lower lower edge of the box per dimension, physical units
 * @param upper upper edge of the box per dimension, physical units
 * @param halfWidth h, half-width of the flow domain
 */
public record BoxMap(
        @JsonProperty("lower") double[] lower,
        @JsonProperty("upper") double[] upper,
        @JsonProperty("halfWidth") double halfWidth) {

    /**
     * Validates the box.
     *
     * @throws IllegalArgumentException if the edges are not finite, differ in length, or some
     *     upper edge is not above its lower edge, or halfWidth is not &gt; 0
     */
    @JsonCreator
    public BoxMap {
        if (lower == null || upper == null || lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("lower and upper must be non-empty and of equal "
                    + "length, got " + Arrays.toString(lower) + " and " + Arrays.toString(upper));
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])
                    || !(upper[i] > lower[i])) {
                throw new IllegalArgumentException("box dimension " + i + " must have finite "
                        + "lower < upper, got [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            throw new IllegalArgumentException("halfWidth must be finite and > 0, got "
                    + halfWidth);
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** @return number of dimensions */
    public int dimensions() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * @param i dimension
     * @return centre of the box in dimension i, physical units
     */
    public double centre(int i) {
        return 0.5 * (lower[i] + upper[i]);
    }

    /**
     * @param i dimension
     * @return {@code dz_i/dx_i = 2 h / (upper_i - lower_i)}
     */
    public double scale(int i) {
        return 2 * halfWidth / (upper[i] - lower[i]);
    }

    /** @return {@code sum_i log scale_i}, the log-Jacobian of x -&gt; z */
    public double logAbsDetJacobian() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(scale(i));
        }
        return sum;
    }

    /** @return the volume of the physical box */
    public double volume() {
        double volume = 1;
        for (int i = 0; i < lower.length; i++) {
            volume *= upper[i] - lower[i];
        }
        return volume;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoxMap box && Arrays.equals(lower, box.lower)
                && Arrays.equals(upper, box.upper) && halfWidth == box.halfWidth;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(lower) + Arrays.hashCode(upper))
                + Double.hashCode(halfWidth);
    }

    @Override
    public String toString() {
        return "BoxMap[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper)
                + ", halfWidth=" + halfWidth + "]";
    }
}
