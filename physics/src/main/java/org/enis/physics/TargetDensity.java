package org.enis.physics;

import java.util.Objects;

/**
 * A target density {@code p(x)} over the generated variables
 * {@code x = (E_nu GeV, p_mu GeV/c, theta_mu rad, p_N GeV/c)}.
 *
 * <p>Unit: 1e-38 cm^2 per GeV/c per GeV/c per rad per target nucleon, times the flux weight:
 * the density in {@code theta}, i.e. {@code d3sigma/(dp_N dp_mu dcos(theta)) * sin(theta)}.
 * With the default flat flux of weight 1 the {@code E_nu} marginal is the cross section
 * {@code sigma(E_nu)} in 1e-38 cm^2 per target nucleon.
 *
 * <p>Contract: {@code p(x) >= 0} and finite for every finite {@code x}; exactly 0 outside the
 * support; an {@link IllegalArgumentException} for NaN or infinite input. Implementations are
 * immutable and thread-safe; the batch method allocates nothing.
 */
public interface TargetDensity {

    /**
     * The density at one point.
     *
     * @param eNuGeV neutrino energy in GeV
     * @param pMuGeV muon momentum in GeV/c
     * @param thetaMuRad muon angle to the beam in rad
     * @param pNGeV initial nucleon momentum magnitude in GeV/c
     * @return {@code p(x) >= 0}, exactly 0 outside the support
     * @throws IllegalArgumentException if any coordinate is NaN or infinite
     */
    double density(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV);

    /**
     * The density at {@code x} given as an array {@code (E_nu, p_mu, theta_mu, p_N)}.
     *
     * @throws IllegalArgumentException unless {@code x.length == 4} and every entry is finite
     */
    default double density(double[] x) {
        if (x.length != PhaseSpaceBox.DIMENSION) {
            throw new IllegalArgumentException(
                    "point must have length " + PhaseSpaceBox.DIMENSION + ", got " + x.length);
        }
        return density(x[0], x[1], x[2], x[3]);
    }

    /**
     * Batch evaluation over structure-of-arrays input: {@code out[i] = p(x_i)} for
     * {@code from <= i < to}. Allocation-free and safe to call from several threads at once
     * (on disjoint output ranges).
     *
     * @throws IllegalArgumentException if a coordinate in the range is NaN or infinite
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every array
     */
    default void density(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad,
            double[] pNGeV, double[] out, int from, int to) {
        checkBatchRange(eNuGeV, pMuGeV, thetaMuRad, pNGeV, out, from, to);
        for (int i = from; i < to; i++) {
            out[i] = density(eNuGeV[i], pMuGeV[i], thetaMuRad[i], pNGeV[i]);
        }
    }

    /**
     * Checks the arrays and range of a batch call.
     *
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every array
     */
    static void checkBatchRange(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad,
            double[] pNGeV, double[] out, int from, int to) {
        Objects.requireNonNull(eNuGeV, "eNuGeV");
        Objects.requireNonNull(pMuGeV, "pMuGeV");
        Objects.requireNonNull(thetaMuRad, "thetaMuRad");
        Objects.requireNonNull(pNGeV, "pNGeV");
        Objects.requireNonNull(out, "out");
        int length = Math.min(Math.min(eNuGeV.length, pMuGeV.length),
                Math.min(Math.min(thetaMuRad.length, pNGeV.length), out.length));
        Objects.checkFromToIndex(from, to, length);
    }
}
