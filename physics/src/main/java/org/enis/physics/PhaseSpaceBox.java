package org.enis.physics;

import java.util.Arrays;
import java.util.Objects;

/**
 * An axis-aligned box over the generated variables
 * {@code x = (E_nu GeV, p_mu GeV/c, theta_mu rad, p_N GeV/c)}, index 0..3 in that order.
 *
 * <p>The generation box is {@code [0, E_max] x [0, p_max] x [0, pi] x [0, k_F]} (defaults
 * {@code E_max = p_max = 10}); the background box used for training and for the uniform
 * baseline is that box widened by 2 % of each range at both ends (ENIS paper, Sec. IV A).
 *
 * <p>Text form: {@code box-v1;lower0,upper0;lower1,upper1;lower2,upper2;lower3,upper3}, doubles
 * written by {@link Double#toString(double)} so {@link #parse(String)} restores them exactly.
 */
public final class PhaseSpaceBox {

    /** Number of generated variables. */
    public static final int DIMENSION = 4;
    /** Index of the neutrino energy {@code E_nu} in GeV. */
    public static final int NEUTRINO_ENERGY = 0;
    /** Index of the muon momentum {@code p_mu} in GeV/c. */
    public static final int MUON_MOMENTUM = 1;
    /** Index of the muon angle to the beam {@code theta_mu} in rad. */
    public static final int MUON_ANGLE = 2;
    /** Index of the initial nucleon momentum magnitude {@code p_N} in GeV/c. */
    public static final int NUCLEON_MOMENTUM = 3;
    /** Fraction of each range added at both ends to make the background box. */
    public static final double BACKGROUND_WIDENING = 0.02;
    /** Version tag that starts the canonical text form. */
    public static final String FORMAT_TAG = "box-v1";

    private static final String[] NAMES = {"E_nu", "p_mu", "theta_mu", "p_N"};
    private static final String[] UNITS = {"GeV", "GeV/c", "rad", "GeV/c"};

    private final double[] lower;
    private final double[] upper;

    /**
     * A box from its lower and upper corners (copied).
     *
     * @throws IllegalArgumentException unless both have length 4, all values are finite and
     *     {@code lower[i] < upper[i]}
     */
    public PhaseSpaceBox(double[] lower, double[] upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.length != DIMENSION || upper.length != DIMENSION) {
            throw new IllegalArgumentException("box corners must have length " + DIMENSION
                    + ", got " + lower.length + " and " + upper.length);
        }
        for (int i = 0; i < DIMENSION; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])
                    || !(lower[i] < upper[i])) {
                throw new IllegalArgumentException(String.format(
                        "box range of %s must be finite with lower < upper, got [%s, %s] %s",
                        NAMES[i], lower[i], upper[i], UNITS[i]));
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** The generation box {@code [0, E_max] x [0, p_max] x [0, pi] x [0, k_F]}. */
    public static PhaseSpaceBox generation(CcqeParameters parameters) {
        return new PhaseSpaceBox(new double[] {0.0, 0.0, 0.0, 0.0},
                new double[] {parameters.maxNeutrinoEnergyGeV(),
                    parameters.maxMuonMomentumGeV(), Math.PI, parameters.fermiMomentumGeV()});
    }

    /** The background box: {@link #generation} widened by 2 % of each range at both ends. */
    public static PhaseSpaceBox background(CcqeParameters parameters) {
        return generation(parameters).widened(BACKGROUND_WIDENING);
    }

    /**
     * This box with each range widened by {@code fraction} of its width at both ends.
     *
     * @throws IllegalArgumentException unless {@code 0 <= fraction <= 10}
     */
    public PhaseSpaceBox widened(double fraction) {
        if (!(fraction >= 0.0 && fraction <= 10.0)) {
            throw new IllegalArgumentException(
                    "widening fraction must be in [0, 10], got " + fraction);
        }
        double[] lo = new double[DIMENSION];
        double[] hi = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            double pad = fraction * width(i);
            lo[i] = lower[i] - pad;
            hi[i] = upper[i] + pad;
        }
        return new PhaseSpaceBox(lo, hi);
    }

    /** Lower end of variable {@code i} (0..3). */
    public double lower(int i) {
        return lower[checkIndex(i)];
    }

    /** Upper end of variable {@code i} (0..3). */
    public double upper(int i) {
        return upper[checkIndex(i)];
    }

    /** Width {@code upper(i) - lower(i)} of variable {@code i} (0..3). */
    public double width(int i) {
        return upper[checkIndex(i)] - lower[i];
    }

    /** Volume in GeV^3 rad (the product of the four widths). */
    public double volume() {
        double v = 1.0;
        for (int i = 0; i < DIMENSION; i++) {
            v *= upper[i] - lower[i];
        }
        return v;
    }

    /** Whether {@code x} (length 4) lies in the closed box. NaN coordinates are outside. */
    public boolean contains(double[] x) {
        if (x.length != DIMENSION) {
            throw new IllegalArgumentException(
                    "point must have length " + DIMENSION + ", got " + x.length);
        }
        return contains(x[0], x[1], x[2], x[3]);
    }

    /** Whether the point lies in the closed box. NaN coordinates are outside. */
    public boolean contains(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV) {
        return inside(0, eNuGeV) && inside(1, pMuGeV) && inside(2, thetaMuRad)
                && inside(3, pNGeV);
    }

    private boolean inside(int i, double value) {
        return value >= lower[i] && value <= upper[i];
    }

    /** Name of variable {@code i}: E_nu, p_mu, theta_mu, p_N. */
    public static String variableName(int i) {
        return NAMES[checkIndex(i)];
    }

    /** Unit of variable {@code i}: GeV, GeV/c, rad, GeV/c. */
    public static String variableUnit(int i) {
        return UNITS[checkIndex(i)];
    }

    /** The stable text form, {@code box-v1;lo0,hi0;lo1,hi1;lo2,hi2;lo3,hi3}. */
    public String toCanonicalString() {
        StringBuilder sb = new StringBuilder(FORMAT_TAG);
        for (int i = 0; i < DIMENSION; i++) {
            sb.append(';').append(lower[i]).append(',').append(upper[i]);
        }
        return sb.toString();
    }

    /**
     * Parses {@link #toCanonicalString()}.
     *
     * @throws IllegalArgumentException on a malformed text or an invalid range
     */
    public static PhaseSpaceBox parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] tokens = text.strip().split(";", -1);
        if (!tokens[0].equals(FORMAT_TAG) || tokens.length != DIMENSION + 1) {
            throw new IllegalArgumentException("box text must be '" + FORMAT_TAG
                    + ";lo0,hi0;lo1,hi1;lo2,hi2;lo3,hi3', got '" + text + "'");
        }
        double[] lo = new double[DIMENSION];
        double[] hi = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            String[] pair = tokens[i + 1].split(",", -1);
            if (pair.length != 2) {
                throw new IllegalArgumentException("box range of " + NAMES[i]
                        + " must be 'lower,upper', got '" + tokens[i + 1] + "'");
            }
            try {
                lo[i] = Double.parseDouble(pair[0]);
                hi[i] = Double.parseDouble(pair[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("box range of " + NAMES[i]
                        + " must be two numbers, got '" + tokens[i + 1] + "'", e);
            }
        }
        return new PhaseSpaceBox(lo, hi);
    }

    private static int checkIndex(int i) {
        if (i < 0 || i >= DIMENSION) {
            throw new IndexOutOfBoundsException(
                    "variable index must be in [0, " + (DIMENSION - 1) + "], got " + i);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseSpaceBox other && Arrays.equals(lower, other.lower)
                && Arrays.equals(upper, other.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return toCanonicalString();
    }
}
