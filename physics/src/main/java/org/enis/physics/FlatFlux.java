package org.enis.physics;

/** A flat flux of weight 1 on a closed energy range. */
final class FlatFlux implements Flux {

    static final String FORMAT_TAG = "flat-flux-v1";

    private final double minEnergyGeV;
    private final double maxEnergyGeV;

    FlatFlux(double minEnergyGeV, double maxEnergyGeV) {
        if (!(Double.isFinite(minEnergyGeV) && Double.isFinite(maxEnergyGeV)
                && minEnergyGeV >= 0.0 && minEnergyGeV < maxEnergyGeV)) {
            throw new IllegalArgumentException(String.format(
                    "flat flux range must satisfy 0 <= min < max (finite, GeV), got [%s, %s]",
                    minEnergyGeV, maxEnergyGeV));
        }
        this.minEnergyGeV = minEnergyGeV;
        this.maxEnergyGeV = maxEnergyGeV;
    }

    @Override
    public double weight(double eNuGeV) {
        return eNuGeV >= minEnergyGeV && eNuGeV <= maxEnergyGeV ? 1.0 : 0.0;
    }

    @Override
    public double minEnergyGeV() {
        return minEnergyGeV;
    }

    @Override
    public double maxEnergyGeV() {
        return maxEnergyGeV;
    }

    @Override
    public String toCanonicalString() {
        return FORMAT_TAG + ";" + minEnergyGeV + "," + maxEnergyGeV;
    }

    static Flux parse(String text) {
        String[] tokens = text.strip().split(";", -1);
        String[] range = tokens.length == 2 ? tokens[1].split(",", -1) : new String[0];
        if (!tokens[0].equals(FORMAT_TAG) || range.length != 2) {
            throw new IllegalArgumentException(
                    "flat flux text must be '" + FORMAT_TAG + ";min,max', got '" + text + "'");
        }
        try {
            return new FlatFlux(Double.parseDouble(range[0]), Double.parseDouble(range[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("flat flux range must be two numbers, got '"
                    + tokens[1] + "'", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlatFlux other && minEnergyGeV == other.minEnergyGeV
                && maxEnergyGeV == other.maxEnergyGeV;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(minEnergyGeV) * 31 + Double.hashCode(maxEnergyGeV);
    }

    @Override
    public String toString() {
        return toCanonicalString();
    }
}
