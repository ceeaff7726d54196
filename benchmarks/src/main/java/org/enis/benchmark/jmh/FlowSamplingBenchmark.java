package org.enis.benchmark.jmh;

import java.util.concurrent.TimeUnit;
import org.enis.flow.SavedModelProposal;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The flow per point, by the number of points per call: drawing with log q (the proposal's
 * whole cost in a rejection cycle), and log q alone of given points. Each invocation handles
 * {@value #POINTS} points in calls of {@code chunk} points. {@link SavedModelProposal} runs
 * TensorFlow on at most {@value SavedModelProposal#CHUNK_SIZE} points at a time, so larger
 * chunks measure its splitting.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class FlowSamplingBenchmark {
    /** Points per invocation. */
    public static final int POINTS = 262_144;

    /** Points per call. */
    @Param({"1024", "4096", "16384", "65536", "262144"})
    public int chunk;

    private SavedModelProposal model;
    private double[] neutrinoEnergyGeV;
    private double[] muonMomentumGeV;
    private double[] muonAngleRad;
    private double[] nucleonMomentumGeV;
    private double[] logQ;
    private double[][] points;
    private long seed;

    /** Loads the model and draws the points whose log q is evaluated. */
    @Setup(Level.Trial)
    public void setUp() {
        if (POINTS % chunk != 0) {
            throw new IllegalArgumentException("chunk must divide " + POINTS + ", got " + chunk);
        }
        model = BenchmarkFixtures.loadModel();
        neutrinoEnergyGeV = new double[POINTS];
        muonMomentumGeV = new double[POINTS];
        muonAngleRad = new double[POINTS];
        nucleonMomentumGeV = new double[POINTS];
        logQ = new double[POINTS];
        points = model.sample(7L, POINTS).columns();
    }

    /** Closes the model. */
    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }

    /** Draws {@value #POINTS} points with their log q. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void sampleWithLogQ(Blackhole blackhole) {
        for (int offset = 0; offset < POINTS; offset += chunk) {
            model.sample(seed++, chunk, neutrinoEnergyGeV, muonMomentumGeV, muonAngleRad,
                    nucleonMomentumGeV, logQ, offset);
        }
        blackhole.consume(logQ);
    }

    /** Evaluates log q of {@value #POINTS} given points. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void logQOnly(Blackhole blackhole) {
        for (int offset = 0; offset < POINTS; offset += chunk) {
            model.logQ(points, logQ, offset, offset + chunk);
        }
        blackhole.consume(logQ);
    }
}
