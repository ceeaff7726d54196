package org.enis.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of a training run.
 *
 * @param steps steps trained in total
 * @param finalLoss loss of the last step, nats
 * @param wallTimeSeconds training wall time, resumed runs included
 * @param curve the training curve
 * @param checkpointPrefix prefix of the saved final variables
 */
public record TrainingResult(int steps, double finalLoss, double wallTimeSeconds,
        List<CurvePoint> curve, Path checkpointPrefix) {
}
