package org.enis.benchmark;

/**
 * One measured row of Table II: the time to the target events at a quantile when the density
 * costs {@code costFactor} times more, for both proposals.
 *
 * @param quantile Q
 * @param costFactor {@code t_increase}, repeats of the density evaluation
 * @param flowCyclesEq11 cycles of Eq. (11) for the flow; -1 when unusable
 * @param flow the flow's time
 * @param uniformCyclesEq11 cycles of Eq. (11) for the uniform proposal; -1 when unusable
 * @param uniform the uniform proposal's time
 */
public record Table2Result(double quantile, int costFactor, long flowCyclesEq11,
        TimeToEvents flow, long uniformCyclesEq11, TimeToEvents uniform) {

    /** @return {@code t_uniform / t_flow}; NaN when either is not applicable */
    public double ratio() {
        return uniform.seconds() / flow.seconds();
    }
}
