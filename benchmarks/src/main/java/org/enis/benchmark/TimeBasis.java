package org.enis.benchmark;

/** How a time to a number of accepted events was obtained. */
public enum TimeBasis {
    /** Every cycle up to the last accepted event was run and timed. */
    MEASURED,
    /**
     * The run stopped at its time cap before reaching the events: mean measured time per cycle
     * times the cycles of Eq. (11).
     */
    EXTRAPOLATED,
    /** The quantile has no usable threshold weight (its weight is 0): nothing to time. */
    NOT_APPLICABLE;

    /** @return the lower-case name used in tables and CSV */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
