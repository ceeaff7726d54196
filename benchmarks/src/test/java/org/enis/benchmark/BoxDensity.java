package org.enis.benchmark;

import org.enis.physics.PhaseSpaceBox;
import org.enis.physics.TargetDensity;

/** A test target density: a constant inside a box, 0 outside; counts its batch calls. */
final class BoxDensity implements TargetDensity {
    private final PhaseSpaceBox box;
    private final double value;
    private int batchCalls;

    BoxDensity(PhaseSpaceBox box, double value) {
        this.box = box;
        this.value = value;
    }

    @Override
    public double density(double eNuGeV, double pMuGeV, double thetaMuRad, double pNGeV) {
        return box.contains(eNuGeV, pMuGeV, thetaMuRad, pNGeV) ? value : 0;
    }

    @Override
    public void density(double[] eNuGeV, double[] pMuGeV, double[] thetaMuRad, double[] pNGeV,
            double[] out, int from, int to) {
        batchCalls++;
        TargetDensity.super.density(eNuGeV, pMuGeV, thetaMuRad, pNGeV, out, from, to);
    }

    int batchCalls() {
        return batchCalls;
    }

    static PhaseSpaceBox unitBox() {
        return new PhaseSpaceBox(new double[] {0, 0, 0, 0}, new double[] {1, 2, 1, 0.5});
    }
}
