package org.enis.benchmark;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.enis.physics.PhaseSpaceBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmark's PNG plots, after the paper's figures: Fig. 5 (log10 weight distributions of
 * both proposals), Fig. 6 (coverage per two-dimensional bin for every pair of variables) and
 * Fig. 7 (four-dimensional bins by their share of weight and their coverage).
 */
public final class Plots {
    /** Fig. 5 file name. */
    public static final String WEIGHTS = "fig5-log10-weights.png";
    /** Fig. 6 file name of a proposal: {@code fig6-coverage-<proposal>.png}. */
    public static final String COVERAGE_PAIRS = "fig6-coverage-%s.png";
    /** Fig. 7 file name. */
    public static final String COVERAGE_CELLS = "fig7-coverage-cells.png";

    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 480;
    private static final int MAP_PANEL = 520;
    private static final int CELL_BINS_X = 60;
    private static final int CELL_BINS_Y = 50;
    /** Decades of weight share drawn in Fig. 7, below the largest. */
    private static final double CELL_DECADES = 9;
    /** A zero count drawn on a log axis. */
    private static final double EMPTY_COUNT = 0.5;
    private static final Color[] PROPOSAL_COLOURS = {new Color(31, 119, 180),
        new Color(214, 39, 40)};

    private Plots() {
    }

    /**
     * Fig. 5: one panel per proposal, counts of {@code log10(w / <w>)} for w &gt; 0.
     *
     * @param summaries the proposals, with their histograms
     * @param file PNG to write
     * @throws IOException if the file cannot be written
     */
    public static void weightDistributions(List<ProposalSummary> summaries, Path file)
            throws IOException {
        JFreeChart[] charts = new JFreeChart[summaries.size()];
        for (int p = 0; p < charts.length; p++) {
            ProposalSummary summary = summaries.get(p);
            WeightHistogram histogram = summary.weights();
            XYSeries series = new XYSeries(summary.proposal(), false, true);
            double width = (histogram.highEdge() - histogram.lowEdge())
                    / histogram.counts().length;
            for (int b = 0; b < histogram.counts().length; b++) {
                double count = Math.max(EMPTY_COUNT, histogram.counts()[b]);
                series.add(histogram.lowEdge() + b * width, count);
            }
            series.add(histogram.highEdge(), EMPTY_COUNT);
            XYPlot plot = new XYPlot(new XYSeriesCollection(series),
                    new NumberAxis("log10(w / <w>), w > 0"), logAxis("proposals"),
                    new XYStepRenderer());
            plot.getRenderer().setSeriesPaint(0, PROPOSAL_COLOURS[p % PROPOSAL_COLOURS.length]);
            style(plot);
            JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%s: %,d of %,d weights"
                    + " > 0, log10 w = %.3f +- %.3f", summary.proposal(), histogram.positive(),
                    histogram.total(), histogram.meanLog10(), histogram.stdLog10())));
            chart.setBackgroundPaint(Color.WHITE);
            charts[p] = chart;
        }
        writeGrid(charts, charts.length, PANEL_WIDTH, PANEL_HEIGHT, file);
    }

    /**
     * Fig. 6: coverage per two-dimensional bin of every pair of variables, for one proposal.
     * Bins that no positive weight fell in are left white.
     *
     * @param coverage the proposal's maps
     * @param quantile the quantile of the threshold weight
     * @param file PNG to write
     * @throws IOException if the file cannot be written
     */
    public static void coveragePairs(BenchmarkReport.ProposalCoverage coverage, double quantile,
            Path file) throws IOException {
        List<CoverageMaps.PairMap> maps = coverage.pairs();
        JFreeChart[] charts = new JFreeChart[maps.size()];
        PhaseSpaceBox box = coverage.box();
        for (int m = 0; m < charts.length; m++) {
            CoverageMaps.PairMap map = maps.get(m);
            int bins = map.bins();
            double dx = box.width(map.xVariable()) / bins;
            double dy = box.width(map.yVariable()) / bins;
            int filled = 0;
            for (double c : map.coverage()) {
                filled += Double.isNaN(c) ? 0 : 1;
            }
            double[][] xyz = new double[3][filled];
            int k = 0;
            for (int ix = 0; ix < bins; ix++) {
                for (int iy = 0; iy < bins; iy++) {
                    double c = map.coverage()[ix * bins + iy];
                    if (!Double.isNaN(c)) {
                        xyz[0][k] = box.lower(map.xVariable()) + (ix + 0.5) * dx;
                        xyz[1][k] = box.lower(map.yVariable()) + (iy + 0.5) * dy;
                        xyz[2][k] = c;
                        k++;
                    }
                }
            }
            DefaultXYZDataset dataset = new DefaultXYZDataset();
            dataset.addSeries("coverage", xyz);
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setBlockWidth(dx);
            renderer.setBlockHeight(dy);
            ColourScale scale = new ColourScale(0, 1);
            renderer.setPaintScale(scale);
            NumberAxis xAxis = new NumberAxis(axisLabel(map.xVariable()));
            NumberAxis yAxis = new NumberAxis(axisLabel(map.yVariable()));
            xAxis.setRange(box.lower(map.xVariable()), box.upper(map.xVariable()));
            yAxis.setRange(box.lower(map.yVariable()), box.upper(map.yVariable()));
            XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
            style(plot);
            JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
            chart.addSubtitle(legend(scale, "coverage"));
            chart.setBackgroundPaint(Color.WHITE);
            charts[m] = chart;
        }
        String title = String.format(Locale.ROOT, "Coverage per bin, %s proposal, quantile %s"
                + " (w_Q = %.4g, total coverage %.4f)", coverage.proposal(), quantile,
                coverage.thresholdWeight(), coverage.coverage());
        writeGrid(charts, 3, MAP_PANEL, MAP_PANEL, file, title);
    }

    /**
     * Fig. 7: for each proposal, the number of four-dimensional bins by their share of the
     * weight (log10 of the percentage) and their coverage.
     *
     * @param coverages the proposals' maps
     * @param quantile the quantile of the threshold weight
     * @param file PNG to write
     * @throws IOException if the file cannot be written
     */
    public static void coverageCells(List<BenchmarkReport.ProposalCoverage> coverages,
            double quantile, Path file) throws IOException {
        double top = Double.NEGATIVE_INFINITY;
        for (BenchmarkReport.ProposalCoverage coverage : coverages) {
            for (CoverageMaps.Cell cell : coverage.cells()) {
                top = Math.max(top, Math.log10(cell.weightPercent()));
            }
        }
        double xHigh = Math.ceil(top);
        double xLow = xHigh - CELL_DECADES;
        double dx = (xHigh - xLow) / CELL_BINS_X;
        double dy = 1.0 / CELL_BINS_Y;
        JFreeChart[] charts = new JFreeChart[coverages.size()];
        for (int p = 0; p < charts.length; p++) {
            BenchmarkReport.ProposalCoverage coverage = coverages.get(p);
            double[] counts = new double[CELL_BINS_X * CELL_BINS_Y];
            for (CoverageMaps.Cell cell : coverage.cells()) {
                double x = Math.log10(cell.weightPercent());
                int ix = Math.max(0, Math.min(CELL_BINS_X - 1, (int) ((x - xLow) / dx)));
                int iy = Math.max(0, Math.min(CELL_BINS_Y - 1, (int) (cell.coverage() / dy)));
                counts[ix * CELL_BINS_Y + iy]++;
            }
            double maxCount = 1;
            int filled = 0;
            for (double c : counts) {
                maxCount = Math.max(maxCount, c);
                filled += c > 0 ? 1 : 0;
            }
            double[][] xyz = new double[3][filled];
            int k = 0;
            for (int ix = 0; ix < CELL_BINS_X; ix++) {
                for (int iy = 0; iy < CELL_BINS_Y; iy++) {
                    double c = counts[ix * CELL_BINS_Y + iy];
                    if (c > 0) {
                        xyz[0][k] = xLow + (ix + 0.5) * dx;
                        xyz[1][k] = (iy + 0.5) * dy;
                        xyz[2][k] = Math.log10(c);
                        k++;
                    }
                }
            }
            DefaultXYZDataset dataset = new DefaultXYZDataset();
            dataset.addSeries("bins", xyz);
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setBlockWidth(dx);
            renderer.setBlockHeight(dy);
            ColourScale scale = new ColourScale(0, Math.max(1, Math.log10(maxCount)));
            renderer.setPaintScale(scale);
            NumberAxis xAxis = new NumberAxis("log10(% of weight in the bin)");
            xAxis.setRange(xLow, xHigh);
            NumberAxis yAxis = new NumberAxis("coverage of the bin");
            yAxis.setRange(0, 1);
            XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
            style(plot);
            JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%s: %,d four-dimensional"
                    + " bins with weight", coverage.proposal(), coverage.cells().size())));
            chart.addSubtitle(legend(scale, "log10(number of bins)"));
            chart.setBackgroundPaint(Color.WHITE);
            charts[p] = chart;
        }
        writeGrid(charts, charts.length, PANEL_WIDTH, PANEL_HEIGHT, file, String.format(
                Locale.ROOT, "Four-dimensional bins by weight share and coverage, quantile %s",
                quantile));
    }

    private static String axisLabel(int variable) {
        return PhaseSpaceBox.variableName(variable) + " [" + PhaseSpaceBox.variableUnit(variable)
                + "]";
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(EMPTY_COUNT);
        axis.setTickUnit(new NumberTickUnit(1), false, false);
        axis.setAutoTickUnitSelection(false);
        return axis;
    }

    private static PaintScaleLegend legend(PaintScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        double span = scale.getUpperBound() - scale.getLowerBound();
        axis.setTickUnit(new NumberTickUnit(span <= 1 ? 0.1 : Math.ceil(span / 8)));
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 4, 4, 4);
        return legend;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
    }

    private static void writeGrid(JFreeChart[] charts, int columns, int width, int height,
            Path file) throws IOException {
        writeGrid(charts, columns, width, height, file, null);
    }

    private static void writeGrid(JFreeChart[] charts, int columns, int width, int height,
            Path file, String title) throws IOException {
        int rows = (charts.length + columns - 1) / columns;
        int titleHeight = title == null ? 0 : 36;
        BufferedImage image = new BufferedImage(columns * width, rows * height + titleHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (title != null) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
                g.drawString(title, 12, 24);
            }
            for (int c = 0; c < charts.length; c++) {
                charts[c].draw(g, new Rectangle2D.Double(c % columns * width,
                        titleHeight + c / columns * height, width, height));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** A blue-to-yellow colour scale over {@code [lower, upper]}. */
    static final class ColourScale implements PaintScale {
        private static final float[][] STOPS = {{0.27f, 0.00f, 0.33f}, {0.23f, 0.32f, 0.55f},
            {0.13f, 0.57f, 0.55f}, {0.37f, 0.79f, 0.38f}, {0.99f, 0.91f, 0.14f}};
        private final double lower;
        private final double upper;

        ColourScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = (Math.max(lower, Math.min(upper, value)) - lower) / (upper - lower);
            double position = t * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) position);
            float f = (float) (position - i);
            return new Color(mix(STOPS[i][0], STOPS[i + 1][0], f),
                    mix(STOPS[i][1], STOPS[i + 1][1], f), mix(STOPS[i][2], STOPS[i + 1][2], f));
        }

        private static float mix(float a, float b, float f) {
            return a + (b - a) * f;
        }
    }
}
