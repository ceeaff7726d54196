package org.enis.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.enis.flow.ModelManifest;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flux;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.FlowProposalSampler;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.UniformProposalSampler;
import org.enis.weights.CalibrationRow;
import org.enis.weights.CalibrationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reproduces Tables I and II of the ENIS paper (arXiv:2402.09155) in one JVM, for the trained
 * flow and for the uniform proposal over the background box, on the same target density: the
 * CCQE density of the physics the model was trained for (its manifest's parameters and flux).
 *
 * <p>For each proposal:
 * <ol>
 *   <li>a calibration sample of fresh proposals ({@code calibrationSize}, ten million in the
 *       paper) gives the threshold weight {@code w_Q} of every quantile, and the acceptance,
 *       coverage and effective sample size of Table I ({@link CalibrationTable}), the weight
 *       distribution (Fig. 5) and the coverage maps (Figs. 6 and 7);</li>
 *   <li>a Table I run performs rejection sampling in cycles of {@code cycleSize} proposals at
 *       every quantile until each has its events or the time cap is reached
 *       ({@link RejectionRun});</li>
 *   <li>one Table II run per density cost factor does the same with the density evaluated that
 *       many times per point ({@link MeteredDensity}).</li>
 * </ol>
 * A time is measured when the run reached the events, else extrapolated from the measured time
 * per cycle to the cycles of Eq. (11), and labelled so. Calibration and runs draw from separate
 * seed streams, so that the runs use fresh proposals.
 */
public final class PaperTablesBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(PaperTablesBenchmark.class);
    /** Seed stream of the calibration samples. */
    private static final long CALIBRATION_STREAM = 0;
    /** Seed stream of the Table I runs. */
    private static final long TABLE1_STREAM = 1;
    /** First seed stream of the Table II runs (one per cost factor). */
    private static final long TABLE2_STREAM = 2;
    /** Bins of the log10 weight histograms. */
    private static final int WEIGHT_BINS = 120;

    /** Receives progress lines for the user. */
    public interface Progress {
        /** @param line one line of progress */
        void report(String line);
    }

    private final BenchmarkSettings settings;
    private final Progress progress;

    /**
     * @param settings what to run
     * @param progress receives a line at the start of each stage
     */
    public PaperTablesBenchmark(BenchmarkSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs the benchmark.
     *
     * @param commandLine the command line, recorded in the report
     * @return what was measured
     * @throws IllegalArgumentException if the model cannot be loaded
     */
    public BenchmarkReport run(String commandLine) {
        MachineInfo machine = MachineInfo.current();
        long started = System.nanoTime();
        try (FlowProposalSampler flow = FlowProposalSampler.load(settings.modelDirectory())) {
            ModelManifest manifest = flow.proposal().manifest();
            CcqeParameters parameters = CcqeParameters.parse(manifest.physics().parameters());
            Flux flux = Flux.parse(manifest.physics().flux());
            CcqeTargetDensity density = new CcqeTargetDensity(parameters, flux);
            PhaseSpaceBox background = PhaseSpaceBox.background(parameters);
            UniformProposalSampler uniform = new UniformProposalSampler(background);
            BoxBinning binning = new BoxBinning(background, settings.coverageBins());
            BatchSeeds seeds = new BatchSeeds("benchmark-" + settings.seed());

            List<Measured> measured = new ArrayList<>();
            measured.add(measure(BenchmarkReport.FLOW, flow, flow.name(), density, seeds,
                    binning));
            measured.add(measure(BenchmarkReport.UNIFORM, uniform,
                    "uniform over " + background, density, seeds, binning));

            String model = String.format(Locale.ROOT, "%s %s (%s, %d flow steps, %,d"
                    + " parameters)", manifest.modelName(), manifest.modelVersion(),
                    manifest.flow().architecture(), manifest.flow().flowSteps(),
                    manifest.parameterCount());
            String physics = parameters.toCanonicalString() + " with flux "
                    + flux.toCanonicalString();
            return assemble(measured, model, physics, machine, commandLine,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** All measurements of one proposal. */
    private record Measured(ProposalSummary summary, CalibrationTable table,
            double[] weights, List<QuantileProgress> table1,
            Map<Integer, List<QuantileProgress>> table2,
            BenchmarkReport.ProposalCoverage coverage) {
    }

    private Measured measure(String name, ProposalSampler sampler, String description,
            CcqeTargetDensity density, BatchSeeds seeds, BoxBinning binning) {
        MeteredDensity once = new MeteredDensity(density, 1);
        progress.report(String.format(Locale.ROOT, "%s: calibration sample of %,d proposals",
                name, settings.calibrationSize()));
        CalibrationSample sample = CalibrationSample.draw(sampler, once, seeds,
                CALIBRATION_STREAM, settings.calibrationSize(), settings.cycleSize(), binning);
        CalibrationTable table = CalibrationTable.of(sample.weights(), allQuantiles());
        BenchmarkReport.ProposalCoverage coverage = coverage(name, sample, table, binning);

        progress.report(String.format(Locale.ROOT, "%s: Table I run, %,d events per quantile"
                + " (cap %.0f s)", name, settings.table1Events(), settings.table1MaxSeconds()));
        RejectionRun.Result table1 = new RejectionRun(sampler, once, seeds, TABLE1_STREAM,
                settings.cycleSize()).run(settings.table1Quantiles(),
                        thresholds(table, settings.table1Quantiles()), settings.table1Events(),
                        settings.table1MaxSeconds());
        LOG.info("{} Table I run: {} in {} s{}", name, table1.times(),
                Math.round(table1.wallSeconds()), table1.capped() ? " (capped)" : "");

        Map<Integer, List<QuantileProgress>> table2 = new LinkedHashMap<>();
        int[] factors = settings.costFactors();
        for (int f = 0; f < factors.length; f++) {
            progress.report(String.format(Locale.ROOT, "%s: Table II run, density cost x%d,"
                    + " %,d events per quantile (cap %.0f s)", name, factors[f],
                    settings.table2Events(), settings.table2MaxSeconds()));
            RejectionRun.Result run = new RejectionRun(sampler,
                    new MeteredDensity(density, factors[f]), seeds, TABLE2_STREAM + f,
                    settings.cycleSize()).run(settings.table2Quantiles(),
                            thresholds(table, settings.table2Quantiles()),
                            settings.table2Events(), settings.table2MaxSeconds());
            LOG.info("{} Table II run at cost x{}: {} in {} s{}", name, factors[f],
                    run.times(), Math.round(run.wallSeconds()), run.capped() ? " (capped)" : "");
            table2.put(factors[f], run.quantiles());
        }

        double[] weights = sample.weights();
        ProposalSummary summary = new ProposalSummary(name, description, sample.proposals(),
                sample.invalidWeights(), table.zeroFraction(), table.integral(),
                table.integralStandardError(), null, sample.times(), table1.times(),
                table1.wallSeconds(), table1.capped());
        return new Measured(summary, table, weights, table1.quantiles(), table2, coverage);
    }

    private BenchmarkReport.ProposalCoverage coverage(String name, CalibrationSample sample,
            CalibrationTable table, BoxBinning binning) {
        CalibrationRow row = table.row(settings.coverageQuantile());
        if (!(row.thresholdWeight() > 0)) {
            LOG.warn("{}: the threshold weight at quantile {} is 0 (too many zero weights): no"
                    + " coverage maps", name, settings.coverageQuantile());
            return null;
        }
        double threshold = row.thresholdWeight();
        return new BenchmarkReport.ProposalCoverage(name, binning.box(), threshold,
                row.coverage(), CoverageMaps.pairMaps(sample, binning, threshold),
                CoverageMaps.cells(sample, binning, threshold));
    }

    private BenchmarkReport assemble(List<Measured> measured, String model, String physics,
            MachineInfo machine, String commandLine, double wallSeconds) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Measured m : measured) {
            double[] own = WeightHistogram.log10Range(m.weights());
            range[0] = Math.min(range[0], Math.floor(own[0]));
            range[1] = Math.max(range[1], Math.ceil(own[1]));
        }
        if (!(range[1] > range[0])) {
            range[1] = range[0] + 1;
        }
        List<ProposalSummary> summaries = new ArrayList<>();
        List<BenchmarkReport.ProposalCoverage> coverage = new ArrayList<>();
        for (Measured m : measured) {
            ProposalSummary s = m.summary();
            summaries.add(new ProposalSummary(s.proposal(), s.description(),
                    s.calibrationProposals(), s.invalidWeights(), s.zeroFraction(),
                    s.integral(), s.integralError(),
                    WeightHistogram.of(m.weights(), WEIGHT_BINS, range[0], range[1]),
                    s.calibrationTimes(), s.table1Times(), s.table1WallSeconds(),
                    s.table1Capped()));
            if (m.coverage() != null) {
                coverage.add(m.coverage());
            }
        }
        return new BenchmarkReport(settings, model, physics, summaries,
                table1Rows(measured), table2Rows(measured.get(0), measured.get(1)), coverage,
                machine, commandLine, wallSeconds);
    }

    private List<Table1Result> table1Rows(List<Measured> measured) {
        List<Table1Result> rows = new ArrayList<>();
        double[] quantiles = settings.table1Quantiles();
        for (int q = 0; q < quantiles.length; q++) {
            for (Measured m : measured) {
                CalibrationRow row = m.table().row(quantiles[q]);
                QuantileProgress run = m.table1().get(q);
                long cycles = cycles(row.acceptance(), settings.table1Events());
                rows.add(new Table1Result(m.summary().proposal(), quantiles[q],
                        row.thresholdWeight(), row.acceptance(), cycles,
                        run.timeToTarget(cycles), run.accepted(), run.observedAcceptance(),
                        row.coverage(), row.effectiveSampleSizeRatio()));
            }
        }
        return rows;
    }

    private List<Table2Result> table2Rows(Measured flow, Measured uniform) {
        List<Table2Result> rows = new ArrayList<>();
        double[] quantiles = settings.table2Quantiles();
        for (int q = 0; q < quantiles.length; q++) {
            for (int factor : settings.costFactors()) {
                long flowCycles = cycles(flow.table().row(quantiles[q]).acceptance(),
                        settings.table2Events());
                long uniformCycles = cycles(uniform.table().row(quantiles[q]).acceptance(),
                        settings.table2Events());
                rows.add(new Table2Result(quantiles[q], factor, flowCycles,
                        flow.table2().get(factor).get(q).timeToTarget(flowCycles),
                        uniformCycles,
                        uniform.table2().get(factor).get(q).timeToTarget(uniformCycles)));
            }
        }
        return rows;
    }

    private long cycles(double acceptance, long events) {
        return acceptance > 0 ? RejectionCycles.cycles(events, acceptance, settings.cycleSize())
                : -1;
    }

    private double[] allQuantiles() {
        TreeSet<Double> all = new TreeSet<>();
        Arrays.stream(settings.table1Quantiles()).forEach(all::add);
        Arrays.stream(settings.table2Quantiles()).forEach(all::add);
        all.add(settings.coverageQuantile());
        return all.descendingSet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] thresholds(CalibrationTable table, double[] quantiles) {
        double[] thresholds = new double[quantiles.length];
        for (int q = 0; q < quantiles.length; q++) {
            thresholds[q] = table.row(quantiles[q]).thresholdWeight();
        }
        return thresholds;
    }
}
