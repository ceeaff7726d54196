package org.enis.training;

import java.util.SplittableRandom;

/**
 * A correlated two-dimensional normal density, normalised, that can be sampled exactly: the
 * known target of the training tests. Mean (0.5, 0.5), standard deviations 0.12, correlation
 * 0.6; the box [0, 1]^2 holds all but 5e-5 of its mass and p is taken as 0 outside it.
 */
final class GaussianTarget implements BatchTargetDensity {

    static final double[] LOWER = {0, 0};
    static final double[] UPPER = {1, 1};
    private static final double MEAN = 0.5;
    private static final double SIGMA = 0.12;
    private static final double RHO = 0.6;

    @Override
    public void density(double[][] columns, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.exp(logDensity(columns[0][i], columns[1][i]));
        }
    }

    static double logDensity(double x, double y) {
        double u = (x - MEAN) / SIGMA;
        double v = (y - MEAN) / SIGMA;
        double quadratic = (u * u - 2 * RHO * u * v + v * v) / (1 - RHO * RHO);
        return -0.5 * quadratic - Math.log(2 * Math.PI * SIGMA * SIGMA * Math.sqrt(1 - RHO * RHO));
    }

    /** Exact draws, row-major [n, 2]. */
    static float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            points[2 * i] = (float) (MEAN + SIGMA * a);
            points[2 * i + 1] = (float) (MEAN + SIGMA * (RHO * a + Math.sqrt(1 - RHO * RHO) * b));
        }
        return points;
    }
}
