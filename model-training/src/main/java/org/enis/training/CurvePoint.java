package org.enis.training;

/**
 * One point of the training curve, measured on a fresh batch of proposal points.
 *
 * @param step steps done when measured
 * @param phase phase of the last step
 * @param learningRate learning rate of the last step
 * @param trainingLoss mean of the per-step losses {@code -sum_i w_i log q(x_i)} since the
 *     previous point (weights normalised per step), nats
 * @param logLikelihood mean log-likelihood of Eq. (5), {@code E_p[log q]}, estimated by
 *     self-normalised importance sampling from q: {@code sum w log q / sum w}, nats
 * @param effectiveSampleSizeRatio {@code (sum w)^2 / (N sum w^2)} of the fresh batch
 * @param zeroFraction share of the fresh batch with p = 0
 * @param integral {@code mean(w)}, estimate of the integral of p
 * @param elapsedSeconds training wall time so far, resumed runs included
 */
public record CurvePoint(int step, TrainingPhase phase, double learningRate,
        double trainingLoss, double logLikelihood, double effectiveSampleSizeRatio,
        double zeroFraction, double integral, double elapsedSeconds) {
}
