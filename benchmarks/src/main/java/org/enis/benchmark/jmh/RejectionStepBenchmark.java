package org.enis.benchmark.jmh;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.enis.flow.SavedModelProposal;
import org.enis.pipeline.sampling.ProposalBlock;
import org.enis.pipeline.sampling.ProposalSampler;
import org.enis.pipeline.sampling.QuantileRejection;
import org.enis.pipeline.sampling.WeightEvaluator;
import org.enis.weights.WeightStatistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steps of a rejection cycle after drawing, per proposal, on one cycle of real weights of
 * each proposal: the accept step alone (a uniform draw and {@link QuantileRejection#accepts}
 * at the threshold of quantile {@code quantile}), and forming the weights with the density
 * ({@link WeightEvaluator}: p, then {@code w = p exp(-log q)}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RejectionStepBenchmark {
    /** Proposals per invocation: one cycle of the paper. */
    public static final int POINTS = 300_000;

    /** Where the weights come from. */
    @Param({BenchmarkFixtures.FLOW, BenchmarkFixtures.UNIFORM})
    public String proposal;

    /** Quantile of the threshold weight, chosen on this cycle's own weights. */
    @Param({"0.99"})
    public double quantile;

    private double[] weights;
    private QuantileRejection rejection;
    private ProposalBlock block;
    private WeightEvaluator evaluator;
    private long seed;

    /** Draws one cycle and forms its weights and threshold. */
    @Setup(Level.Trial)
    public void setUp() {
        try (SavedModelProposal model = BenchmarkFixtures.loadModel();
                ProposalSampler sampler = BenchmarkFixtures.sampler(proposal, model)) {
            block = new ProposalBlock();
            sampler.sample(11L, POINTS, block);
            evaluator = new WeightEvaluator(BenchmarkFixtures.density(model.manifest()));
            evaluator.evaluate(block);
        }
        weights = Arrays.copyOf(block.weight(), POINTS);
        double[] valid = Arrays.stream(weights).filter(w -> !Double.isNaN(w)).toArray();
        rejection = new QuantileRejection(WeightStatistics.thresholdWeight(valid, quantile),
                false);
    }

    /** The accept step over one cycle; returns the accepted count. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public long acceptStep() {
        SplittableRandom uniforms = new SplittableRandom(seed++);
        long accepted = 0;
        for (int i = 0; i < POINTS; i++) {
            if (rejection.accepts(weights[i], uniforms.nextDouble())) {
                accepted++;
            }
        }
        return accepted;
    }

    /** Density and weights of one cycle's proposals; returns the invalid count. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public int densityAndWeights() {
        return evaluator.evaluate(block);
    }
}
