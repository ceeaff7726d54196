package org.enis.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enis.flow.ModelManifest;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.PhaseSpaceBox;
import org.enis.pipeline.sampling.BatchSeeds;
import org.enis.pipeline.sampling.FlowProposalSampler;
import org.enis.pipeline.sampling.StartupCalibration;
import org.enis.pipeline.sampling.WeightEvaluator;
import org.enis.weights.CalibrationRow;
import org.enis.weights.CalibrationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and checks a trained flow model for a run and chooses its threshold weight: from the
 * manifest's calibration table when the run's physics is the model's and the table has the
 * quantile, else from a calibration at start-up (with a warning that says why).
 */
final class FlowModels {
    private static final Logger LOG = LoggerFactory.getLogger(FlowModels.class);
    /** Tolerance when matching a quantile to a row of the table. */
    private static final double QUANTILE_TOLERANCE = 1e-12;

    private FlowModels() {
    }

    static ResolvedProposal resolve(Path modelDirectory, CcqeTargetDensity target,
            double quantile, boolean recalibrate, int calibrationProposals,
            WeightEvaluator weights, BatchSeeds seeds) {
        CcqeParameters physics = target.parameters();
        Path directory = modelDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("model directory " + directory + " does not"
                    + " exist: train one (see docs/training.md), give --model DIR, or"
                    + " use --proposal uniform");
        }
        try (FlowProposalSampler sampler = FlowProposalSampler.load(directory)) {
            ModelManifest manifest = sampler.proposal().manifest();
            ModelIdentity identity = new ModelIdentity(manifest.modelName(),
                    manifest.modelVersion(), manifest.fingerprint());
            CcqeParameters trained = CcqeParameters.parse(manifest.physics().parameters());
            checkCompatible(directory, trained, physics);

            List<String> reasons = recalibrationReasons(manifest, trained, target, quantile,
                    recalibrate);
            if (reasons.isEmpty()) {
                CalibrationTable table = manifest.calibration().table();
                CalibrationRow row = table.row(quantile);
                LOG.info("Model {}: threshold weight from its calibration on {} proposals",
                        identity, table.sampleSize());
                return new ResolvedProposal(ProposalKind.FLOW, directory, identity, row,
                        "model calibration on " + table.sampleSize() + " proposals");
            }
            LOG.warn("Model {}: calibrating at start-up because {}", identity,
                    String.join("; ", reasons));
            StartupCalibration.Result result = StartupCalibration.calibrate(sampler, weights,
                    seeds, quantile, calibrationProposals);
            return new ResolvedProposal(ProposalKind.FLOW, directory, identity, result.row(),
                    "start-up calibration on " + calibrationProposals + " proposals, because "
                            + String.join("; ", reasons));
        }
    }

    /** A model for another process cannot serve as proposal at all. */
    private static void checkCompatible(Path directory, CcqeParameters trained,
            CcqeParameters run) {
        if (trained.flavour() != run.flavour() || trained.nucleus() != run.nucleus()) {
            throw new IllegalArgumentException("the model in " + directory + " was trained for "
                    + trained.flavour() + " on " + trained.nucleus() + ", the run asks for "
                    + run.flavour() + " on " + run.nucleus() + ": train a model for it, or"
                    + " use --proposal uniform");
        }
        PhaseSpaceBox runBox = PhaseSpaceBox.generation(run);
        PhaseSpaceBox modelBox = PhaseSpaceBox.background(trained);
        for (int i = 0; i < PhaseSpaceBox.DIMENSION; i++) {
            if (runBox.lower(i) < modelBox.lower(i) || runBox.upper(i) > modelBox.upper(i)) {
                LOG.warn("The run's generation box {} reaches beyond the box the model was"
                        + " trained on, {}: expect a lower coverage", runBox, modelBox);
                return;
            }
        }
    }

    private static List<String> recalibrationReasons(ModelManifest manifest,
            CcqeParameters trained, CcqeTargetDensity target, double quantile,
            boolean recalibrate) {
        CcqeParameters run = target.parameters();
        List<String> reasons = new ArrayList<>();
        if (recalibrate) {
            reasons.add("--recalibrate was given");
        }
        if (!trained.equals(run)) {
            reasons.add("the run's physics differs from the model's " + differences(trained,
                    run));
        }
        String runFlux = target.flux().toCanonicalString();
        if (!runFlux.equals(manifest.physics().flux())) {
            reasons.add("the model was trained with flux " + manifest.physics().flux()
                    + ", the run uses " + runFlux);
        }
        if (manifest.calibration() == null) {
            reasons.add("the model has no calibration table");
        } else if (!hasRow(manifest.calibration().table(), quantile)) {
            reasons.add("the model's calibration table has no row for quantile " + quantile);
        }
        return reasons;
    }

    private static boolean hasRow(CalibrationTable table, double quantile) {
        return table.rows().stream()
                .anyMatch(row -> Math.abs(row.quantile() - quantile) < QUANTILE_TOLERANCE);
    }

    /** The parameters that differ, as {@code key: model -> run}. */
    static String differences(CcqeParameters model, CcqeParameters run) {
        Map<String, String> modelValues = entries(model.toCanonicalString());
        Map<String, String> runValues = entries(run.toCanonicalString());
        List<String> changed = new ArrayList<>();
        modelValues.forEach((key, value) -> {
            String other = runValues.get(key);
            if (!value.equals(other)) {
                changed.add(key + " " + value + " -> " + other);
            }
        });
        return "(" + String.join(", ", changed) + ")";
    }

    private static Map<String, String> entries(String canonical) {
        Map<String, String> entries = new LinkedHashMap<>();
        String[] tokens = canonical.split(";");
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            entries.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
        }
        return entries;
    }
}
