package org.enis.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enis.flow.FlowArchitecture;
import org.enis.flow.ModelManifest;
import org.enis.flow.SavedModelProposal;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.MarginalDistributions;
import org.enis.weights.CalibrationRow;
import org.enis.weights.WeightStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A tiny end-to-end run of the train command on the CCQE density: every output file. */
class TrainCommandIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path temporary;

    private int run(StringWriter out, String... args) {
        CommandLine commandLine = TrainCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void trainsExportsCalibratesAndResumes() throws IOException {
        Path model = temporary.resolve("model");
        String[] args = {"--output", model.toString(), "--checkpoint-dir",
            temporary.resolve("checkpoint").toString(), "--architecture", "coupling",
            "--flow-steps", "2", "--hidden-features", "8", "--steps", "160", "--batch-size",
            "1000", "--background-batch-size", "200", "--learning-rate", "5e-3",
            "--eval-every", "40", "--eval-size", "2000", "--calibration-size", "50000",
            "--no-progress"};
        StringWriter out = new StringWriter();
        assertThat(run(out, args)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("COUPLING flow, 2 steps, 2 blocks, 8 hidden "
                + "features, 8 bins: 1,512 parameters", "Calibration on 50,000 proposals",
                "0.99000");

        ModelManifest manifest = ModelManifest.read(model.resolve(ModelManifest.FILE_NAME));
        assertThat(manifest.modelName()).isEqualTo("ccqe-numubar-c12");
        assertThat(manifest.flow().architecture()).isEqualTo(FlowArchitecture.COUPLING);
        assertThat(manifest.parameterCount()).isEqualTo(1512);
        assertThat(manifest.physics().parameters())
                .isEqualTo(CcqeParameters.defaults().toCanonicalString());
        assertThat(manifest.training().steps()).isEqualTo(160);
        assertThat(manifest.training().warmupSteps()).isEqualTo(32);
        assertThat(manifest.training().command()).startsWith("train --output")
                .contains("--steps 160").doesNotContain("--no-progress");
        assertThat(manifest.calibration().table().rows()).extracting(CalibrationRow::quantile)
                .containsExactly(WeightStatistics.PAPER_QUANTILES[0],
                        WeightStatistics.PAPER_QUANTILES[1], WeightStatistics.PAPER_QUANTILES[2],
                        WeightStatistics.PAPER_QUANTILES[3], WeightStatistics.PAPER_QUANTILES[4],
                        WeightStatistics.PAPER_QUANTILES[5], WeightStatistics.PAPER_QUANTILES[6]);
        double reference = new MarginalDistributions(
                new CcqeTargetDensity(CcqeParameters.defaults())).total();
        assertThat(manifest.calibration().referenceIntegral()).isEqualTo(reference);
        // A briefly trained proposal covers the box (alpha = 0.05 of background), so the
        // importance-sampling integral agrees with the physics module's within its error.
        // (After only tens of steps the weights are so heavy-tailed that the standard error
        // itself is unreliable.)
        assertThat(manifest.calibration().table().integral())
                .isCloseTo(reference, within(6 * manifest.calibration().table()
                        .integralStandardError()));

        for (String plot : new String[] {TrainingPlots.TRAINING_CURVE, TrainingPlots.MARGINALS,
            TrainingPlots.WEIGHTS}) {
            byte[] bytes = Files.readAllBytes(model.resolve(plot));
            assertThat(bytes).hasSizeGreaterThan(5_000).startsWith(PNG_SIGNATURE);
        }
        assertThat(Files.readAllLines(model.resolve(EnisTrainer.CURVE_FILE)))
                .hasSize(6).first().isEqualTo(TrainingCurveCsv.HEADER);
        try (SavedModelProposal proposal = SavedModelProposal.load(model)) {
            assertThat(proposal.sample(1L, 10).size()).isEqualTo(10);
        }

        // Resuming a finished run re-exports the same variables.
        StringWriter again = new StringWriter();
        String[] resume = new String[args.length + 2];
        System.arraycopy(args, 0, resume, 0, args.length);
        resume[args.length] = "--resume";
        resume[args.length + 1] = "--overwrite";
        assertThat(run(again, resume)).as(again.toString()).isZero();
        assertThat(ModelManifest.read(model.resolve(ModelManifest.FILE_NAME)).fingerprint())
                .isEqualTo(manifest.fingerprint());
    }
}
