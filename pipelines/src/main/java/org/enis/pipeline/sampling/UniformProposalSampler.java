package org.enis.pipeline.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.enis.physics.PhaseSpaceBox;

/**
 * The uniform proposal over a box, {@code q = 1 / volume}: the paper's baseline, drawn over the
 * background box (the generation box widened by 2 % at both ends of each range).
 */
public final class UniformProposalSampler implements ProposalSampler {
    private final PhaseSpaceBox box;
    private final double logDensity;

    /** @param box the box q is uniform over */
    public UniformProposalSampler(PhaseSpaceBox box) {
        this.box = box;
        this.logDensity = -Math.log(box.volume());
    }

    @Override
    public void sample(long seed, int count, ProposalBlock block) {
        block.resize(count);
        SplittableRandom random = new SplittableRandom(seed);
        fill(random, block.neutrinoEnergyGeV(), count, PhaseSpaceBox.NEUTRINO_ENERGY);
        fill(random, block.muonMomentumGeV(), count, PhaseSpaceBox.MUON_MOMENTUM);
        fill(random, block.muonAngleRad(), count, PhaseSpaceBox.MUON_ANGLE);
        fill(random, block.nucleonMomentumGeV(), count, PhaseSpaceBox.NUCLEON_MOMENTUM);
        Arrays.fill(block.logProposalDensity(), 0, count, logDensity);
    }

    private void fill(SplittableRandom random, double[] column, int count, int variable) {
        double lower = box.lower(variable);
        double width = box.width(variable);
        for (int i = 0; i < count; i++) {
            column[i] = lower + width * random.nextDouble();
        }
    }

    /** The box q is uniform over. */
    public PhaseSpaceBox box() {
        return box;
    }

    @Override
    public String name() {
        return "uniform";
    }
}
