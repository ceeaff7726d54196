package org.enis.benchmark;

/**
 * What the benchmark measured of one proposal besides the table rows.
 *
 * @param proposal {@code flow} or {@code uniform}
 * @param description the proposal's own name (model name and version, or the box)
 * @param calibrationProposals proposals of the calibration sample
 * @param invalidWeights proposals of it without a valid weight
 * @param zeroFraction share of zero weights in it
 * @param integral {@code mean(w)}, the estimate of the integral of p
 * @param integralError standard error of the integral
 * @param weights the log10 weight distribution (Fig. 5)
 * @param calibrationTimes time of the calibration sample
 * @param table1Times time of the Table I run, accept steps of all quantiles included
 * @param table1WallSeconds wall-clock time of the Table I run
 * @param table1Capped whether the Table I run stopped at its time cap
 */
public record ProposalSummary(String proposal, String description, long calibrationProposals,
        long invalidWeights, double zeroFraction, double integral, double integralError,
        WeightHistogram weights, CycleTimes calibrationTimes, CycleTimes table1Times,
        double table1WallSeconds, boolean table1Capped) {
}
