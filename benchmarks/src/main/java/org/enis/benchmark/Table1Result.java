package org.enis.benchmark;

/**
 * One measured row of Table I: a proposal at a quantile.
 *
 * @param proposal {@code flow} or {@code uniform}
 * @param quantile Q
 * @param thresholdWeight {@code w_Q} from the calibration sample; 0 when unusable
 * @param acceptance {@code p_accept} on the calibration sample
 * @param cyclesEq11 cycles of Eq. (11) for the target events; -1 when unusable
 * @param time the time to the target events, with the cycles run
 * @param acceptedEvents events accepted in the run
 * @param observedAcceptance accepted over examined proposals in the run
 * @param coverage Eq. (9) on the calibration sample
 * @param essRatio {@code N_ESS / N}, Eq. (10), clipped weights, calibration sample
 */
public record Table1Result(String proposal, double quantile, double thresholdWeight,
        double acceptance, long cyclesEq11, TimeToEvents time, long acceptedEvents,
        double observedAcceptance, double coverage, double essRatio) {

    /** @return whether this row is the flow's */
    public boolean isFlow() {
        return proposal.equals(BenchmarkReport.FLOW);
    }
}
