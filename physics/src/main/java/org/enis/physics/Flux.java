package org.enis.physics;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The neutrino flux in {@code E_nu} as a dimensionless weight that multiplies the cross
 * section: {@code p(x) = phi(E_nu) * d3sigma(x)}. Zero outside
 * {@code [minEnergyGeV, maxEnergyGeV]}.
 *
 * <p>The default is {@link #flat(double, double) flat} with weight 1 over the generated range,
 * so that the {@code E_nu} marginal of the density is the cross section {@code sigma(E_nu)}.
 * A user histogram ({@link #histogram}, {@link #readCsv}) is used as given, not normalised:
 * its values are the relative flux of each bin.
 */
public sealed interface Flux permits FlatFlux, HistogramFlux {

    /**
     * The flux weight at {@code eNuGeV}: 0 outside the range, never negative.
     * A point on an inner bin edge belongs to the upper bin; the top edge belongs to the last.
     */
    double weight(double eNuGeV);

    /** Lower end of the flux range in GeV. */
    double minEnergyGeV();

    /** Upper end of the flux range in GeV. */
    double maxEnergyGeV();

    /** A stable text form that records the flux exactly. */
    String toCanonicalString();

    /**
     * A flat flux of weight 1 on {@code [minEnergyGeV, maxEnergyGeV]}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= min < max} and both are finite
     */
    static Flux flat(double minEnergyGeV, double maxEnergyGeV) {
        return new FlatFlux(minEnergyGeV, maxEnergyGeV);
    }

    /** The default flux: flat with weight 1 over {@code [0, maxNeutrinoEnergyGeV]}. */
    static Flux flatOver(CcqeParameters parameters) {
        return new FlatFlux(0.0, parameters.maxNeutrinoEnergyGeV());
    }

    /**
     * A histogram flux: bin {@code i} is {@code [edges[i], edges[i+1])} with weight
     * {@code values[i]}.
     *
     * @throws IllegalArgumentException unless there are {@code n >= 1} bins, {@code n + 1}
     *     finite strictly increasing edges {@code >= 0}, finite values {@code >= 0} and at
     *     least one positive value
     */
    static Flux histogram(double[] edgesGeV, double[] values) {
        return new HistogramFlux(edgesGeV, values);
    }

    /**
     * Reads a flux histogram from CSV: one bin per row, {@code lower_edge_gev,upper_edge_gev,
     * flux}, rows in increasing energy with each bin starting where the previous one ended.
     * Blank lines and lines starting with {@code #} are ignored; a first row that is not
     * numeric is taken as a header.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException on a malformed row (the message names the line) or an
     *     invalid histogram
     */
    static Flux readCsv(Path file) throws IOException {
        return HistogramFlux.readCsv(file);
    }

    /**
     * Parses {@link #toCanonicalString()} of either kind.
     *
     * @throws IllegalArgumentException on a malformed text
     */
    static Flux parse(String text) {
        if (text.startsWith(FlatFlux.FORMAT_TAG)) {
            return FlatFlux.parse(text);
        }
        if (text.startsWith(HistogramFlux.FORMAT_TAG)) {
            return HistogramFlux.parse(text);
        }
        throw new IllegalArgumentException("flux text must start with '" + FlatFlux.FORMAT_TAG
                + "' or '" + HistogramFlux.FORMAT_TAG + "', got '" + text + "'");
    }
}
