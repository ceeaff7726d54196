package org.enis.physics;

/**
 * The exclusive final state of one CCQE event in the lab frame (beam along +z), with the
 * initial state it came from.
 *
 * <p>Conservation: {@code neutrino + initialNucleon = muon + outgoingNucleon + removal}, where
 * {@code removal = (eps_B, 0, 0, 0)} is the removal energy, absorbed by the residual nucleus.
 * For the nucleus at rest, {@code neutrino + P_A = muon + outgoingNucleon + P_residual} with
 * {@code P_residual = P_A + residualRecoil} and
 * {@code residualRecoil = (eps_B - E_N, -p_N)}: the residual system recoils against the
 * struck nucleon and keeps the removal energy as excitation.
 *
 * @param neutrino incoming neutrino {@code (E_nu, 0, 0, E_nu)}
 * @param muon outgoing muon, on shell
 * @param initialNucleon struck nucleon, on shell {@code (E_N, p_N)}
 * @param outgoingNucleon outgoing nucleon {@code (E_N + omega - eps_B, p_N + q)}, on shell
 * @param residualRecoil {@code P_residual - P_A = (eps_B - E_N, -p_N)}
 * @param muonAzimuthRad muon azimuth about the beam, uniform in {@code [0, 2 pi)}
 * @param nucleonAzimuthRad struck-nucleon azimuth about {@code q}, measured from the plane of
 *     the neutrino and {@code q}, drawn from the matrix element
 */
public record FinalState(FourMomentum neutrino, FourMomentum muon,
        FourMomentum initialNucleon, FourMomentum outgoingNucleon,
        FourMomentum residualRecoil, double muonAzimuthRad, double nucleonAzimuthRad) {

    /**
     * The four-momentum not carried by the muon and the outgoing nucleon:
     * {@code neutrino + initialNucleon - muon - outgoingNucleon}, equal to
     * {@code (eps_B, 0, 0, 0)} up to rounding.
     */
    public FourMomentum missingFourMomentum() {
        return neutrino.plus(initialNucleon).minus(muon).minus(outgoingNucleon);
    }

    /**
     * The imbalance {@code neutrino - muon - outgoingNucleon - residualRecoil}: zero up to
     * rounding when energy and momentum are conserved with the residual nucleus included.
     */
    public FourMomentum conservationImbalance() {
        return neutrino.minus(muon).minus(outgoingNucleon).minus(residualRecoil);
    }
}
