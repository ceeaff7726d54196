package org.enis.physics;

/**
 * A four-momentum {@code (E, p_x, p_y, p_z)} in GeV, lab frame, beam along +z. Minkowski
 * metric {@code (+, -, -, -)}.
 *
 * @param energyGeV energy E
 * @param pxGeV momentum x component
 * @param pyGeV momentum y component
 * @param pzGeV momentum z component (beam axis)
 */
public record FourMomentum(double energyGeV, double pxGeV, double pyGeV, double pzGeV) {

    /** Sum of two four-momenta. */
    public FourMomentum plus(FourMomentum o) {
        return new FourMomentum(energyGeV + o.energyGeV, pxGeV + o.pxGeV, pyGeV + o.pyGeV,
                pzGeV + o.pzGeV);
    }

    /** Difference {@code this - o}. */
    public FourMomentum minus(FourMomentum o) {
        return new FourMomentum(energyGeV - o.energyGeV, pxGeV - o.pxGeV, pyGeV - o.pyGeV,
                pzGeV - o.pzGeV);
    }

    /** Minkowski product {@code E E' - p.p'} in GeV^2. */
    public double dot(FourMomentum o) {
        return energyGeV * o.energyGeV - pxGeV * o.pxGeV - pyGeV * o.pyGeV - pzGeV * o.pzGeV;
    }

    /** Invariant mass squared {@code E^2 - |p|^2} in GeV^2. */
    public double massSquared() {
        return dot(this);
    }

    /** Momentum magnitude {@code |p|} in GeV/c. */
    public double momentum() {
        return Math.sqrt(pxGeV * pxGeV + pyGeV * pyGeV + pzGeV * pzGeV);
    }

    /** Largest absolute component, for conservation checks. */
    public double maxAbsComponent() {
        return Math.max(Math.max(Math.abs(energyGeV), Math.abs(pxGeV)),
                Math.max(Math.abs(pyGeV), Math.abs(pzGeV)));
    }
}
