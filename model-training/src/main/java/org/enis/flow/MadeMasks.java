package org.enis.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connectivity masks of a residual conditioner network, one {@code [in][out]} 0/1 matrix per
 * linear layer: the input layer, two layers per residual block, the output layer.
 *
 * <p>For the masked autoregressive variant (MADE, Germain et al. arXiv:1502.03509) input
 * feature i has degree i + 1, hidden unit j has degree {@code j mod (D - 1) + 1}, and output
 * unit o, which belongs to feature {@code o / P} for P spline parameters per feature, has the
 * degree of its feature. A hidden unit sees inputs of degree at most its own; an output sees
 * hidden units of strictly smaller degree, so the spline of feature i depends only on features
 * before i.
 *
 * @param layers masks in layer order
 * @param masked false for a dense network (all ones; the masks are then not applied)
 */
record MadeMasks(List<float[][]> layers, boolean masked) {

    static MadeMasks create(int features, int hidden, int blocks, int parametersPerFeature) {
        int[] inputDegrees = new int[features];
        for (int i = 0; i < features; i++) {
            inputDegrees[i] = i + 1;
        }
        int[] hiddenDegrees = new int[hidden];
        int cycle = Math.max(1, features - 1);
        for (int j = 0; j < hidden; j++) {
            hiddenDegrees[j] = j % cycle + Math.min(1, features - 1);
        }
        int[] outputDegrees = new int[features * parametersPerFeature];
        for (int o = 0; o < outputDegrees.length; o++) {
            outputDegrees[o] = o / parametersPerFeature + 1;
        }

        List<float[][]> layers = new ArrayList<>();
        layers.add(mask(inputDegrees, hiddenDegrees, false));
        for (int b = 0; b < 2 * blocks; b++) {
            layers.add(mask(hiddenDegrees, hiddenDegrees, false));
        }
        layers.add(mask(hiddenDegrees, outputDegrees, true));
        return new MadeMasks(layers, true);
    }

    static MadeMasks dense(int inputs, int hidden, int blocks, int outputs) {
        List<float[][]> layers = new ArrayList<>();
        layers.add(ones(inputs, hidden));
        for (int b = 0; b < 2 * blocks; b++) {
            layers.add(ones(hidden, hidden));
        }
        layers.add(ones(hidden, outputs));
        return new MadeMasks(layers, false);
    }

    private static float[][] mask(int[] inDegrees, int[] outDegrees, boolean strict) {
        float[][] mask = new float[inDegrees.length][outDegrees.length];
        for (int i = 0; i < inDegrees.length; i++) {
            for (int o = 0; o < outDegrees.length; o++) {
                boolean connected = strict ? outDegrees[o] > inDegrees[i]
                        : outDegrees[o] >= inDegrees[i];
                mask[i][o] = connected ? 1f : 0f;
            }
        }
        return mask;
    }

    private static float[][] ones(int in, int out) {
        float[][] ones = new float[in][out];
        for (float[] row : ones) {
            Arrays.fill(row, 1f);
        }
        return ones;
    }
}
