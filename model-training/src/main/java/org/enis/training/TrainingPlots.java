package org.enis.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a trained proposal, drawn with JFreeChart: the training curve with the warm-up
 * phase shaded (paper Fig. 2), the one-dimensional marginals of p against q (Fig. 3) and the
 * distribution of log10 of the weights (Fig. 5).
 */
public final class TrainingPlots {

    /** File name of the training-curve plot. */
    public static final String TRAINING_CURVE = "training-curve.png";
    /** File name of the marginals plot. */
    public static final String MARGINALS = "marginals.png";
    /** File name of the weight-distribution plot. */
    public static final String WEIGHTS = "log10-weights.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final Color TARGET_COLOUR = new Color(31, 119, 180);
    private static final Color PROPOSAL_COLOUR = new Color(255, 127, 14);
    /** Empty bins of the log-scaled weight histogram are drawn at this count. */
    private static final double ZERO_COUNT_DRAWN_AT = 0.5;
    private static final Color WARM_UP_SHADE = new Color(200, 200, 200, 140);

    private TrainingPlots() {
    }

    /**
     * One marginal: the densities of p and q in one variable on common bins.
     *
     * @param name axis label, with unit
     * @param binEdges bin edges, increasing
     * @param target normalised density of p per bin
     * @param proposal normalised density of q per bin
     */
    public record Marginal(String name, double[] binEdges, double[] target,
            double[] proposal) {
    }

    /**
     * Plots the training curve: the mean log-likelihood of Eq. (5) against the step, the
     * warm-up steps shaded grey.
     *
     * @param curve the curve
     * @param warmupSteps number of warm-up steps
     * @param file PNG file
     * @throws IOException if the file cannot be written
     */
    public static void trainingCurve(List<CurvePoint> curve, int warmupSteps, Path file)
            throws IOException {
        XYSeries logLikelihood = new XYSeries("E_p[log q] (Eq. 5), fresh batch");
        XYSeries loss = new XYSeries("minus the training loss, sum w log q (training batches)");
        for (CurvePoint point : curve) {
            if (Double.isFinite(point.logLikelihood())) {
                logLikelihood.add(point.step(), point.logLikelihood());
            }
            if (Double.isFinite(point.trainingLoss())) {
                loss.add(point.step(), -point.trainingLoss());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(logLikelihood);
        data.addSeries(loss);
        JFreeChart chart = ChartFactory.createXYLineChart("ENIS training (grey: warm-up phase)",
                "step", "log probability (nats)", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        style(plot);
        plot.getRenderer().setSeriesPaint(0, TARGET_COLOUR);
        plot.getRenderer().setSeriesPaint(1, PROPOSAL_COLOUR);
        if (warmupSteps > 0) {
            IntervalMarker warmUp = new IntervalMarker(0, warmupSteps);
            warmUp.setPaint(WARM_UP_SHADE);
            plot.addDomainMarker(warmUp, Layer.BACKGROUND);
        }
        if (logLikelihood.getItemCount() > 0) {
            double top = logLikelihood.getMaxY();
            double bottom = Math.min(top - 1, logLikelihood.getY(
                    logLikelihood.getItemCount() - 1).doubleValue() - 4);
            plot.getRangeAxis().setRange(bottom, top + 0.5);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Plots the marginals of p and q, two by two.
     *
     * @param marginals one per variable
     * @param file PNG file
     * @throws IOException if the file cannot be written
     */
    public static void marginals(List<Marginal> marginals, Path file) throws IOException {
        int columns = 2;
        int rows = (marginals.size() + 1) / 2;
        int panelWidth = WIDTH * 2 / 3;
        int panelHeight = HEIGHT * 2 / 3;
        BufferedImage image = new BufferedImage(columns * panelWidth, rows * panelHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < marginals.size(); i++) {
            JFreeChart chart = marginalChart(marginals.get(i));
            chart.draw(graphics, new Rectangle2D.Double((i % columns) * panelWidth,
                    (i / columns) * panelHeight, panelWidth, panelHeight));
        }
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart marginalChart(Marginal marginal) {
        XYSeries target = histogramSeries("p(x)", marginal.binEdges(), marginal.target(), 0);
        XYSeries proposal = histogramSeries("q(x)", marginal.binEdges(), marginal.proposal(), 0);
        XYSeriesCollection data = new XYSeriesCollection(target);
        data.addSeries(proposal);
        JFreeChart chart = ChartFactory.createXYLineChart(null, marginal.name(),
                "normalised density", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(plot);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, TARGET_COLOUR);
        renderer.setSeriesPaint(1, PROPOSAL_COLOUR);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        plot.setRenderer(renderer);
        return chart;
    }

    /**
     * Plots the distribution of log10 of the positive weights, normalised so that their mean
     * is 1 (as the paper's Fig. 5).
     *
     * @param weights weights of proposal points, zeros included (they are left out)
     * @param bins number of bins
     * @param file PNG file
     * @throws IOException if the file cannot be written
     */
    public static void weightDistribution(double[] weights, int bins, Path file)
            throws IOException {
        double sum = 0;
        int positive = 0;
        for (double w : weights) {
            if (w > 0) {
                sum += w;
                positive++;
            }
        }
        double mean = positive == 0 ? 1 : sum / positive;
        double low = -4;
        double high = 3;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = low + (high - low) * b / bins;
        }
        double[] counts = new double[bins];
        for (double w : weights) {
            if (w > 0) {
                double value = Math.log10(w / mean);
                int b = (int) Math.floor((value - low) / (high - low) * bins);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
        }
        XYSeries series = histogramSeries("weights > 0, log10(w / mean w)", edges, counts,
                ZERO_COUNT_DRAWN_AT);
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(
                Locale.ROOT, "log10 weight distribution (%d of %d weights > 0; end bins hold the "
                        + "overflow)",
                positive, weights.length), "log10(w / <w>)", "count",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        style(plot);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, PROPOSAL_COLOUR);
        plot.setRenderer(renderer);
        LogAxis counts10 = new LogAxis("count");
        counts10.setSmallestValue(ZERO_COUNT_DRAWN_AT);
        plot.setRangeAxis(counts10);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Step series of a histogram; values below the floor are drawn at the floor. */
    private static XYSeries histogramSeries(String name, double[] edges, double[] values,
            double floor) {
        XYSeries series = new XYSeries(name, false);
        for (int b = 0; b < values.length; b++) {
            series.add(edges[b], Math.max(values[b], floor));
        }
        series.add(edges[values.length], Math.max(values[values.length - 1], floor));
        return series;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
