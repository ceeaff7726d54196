package org.enis.pipeline;

import java.nio.file.Path;
import org.enis.weights.CalibrationRow;

/**
 * The proposal of a run, resolved before anything starts: which model, and the threshold
 * weight with what it implies at the run's quantile.
 *
 * @param kind flow or uniform
 * @param modelDirectory the model's directory; null for the uniform proposal
 * @param identity the model's name, version and fingerprint
 * @param calibration threshold weight, expected acceptance, coverage and ESS at the quantile
 * @param calibrationSource where the calibration came from, for logs and the summary
 */
public record ResolvedProposal(ProposalKind kind, Path modelDirectory, ModelIdentity identity,
        CalibrationRow calibration, String calibrationSource) {
}
