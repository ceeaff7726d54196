package org.enis.pipeline;

import java.nio.file.Path;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.StartupCalibration;
import org.enis.pipeline.sampling.UniformProposalSampler;
import org.enis.pipeline.sampling.WeightEvaluator;

/**
 * Resolves a run's proposal before any event is produced: loads and checks the model (a
 * missing, corrupt or mismatched model is an {@link IllegalArgumentException} here, before
 * Kafka or Flink start), and takes the threshold weight from the model's calibration or, when
 * that does not apply, from a calibration at start-up.
 */
public final class ProposalSetup {
    private ProposalSetup() {
    }

    /**
     * {@link #resolve(ProposalKind, Path, CcqeTargetDensity, double, boolean, int, String)}
     * with the flat flux over the parameters' energy range.
     */
    public static ResolvedProposal resolve(ProposalKind kind, Path modelDirectory,
            CcqeParameters physics, double quantile, boolean recalibrate,
            int calibrationProposals, String runId) {
        return resolve(kind, modelDirectory, new CcqeTargetDensity(physics), quantile,
                recalibrate, calibrationProposals, runId);
    }

    /**
     * @param kind flow or uniform
     * @param modelDirectory the flow's model directory (ignored for uniform)
     * @param target the run's target density: its physics parameters and flux
     * @param quantile Q of the threshold weight
     * @param recalibrate whether to calibrate at start-up even when the model's table applies
     * @param calibrationProposals proposals of a start-up calibration
     * @param runId seeds the start-up calibration
     * @throws IllegalArgumentException for a bad model or when no threshold exists
     */
    public static ResolvedProposal resolve(ProposalKind kind, Path modelDirectory,
            CcqeTargetDensity target, double quantile, boolean recalibrate,
            int calibrationProposals, String runId) {
        WeightEvaluator weights = new WeightEvaluator(target);
        BatchSeeds seeds = new BatchSeeds(runId);
        if (kind == ProposalKind.UNIFORM) {
            UniformProposalSampler uniform = new UniformProposalSampler(
                    PhaseSpaceBox.background(target.parameters()));
            StartupCalibration.Result result = StartupCalibration.calibrate(uniform, weights,
                    seeds, quantile, calibrationProposals);
            return new ResolvedProposal(kind, null, ModelIdentity.UNIFORM, result.row(),
                    "start-up calibration on " + calibrationProposals + " uniform proposals");
        }
        return FlowModels.resolve(modelDirectory, target, quantile, recalibrate,
                calibrationProposals, weights, seeds);
    }
}
