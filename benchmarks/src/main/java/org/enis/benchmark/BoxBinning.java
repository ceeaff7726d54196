package org.enis.benchmark;

import org.enis.physics.PhaseSpaceBox;

/**
 * Equal-width bins of each generated variable over a box; a point's four bin indices are
 * packed into one int (8 bits each), so that millions of points can be binned after their
 * threshold weight is known without keeping the points.
 */
public final class BoxBinning {
    /** Largest number of bins per variable (the packed code of a point stays positive). */
    public static final int MAX_BINS = 126;
    /** Code of a point outside the box. */
    public static final int OUTSIDE = -1;
    private static final int BITS = 8;
    private static final int MASK = 0xFF;

    private final PhaseSpaceBox box;
    private final int bins;

    /**
     * @param box the box the bins cover
     * @param bins bins per variable, in [1, {@value #MAX_BINS}]
     * @throws IllegalArgumentException if bins is out of range
     */
    public BoxBinning(PhaseSpaceBox box, int bins) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException(
                    "bins per variable must be in [1, " + MAX_BINS + "], got " + bins);
        }
        this.box = box;
        this.bins = bins;
    }

    /** @return the box the bins cover */
    public PhaseSpaceBox box() {
        return box;
    }

    /** @return bins per variable */
    public int bins() {
        return bins;
    }

    /**
     * The packed bin code of a point.
     *
     * @return the code, or {@link #OUTSIDE} when the point lies outside the box
     */
    public int code(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV) {
        int e = index(PhaseSpaceBox.NEUTRINO_ENERGY, eNuGeV);
        int muon = index(PhaseSpaceBox.MUON_MOMENTUM, pMuGeV);
        int angle = index(PhaseSpaceBox.MUON_ANGLE, thetaMuRad);
        int nucleon = index(PhaseSpaceBox.NUCLEON_MOMENTUM, pNGeV);
        if (e < 0 || muon < 0 || angle < 0 || nucleon < 0) {
            return OUTSIDE;
        }
        return e | muon << BITS | angle << 2 * BITS | nucleon << 3 * BITS;
    }

    /**
     * @param code a packed code, not {@link #OUTSIDE}
     * @param variable 0..3 in the shared variable order
     * @return the bin index of that variable
     */
    public static int index(int code, int variable) {
        return code >>> variable * BITS & MASK;
    }

    /**
     * @param variable 0..3
     * @param bin bin index
     * @return the lower edge of the bin in the variable's unit
     */
    public double lowerEdge(int variable, int bin) {
        return box.lower(variable) + box.width(variable) * bin / bins;
    }

    /** Bin of one value; -1 outside the box (the upper edge belongs to the last bin). */
    private int index(int variable, double value) {
        double fraction = (value - box.lower(variable)) / box.width(variable);
        if (!(fraction >= 0 && fraction <= 1)) {
            return -1;
        }
        return Math.min(bins - 1, (int) (fraction * bins));
    }
}
