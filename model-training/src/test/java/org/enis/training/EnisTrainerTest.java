package org.enis.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enis.flow.BoxMap;
import org.enis.flow.FlowArchitecture;
import org.enis.flow.FlowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnisTrainerTest {

    private static final FlowConfig FLOW = new FlowConfig(FlowArchitecture.MASKED_AUTOREGRESSIVE,
            2, 2, 1, 16, 8, 5, 3, 4);
    private static final BoxMap BACKGROUND = new BoxMap(new double[] {-0.02, -0.02},
            new double[] {1.02, 1.02}, 3);
    private static final int KL_SAMPLE = 20_000;

    private static TrainingConfig config(int steps, int checkpointInterval) {
        return new TrainingConfig(steps, 0.2, 2000, 200, 0.05, 5e-3, 9, 10, 4000,
                checkpointInterval);
    }

    private static EnisTrainer trainer(TrainingConfig config) {
        return new EnisTrainer(FLOW, config, BACKGROUND, GaussianTarget.LOWER,
                GaussianTarget.UPPER, new GaussianTarget());
    }

    /** KL(p || q) = E_p[log p - log q], on exact draws from p. */
    private static double klDivergence(FlowTrainingGraph graph) {
        float[] points = GaussianTarget.sample(KL_SAMPLE, 99);
        float[] logQ = graph.logDensity(points, KL_SAMPLE);
        double sum = 0;
        for (int i = 0; i < KL_SAMPLE; i++) {
            sum += GaussianTarget.logDensity(points[2 * i], points[2 * i + 1]) - logQ[i];
        }
        return sum / KL_SAMPLE;
    }

    @Test
    void shortTrainingReducesTheKlDivergence(@TempDir Path work) throws IOException {
        TrainingConfig config = config(60, 60);
        double before;
        try (FlowTrainingGraph initial = new FlowTrainingGraph(FLOW, BACKGROUND)) {
            before = klDivergence(initial);
        }
        TrainingResult result = trainer(config).train(work, false, TrainingListener.NONE);
        double after;
        try (FlowTrainingGraph trained = new FlowTrainingGraph(FLOW, BACKGROUND)) {
            trained.restore(result.checkpointPrefix());
            after = klDivergence(trained);
        }
        assertThat(before).isGreaterThan(0.5);
        assertThat(after).as("KL before %s, after %s", before, after).isLessThan(before / 4);
        assertThat(after).isLessThan(0.2);

        List<CurvePoint> curve = result.curve();
        assertThat(curve).extracting(CurvePoint::step).containsExactly(0, 10, 20, 30, 40, 50,
                60);
        assertThat(curve.get(1).phase()).isEqualTo(TrainingPhase.WARM_UP);
        assertThat(curve.get(6).phase()).isEqualTo(TrainingPhase.ITERATIVE);
        assertThat(curve.get(6).logLikelihood()).isGreaterThan(curve.get(0).logLikelihood());
        assertThat(TrainingCurveCsv.readUpTo(work.resolve(EnisTrainer.CURVE_FILE), 1000))
                .hasSize(7);
    }

    @Test
    void sameSeedGivesTheSameModelAndResumeContinuesExactly(@TempDir Path work)
            throws IOException {
        TrainingConfig config = config(24, 8);
        TrainingResult uninterrupted = trainer(config).train(work.resolve("a"), false,
                TrainingListener.NONE);
        TrainingResult again = trainer(config).train(work.resolve("b"), false,
                TrainingListener.NONE);

        Path killed = work.resolve("c");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void stepDone(int step, TrainingPhase phase, double loss) {
                if (step == 12) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThatThrownBy(() -> trainer(config).train(killed, false, killer))
                .hasMessage("simulated kill");
        TrainingResult resumed = trainer(config).train(killed, true, TrainingListener.NONE);

        List<float[]> reference = values(uninterrupted);
        assertThat(values(again)).usingRecursiveComparison().isEqualTo(reference);
        assertThat(values(resumed)).usingRecursiveComparison().isEqualTo(reference);
        assertThat(resumed.finalLoss()).isEqualTo(uninterrupted.finalLoss());
        assertThat(resumed.curve()).extracting(CurvePoint::step)
                .containsExactly(0, 10, 20, 24);
        try (var files = Files.list(killed.resolve(EnisTrainer.CHECKPOINT_DIRECTORY))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.startsWith("variables-24") || name.equals("state.json")
                            || name.equals("checkpoint"));
        }
    }

    @Test
    void resumeNeedsAMatchingCheckpoint(@TempDir Path work) throws IOException {
        assertThatThrownBy(() -> trainer(config(4, 2)).train(work, true, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot resume: no checkpoint state");
        trainer(config(4, 2)).train(work, false, TrainingListener.NONE);
        assertThatThrownBy(() -> trainer(config(6, 2)).train(work, true, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was written with");
    }

    @Test
    void configurationsAreValidated() {
        assertThatThrownBy(() -> new TrainingConfig(0, 0.2, 10, 10, 0.05, 1e-3, 1, 1, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps must be in [1, 100000000], got 0");
        assertThatThrownBy(() -> new TrainingConfig(10, 1.0, 10, 10, 0.05, 1e-3, 1, 1, 10, 1))
                .hasMessageContaining("warmupFraction must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new TrainingConfig(10, 0.2, 10, 10, 1.0, 1e-3, 1, 1, 10, 1))
                .hasMessageContaining("alpha must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> new TrainingConfig(10, 0.2, 10, 10, 0.05, -1, 1, 1, 10, 1))
                .hasMessageContaining("learningRate must be in (0, 1], got -1.0");
        TrainingConfig paper = TrainingConfig.paperDefaults(1000, 1);
        assertThat(paper.warmupSteps()).isEqualTo(200);
        assertThat(paper.phase(199)).isEqualTo(TrainingPhase.WARM_UP);
        assertThat(paper.phase(200)).isEqualTo(TrainingPhase.ITERATIVE);
        assertThat(paper.learningRate(0)).isEqualTo(5e-4);
        assertThat(paper.learningRate(500)).isCloseTo(2.5e-4, org.assertj.core.api.Assertions
                .within(1e-12));
        assertThatThrownBy(() -> new EnisTrainer(FLOW, paper, BACKGROUND, new double[3],
                new double[3], new GaussianTarget()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the flow has 2 features");
    }

    private static List<float[]> values(TrainingResult result) {
        try (FlowTrainingGraph graph = new FlowTrainingGraph(FLOW, BACKGROUND)) {
            graph.restore(result.checkpointPrefix());
            return graph.variableValues();
        }
    }
}
