package org.enis.pipeline.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.enis.physics.Nucleus;
import org.enis.schemas.CcqeEvent;

/**
 * Counts and weighted marginal histograms of the four generated variables of a stream of
 * events, with the checks a downstream user wants: duplicate event ids and events outside the
 * generation box.
 */
final class EventStatistics {
    static final String[] VARIABLES = {"E_nu (GeV)", "p_mu (GeV/c)", "theta_mu (rad)",
        "p_N (GeV/c)"};
    private static final int BAR_WIDTH = 50;
    /** Bits of the index within a batch in a packed event id; batches hold at most 2^20. */
    private static final int INDEX_BITS = 20;

    private final int bins;
    private final double[] upper;
    private final double[][] histograms;
    private final Map<String, Set<Long>> idsByRun = new HashMap<>();
    private final Map<String, Long> countByRun = new HashMap<>();
    private long events;
    private long duplicates;
    private long outsideBox;
    private double sumWeights;

    /**
     * @param bins bins per histogram
     * @param maxEnergyGeV upper end of the E_nu and p_mu ranges
     */
    EventStatistics(int bins, double maxEnergyGeV) {
        this(bins, maxEnergyGeV, Double.NaN);
    }

    /**
     * @param bins bins per histogram
     * @param maxEnergyGeV upper end of the E_nu and p_mu ranges
     * @param fermiMomentumGeV upper end of the p_N range; NaN for the default k_F of the first
     *     event's nucleus
     */
    EventStatistics(int bins, double maxEnergyGeV, double fermiMomentumGeV) {
        this.bins = bins;
        this.upper = new double[] {maxEnergyGeV, maxEnergyGeV, Math.PI, fermiMomentumGeV};
        this.histograms = new double[4][bins];
    }

    void add(CcqeEvent event) {
        events++;
        countByRun.merge(event.getRunId(), 1L, Long::sum);
        long id = (event.getBatchNumber() << INDEX_BITS) | event.getIndexInBatch();
        if (!idsByRun.computeIfAbsent(event.getRunId(), r -> new HashSet<>()).add(id)) {
            duplicates++;
        }
        if (Double.isNaN(upper[3])) {
            upper[3] = fermiMomentum(event.getTargetName());
        }
        double[] x = {event.getNeutrinoEnergyGeV(), event.getMuonMomentumGeV(),
            event.getMuonAngleRad(), event.getNucleonFermiMomentumGeV()};
        double weight = event.getWeight();
        sumWeights += weight;
        boolean inside = true;
        for (int v = 0; v < 4; v++) {
            if (!(x[v] >= 0 && x[v] <= upper[v])) {
                inside = false;
                continue;
            }
            int bin = (int) Math.min(bins - 1, Math.floor(x[v] / upper[v] * bins));
            histograms[v][bin] += weight;
        }
        if (!inside) {
            outsideBox++;
        }
    }

    /** The nucleus's default k_F; for a nucleus this version does not know, the largest. */
    private static double fermiMomentum(String targetName) {
        try {
            return Nucleus.valueOf(targetName).defaultFermiMomentumGeV();
        } catch (IllegalArgumentException e) {
            return Arrays.stream(Nucleus.values())
                    .mapToDouble(Nucleus::defaultFermiMomentumGeV).max().orElseThrow();
        }
    }

    long events() {
        return events;
    }

    long duplicates() {
        return duplicates;
    }

    long outsideBox() {
        return outsideBox;
    }

    Map<String, Long> countByRun() {
        return countByRun;
    }

    double[] histogram(int variable) {
        return histograms[variable].clone();
    }

    /** The four histograms as text bars, weighted by the event weights. */
    String formatHistograms() {
        StringBuilder s = new StringBuilder();
        for (int v = 0; v < 4; v++) {
            double max = 0;
            for (double h : histograms[v]) {
                max = Math.max(max, h);
            }
            s.append(String.format(Locale.ROOT, "%n%s, %d bins, weighted (sum of weights"
                    + " %.6g):%n", VARIABLES[v], bins, sumWeights));
            double width = upper[v] / bins;
            for (int b = 0; b < bins; b++) {
                int bar = max > 0 ? (int) Math.round(histograms[v][b] / max * BAR_WIDTH) : 0;
                s.append(String.format(Locale.ROOT, "  [%7.4f, %7.4f) %10.0f %s%n", b * width,
                        (b + 1) * width, histograms[v][b], "#".repeat(bar)));
            }
        }
        return s.toString();
    }
}
