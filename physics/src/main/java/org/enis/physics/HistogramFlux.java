package org.enis.physics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A flux histogram: bin {@code i} is {@code [edges[i], edges[i+1])} with weight values[i]. */
final class HistogramFlux implements Flux {

    static final String FORMAT_TAG = "histogram-flux-v1";

    private static final Logger LOG = LoggerFactory.getLogger(HistogramFlux.class);

    private final double[] edgesGeV;
    private final double[] values;

    HistogramFlux(double[] edgesGeV, double[] values) {
        if (values.length < 1 || edgesGeV.length != values.length + 1) {
            throw new IllegalArgumentException("flux histogram needs n >= 1 values and n + 1 "
                    + "edges, got " + values.length + " values and " + edgesGeV.length
                    + " edges");
        }
        for (int i = 0; i < edgesGeV.length; i++) {
            if (!Double.isFinite(edgesGeV[i]) || edgesGeV[i] < 0.0
                    || (i > 0 && !(edgesGeV[i] > edgesGeV[i - 1]))) {
                throw new IllegalArgumentException(String.format("flux bin edge %d must be "
                        + "finite, >= 0 GeV and above the previous edge, got %s GeV", i,
                        edgesGeV[i]));
            }
        }
        boolean anyPositive = false;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0.0) {
                throw new IllegalArgumentException(String.format("flux value of bin %d "
                        + "[%s, %s) GeV must be finite and >= 0, got %s", i, edgesGeV[i],
                        edgesGeV[i + 1], values[i]));
            }
            anyPositive |= values[i] > 0.0;
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("flux histogram must have a positive bin, "
                    + "got all zeros");
        }
        this.edgesGeV = edgesGeV.clone();
        this.values = values.clone();
    }

    /** Reads the CSV format described at {@link Flux#readCsv(Path)}. */
    static HistogramFlux readCsv(Path file) throws IOException {
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
            boolean header = row == null && firstDataLine;
            firstDataLine = false;
            if (header) {
                continue;
            }
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
        HistogramFlux flux;
        try {
            flux = new HistogramFlux(edges.stream().mapToDouble(Double::doubleValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        LOG.info("Read flux histogram of {} bins over [{}, {}] GeV from {}", flux.binCount(),
                flux.minEnergyGeV(), flux.maxEnergyGeV(), file);
        return flux;
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

    @Override
    public double weight(double eNuGeV) {
        int last = values.length - 1;
        if (!(eNuGeV >= edgesGeV[0] && eNuGeV <= edgesGeV[last + 1])) {
            return 0.0;
        }
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edgesGeV[mid] <= eNuGeV) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return values[lo];
    }

    @Override
    public double minEnergyGeV() {
        return edgesGeV[0];
    }

    @Override
    public double maxEnergyGeV() {
        return edgesGeV[edgesGeV.length - 1];
    }

    /** A copy of the bin edges in GeV. */
    double[] edges() {
        return edgesGeV.clone();
    }

    /** Number of bins. */
    int binCount() {
        return values.length;
    }

    @Override
    public String toCanonicalString() {
        StringBuilder sb = new StringBuilder(FORMAT_TAG).append(";edges=");
        join(sb, edgesGeV);
        sb.append(";values=");
        join(sb, values);
        return sb.toString();
    }

    private static void join(StringBuilder sb, double[] a) {
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
    }

    static Flux parse(String text) {
        String[] tokens = text.strip().split(";", -1);
        if (tokens.length != 3 || !tokens[0].equals(FORMAT_TAG)
                || !tokens[1].startsWith("edges=") || !tokens[2].startsWith("values=")) {
            throw new IllegalArgumentException("histogram flux text must be '" + FORMAT_TAG
                    + ";edges=e0,e1,...;values=v0,...', got '" + text + "'");
        }
        return new HistogramFlux(numbers(tokens[1].substring(6)),
                numbers(tokens[2].substring(7)));
    }

    private static double[] numbers(String csv) {
        try {
            return Arrays.stream(csv.split(",", -1)).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("histogram flux numbers malformed: '" + csv
                    + "'", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramFlux other && Arrays.equals(edgesGeV, other.edgesGeV)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edgesGeV) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toCanonicalString();
    }
}
