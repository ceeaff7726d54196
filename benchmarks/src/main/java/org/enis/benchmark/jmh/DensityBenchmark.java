package org.enis.benchmark.jmh;

import java.util.concurrent.TimeUnit;
import org.enis.flow.SavedModelProposal;
import org.enis.physics.CcqeTargetDensity;
import org.enis.pipeline.sampling.ProposalBlock;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The target density per point, evaluated in one batch call over one rejection cycle of
 * proposals drawn from each proposal: the density's share of a cycle. The flow's proposals lie
 * mostly in the support, where every point takes the full path; the uniform proposal's mostly
 * outside it, where the density returns early. (physics has its own benchmark of the batch
 * density on uniform and on in-support points, {@code org.enis.physics.bench.DensityBenchmark};
 * this one uses the points a rejection cycle actually sees.)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DensityBenchmark {
    /** Points per batch call: one cycle of the paper. */
    public static final int POINTS = 300_000;

    /** Where the points come from. */
    @Param({BenchmarkFixtures.FLOW, BenchmarkFixtures.UNIFORM})
    public String proposal;

    private CcqeTargetDensity density;
    private ProposalBlock block;
    private double[] out;

    /** Draws the points. */
    @Setup(Level.Trial)
    public void setUp() {
        try (SavedModelProposal model = BenchmarkFixtures.loadModel()) {
            density = BenchmarkFixtures.density(model.manifest());
            block = BenchmarkFixtures.draw(proposal, model, POINTS, 20240601L);
        }
        out = new double[POINTS];
    }

    /** One batch call over the cycle's points; the figure is per point. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void densityPerPoint(Blackhole blackhole) {
        density.density(block.neutrinoEnergyGeV(), block.muonMomentumGeV(),
                block.muonAngleRad(), block.nucleonMomentumGeV(), out, 0, POINTS);
        blackhole.consume(out);
    }
}
