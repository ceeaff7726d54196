package org.enis.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reweights points generated from one target density to another, e.g. to a different axial
 * mass: {@code w(x) = p_target(x) / p_generated(x)}. Every problem is counted in a
 * {@link Report}, never hidden:
 * <ul>
 *   <li>points where the generated density is 0 (they cannot come from that density; weight
 *       set to 0);</li>
 *   <li>of those, points where the target density is positive: target support not covered by
 *       the generated sample, which no weight can repair;</li>
 *   <li>weights above a given envelope (a reweighted sample with such weights is dominated
 *       by a few points); they are kept as they are, not clipped.</li>
 * </ul>
 * Immutable and thread-safe; {@link #reweight} allocates only its report.
 */
public final class ParameterReweighting {

    private final TargetDensity generated;
    private final TargetDensity target;
    private final double weightEnvelope;

    /**
     * @param generated the density the points were drawn from
     * @param target the density to reweight to
     * @param weightEnvelope weights above it are counted as {@link Report#aboveEnvelope()}
     * @throws IllegalArgumentException unless {@code weightEnvelope > 0}
     */
    public ParameterReweighting(TargetDensity generated, TargetDensity target,
            double weightEnvelope) {
        this.generated = Objects.requireNonNull(generated, "generated");
        this.target = Objects.requireNonNull(target, "target");
        if (!(weightEnvelope > 0.0) || Double.isNaN(weightEnvelope)) {
            throw new IllegalArgumentException(
                    "weightEnvelope must be > 0, got " + weightEnvelope);
        }
        this.weightEnvelope = weightEnvelope;
    }

    /**
     * Writes {@code weights[i] = p_target(x_i)/p_generated(x_i)} (0 where the generated density
     * is 0) for {@code from <= i < to} and returns the counts.
     *
     * @throws IllegalArgumentException if a coordinate is NaN or infinite
     * @throws IndexOutOfBoundsException if the range is not within every array
     */
    public Report reweight(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad,
            double[] pNGeV, double[] weights, int from, int to) {
        TargetDensity.checkBatchRange(eNuGeV, pMuGeV, thetaMuRad, pNGeV, weights, from, to);
        long generatedZero = 0;
        long uncovered = 0;
        long above = 0;
        double max = 0.0;
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int i = from; i < to; i++) {
            double pGenerated = generated.density(eNuGeV[i], pMuGeV[i], thetaMuRad[i], pNGeV[i]);
            double pTarget = target.density(eNuGeV[i], pMuGeV[i], thetaMuRad[i], pNGeV[i]);
            double w = 0.0;
            if (pGenerated > 0.0) {
                w = pTarget / pGenerated;
            } else {
                generatedZero++;
                if (pTarget > 0.0) {
                    uncovered++;
                }
            }
            if (w > weightEnvelope) {
                above++;
            }
            max = Math.max(max, w);
            sum += w;
            sumSquares += w * w;
            weights[i] = w;
        }
        return new Report(to - from, generatedZero, uncovered, above, max, sum, sumSquares,
                weightEnvelope);
    }

    /**
     * Counts and sums of one reweighting.
     *
     * @param points points reweighted
     * @param generatedZero points where the generated density is 0 (weight 0)
     * @param uncovered points with generated density 0 but target density positive
     * @param aboveEnvelope weights above the envelope (kept, not clipped)
     * @param maxWeight largest weight
     * @param sumWeights sum of the weights
     * @param sumSquaredWeights sum of the squared weights
     * @param weightEnvelope the envelope used
     */
    public record Report(long points, long generatedZero, long uncovered, long aboveEnvelope,
            double maxWeight, double sumWeights, double sumSquaredWeights,
            double weightEnvelope) {

        /** Effective sample size ratio {@code (sum w)^2 / (n sum w^2)} in [0, 1]. */
        public double effectiveSampleSizeRatio() {
            long n = points - generatedZero;
            return n > 0 && sumSquaredWeights > 0.0
                    ? sumWeights * sumWeights / (n * sumSquaredWeights) : 0.0;
        }

        /** True when nothing needs reporting: no uncovered point, no weight above envelope. */
        public boolean isClean() {
            return uncovered == 0 && aboveEnvelope == 0;
        }

        /** One sentence per problem found, for logs and reports; empty when clean. */
        public List<String> problems() {
            List<String> lines = new ArrayList<>();
            if (uncovered > 0) {
                lines.add(uncovered + " of " + points + " points lie where the generated "
                        + "density is 0 but the target density is positive: the target "
                        + "support is not covered and no weight can repair it");
            }
            if (aboveEnvelope > 0) {
                lines.add(aboveEnvelope + " of " + points + " weights exceed the envelope "
                        + weightEnvelope + " (largest " + maxWeight + "); effective sample "
                        + "size ratio " + effectiveSampleSizeRatio());
            }
            return lines;
        }
    }
}
