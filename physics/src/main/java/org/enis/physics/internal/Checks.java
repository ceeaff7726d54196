package org.enis.physics.internal;

/** Argument checks whose messages name the parameter, the bad value, the range and the unit. */
public final class Checks {

    private Checks() {
    }

    /**
     * Requires {@code lower <= value <= upper} (closed) and a finite value.
     *
     * @return the value
     * @throws IllegalArgumentException naming the parameter, the value, the range and the unit
     */
    public static double inClosedRange(String name, double value, double lower, double upper,
            String unit) {
        if (!(value >= lower && value <= upper)) {
            throw new IllegalArgumentException(String.format(
                    "%s must be in [%s, %s] %s, got %s", name, lower, upper, unit, value)
                    .stripTrailing());
        }
        return value;
    }

    /**
     * Requires {@code lower < value <= upper} and a finite value.
     *
     * @return the value
     * @throws IllegalArgumentException naming the parameter, the value, the range and the unit
     */
    public static double inHalfOpenRange(String name, double value, double lower, double upper,
            String unit) {
        if (!(value > lower && value <= upper)) {
            throw new IllegalArgumentException(String.format(
                    "%s must be in (%s, %s] %s, got %s", name, lower, upper, unit, value)
                    .stripTrailing());
        }
        return value;
    }

    /**
     * Requires a finite value (no NaN, no infinity).
     *
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static double finite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(
                    "%s must be a finite number %s, got %s", name, unit, value).stripTrailing());
        }
        return value;
    }
}
