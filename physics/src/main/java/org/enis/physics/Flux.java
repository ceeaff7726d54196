package org.enis.physics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Double> edges = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        boolean firstDataLine = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = parseRow(cells);
            if (row == null && firstDataLine) {
                firstDataLine = false;
                continue;
            }
            firstDataLine = false;
            String where = file + " line " + (n + 1);
            if (row == null || cells.length != 3) {
                throw new IllegalArgumentException(where
                        + ": a flux row must be 'lower_edge_gev,upper_edge_gev,flux', got '"
                        + line + "'");
            }
            if (edges.isEmpty()) {
                edges.add(row[0]);
            } else if (row[0] != edges.get(edges.size() - 1)) {
                throw new IllegalArgumentException(where + ": bin must start at the previous "
                        + "bin's upper edge " + edges.get(edges.size() - 1) + " GeV, got "
                        + row[0] + " GeV");
            }
            edges.add(row[1]);
            values.add(row[2]);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(file + ": flux CSV has no bins");
        }
        return new HistogramFlux(edges.stream().mapToDouble(Double::doubleValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] parseRow(String[] cells) {
        double[] row = new double[cells.length];
        try {
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i].strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return row;
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
