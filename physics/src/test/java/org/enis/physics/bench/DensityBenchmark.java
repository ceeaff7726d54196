package org.enis.physics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.PhaseSpaceBox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Batch evaluation of the CCQE target density, in nanoseconds per point on one thread
 * (goal: at most 100 ns per point per core).
 *
 * <p>Run: {@code mvn -q -pl physics test-compile exec:exec@bench}. Two point sets of
 * {@value #POINTS} points each:
 * <ul>
 *   <li>{@code backgroundBox}: uniform in the background box, as in training warm-up and the
 *       uniform baseline (most points outside the support, rejected early);</li>
 *   <li>{@code supportOnly}: points where the density is positive (every point takes the full
 *       form-factor and contraction path), the worst case.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DensityBenchmark {

    /** Points per batch call. */
    public static final int POINTS = 100_000;

    private CcqeTargetDensity density;
    private double[] backgroundE;
    private double[] backgroundMuon;
    private double[] backgroundAngle;
    private double[] backgroundNucleon;
    private double[] supportE;
    private double[] supportMuon;
    private double[] supportAngle;
    private double[] supportNucleon;
    private double[] out;

    /** Draws both point sets. */
    @Setup(Level.Trial)
    public void setUp() {
        CcqeParameters parameters = CcqeParameters.defaults();
        density = new CcqeTargetDensity(parameters);
        PhaseSpaceBox box = PhaseSpaceBox.background(parameters);
        SplittableRandom random = new SplittableRandom(2024L);
        backgroundE = new double[POINTS];
        backgroundMuon = new double[POINTS];
        backgroundAngle = new double[POINTS];
        backgroundNucleon = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            backgroundE[i] = box.lower(0) + box.width(0) * random.nextDouble();
            backgroundMuon[i] = box.lower(1) + box.width(1) * random.nextDouble();
            backgroundAngle[i] = box.lower(2) + box.width(2) * random.nextDouble();
            backgroundNucleon[i] = box.lower(3) + box.width(3) * random.nextDouble();
        }
        supportE = new double[POINTS];
        supportMuon = new double[POINTS];
        supportAngle = new double[POINTS];
        supportNucleon = new double[POINTS];
        int n = 0;
        while (n < POINTS) {
            double e = 0.2 + 9.8 * random.nextDouble();
            double pMu = e * (0.3 + 0.7 * random.nextDouble());
            double theta = 1.5 * random.nextDouble();
            double pN = 0.225 * random.nextDouble();
            if (density.density(e, pMu, theta, pN) > 0.0) {
                supportE[n] = e;
                supportMuon[n] = pMu;
                supportAngle[n] = theta;
                supportNucleon[n] = pN;
                n++;
            }
        }
        out = new double[POINTS];
    }

    /** Uniform points of the background box. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void backgroundBox(Blackhole blackhole) {
        density.density(backgroundE, backgroundMuon, backgroundAngle, backgroundNucleon, out,
                0, POINTS);
        blackhole.consume(out);
    }

    /** Points of positive density only (full evaluation path). */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public void supportOnly(Blackhole blackhole) {
        density.density(supportE, supportMuon, supportAngle, supportNucleon, out, 0, POINTS);
        blackhole.consume(out);
    }

    /**
     * Runs the JMH benchmark on one thread (wall-clock ns per point), then prints the thread
     * CPU time per point of the same batches, a figure that other processes on a shared
     * machine do not inflate. With arguments, they are passed to JMH's own command line
     * instead; {@code --cpu-time} alone prints only the CPU-time figures.
     */
    public static void main(String[] args) throws RunnerException, IOException {
        boolean cpuTimeOnly = args.length == 1 && args[0].equals("--cpu-time");
        if (args.length > 0 && !cpuTimeOnly) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        if (!cpuTimeOnly) {
            Options options = new OptionsBuilder()
                    .include(DensityBenchmark.class.getName())
                    .threads(1)
                    .build();
            new Runner(options).run();
        }
        printCpuTimePerPoint();
    }

    /** Thread CPU time per point, best and median of {@value #CPU_REPEATS} repeats. */
    private static void printCpuTimePerPoint() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DensityBenchmark state = new DensityBenchmark();
        state.setUp();
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand "
                + "instantiating Blackholes directly is dangerous.");
        for (String set : new String[] {"backgroundBox", "supportOnly"}) {
            Runnable batch = set.equals("backgroundBox") ? () -> state.backgroundBox(blackhole)
                    : () -> state.supportOnly(blackhole);
            for (int warm = 0; warm < 200; warm++) {
                batch.run();
            }
            double[] perPoint = new double[CPU_REPEATS];
            for (int r = 0; r < CPU_REPEATS; r++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < CPU_BATCHES; k++) {
                    batch.run();
                }
                perPoint[r] = (threads.getCurrentThreadCpuTime() - start)
                        / (double) (CPU_BATCHES * (long) POINTS);
            }
            Arrays.sort(perPoint);
            System.out.printf(Locale.ROOT, "DensityBenchmark.%s thread CPU time: "
                    + "best %.1f ns/point, median %.1f ns/point (%d x %d batches of %d)%n",
                    set, perPoint[0], perPoint[CPU_REPEATS / 2], CPU_REPEATS, CPU_BATCHES,
                    POINTS);
        }
    }

    private static final int CPU_REPEATS = 9;
    private static final int CPU_BATCHES = 20;
}
