package org.enis.pipeline.sampling;

import java.util.Arrays;

/**
 * A block of proposals in structure-of-arrays form, reused from cycle to cycle: the four
 * generated variables (E_nu GeV, p_mu GeV/c, theta_mu rad, p_N GeV/c), log q, the target
 * density p and the weight {@code w = p / q} of each proposal.
 */
public final class ProposalBlock {
    private double[] neutrinoEnergyGeV = new double[0];
    private double[] muonMomentumGeV = new double[0];
    private double[] muonAngleRad = new double[0];
    private double[] nucleonMomentumGeV = new double[0];
    private double[] logProposalDensity = new double[0];
    private double[] targetDensity = new double[0];
    private double[] weight = new double[0];
    private int size;

    /** Makes room for {@code count} proposals and sets the size to {@code count}. */
    public void resize(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("proposal count must be >= 0, got " + count);
        }
        if (count > neutrinoEnergyGeV.length) {
            int capacity = Math.max(count, neutrinoEnergyGeV.length + neutrinoEnergyGeV.length / 2);
            neutrinoEnergyGeV = Arrays.copyOf(neutrinoEnergyGeV, capacity);
            muonMomentumGeV = Arrays.copyOf(muonMomentumGeV, capacity);
            muonAngleRad = Arrays.copyOf(muonAngleRad, capacity);
            nucleonMomentumGeV = Arrays.copyOf(nucleonMomentumGeV, capacity);
            logProposalDensity = Arrays.copyOf(logProposalDensity, capacity);
            targetDensity = Arrays.copyOf(targetDensity, capacity);
            weight = Arrays.copyOf(weight, capacity);
        }
        size = count;
    }

    /** Number of proposals in the block. */
    public int size() {
        return size;
    }

    /** Incoming neutrino energies, GeV. */
    public double[] neutrinoEnergyGeV() {
        return neutrinoEnergyGeV;
    }

    /** Outgoing muon momenta, GeV/c. */
    public double[] muonMomentumGeV() {
        return muonMomentumGeV;
    }

    /** Muon angles to the beam, rad. */
    public double[] muonAngleRad() {
        return muonAngleRad;
    }

    /** Initial nucleon Fermi momenta, GeV/c. */
    public double[] nucleonMomentumGeV() {
        return nucleonMomentumGeV;
    }

    /** Natural log of the proposal density q at each proposal. */
    public double[] logProposalDensity() {
        return logProposalDensity;
    }

    /** Target density p at each proposal, 1e-38 cm^2 per unit of the generated variables. */
    public double[] targetDensity() {
        return targetDensity;
    }

    /** Weights {@code w = p / q}; NaN marks a proposal whose weight could not be formed. */
    public double[] weight() {
        return weight;
    }

    /** Copies proposal {@code i} into {@code x} in the shared variable order. */
    public void point(int i, double[] x) {
        x[0] = neutrinoEnergyGeV[i];
        x[1] = muonMomentumGeV[i];
        x[2] = muonAngleRad[i];
        x[3] = nucleonMomentumGeV[i];
    }
}
