package org.enis.physics.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.FinalState;
import org.enis.physics.FinalStateGenerator;
import org.enis.physics.FourMomentum;
import org.enis.physics.FreeNucleonCrossSection;
import org.enis.physics.MarginalDistributions;
import org.enis.physics.NuclearCrossSection;
import org.enis.physics.PhaseSpaceBox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code ccqe}: the CCQE target density from the command line, for physicists who do not
 * write Java. Output is CSV with a header and {@code #} comment lines that record the model.
 */
@Command(name = "ccqe", mixinStandardHelpOptions = true, version = "ccqe 0.1.0",
        description = "CCQE neutrino cross sections in a relativistic Fermi gas: evaluate the "
                + "target density p(E_nu, p_mu, theta_mu, p_N), total cross sections and "
                + "marginal distributions.",
        subcommands = {CcqeCommand.Density.class, CcqeCommand.Sigma.class,
            CcqeCommand.Marginals.class, CcqeCommand.FinalStates.class,
            CcqeCommand.Parameters.class})
public final class CcqeCommand implements Callable<Integer> {

    /** Exit code for bad input (an IllegalArgumentException from the model). */
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new CcqeCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            commandLine.getErr().flush();
            return ex instanceof IllegalArgumentException ? EXIT_BAD_INPUT : 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static void header(PrintWriter out, CcqeTargetDensity density) {
        out.println("# " + density.parameters().toCanonicalString());
        out.println("# flux " + density.flux().toCanonicalString());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** {@code density}: p(x) at given points. */
    @Command(name = "density", mixinStandardHelpOptions = true,
            description = "Evaluate the target density p(x) (1e-38 cm^2 per GeV/c per GeV/c "
                    + "per rad per target nucleon) and d3sigma/(dp_N dp_mu dcos theta) "
                    + "(1e-38 cm^2/GeV^2) at points x = E_nu,p_mu,theta_mu,p_N (GeV, GeV/c, "
                    + "rad, GeV/c).")
    static final class Density implements Callable<Integer> {
        @Mixin
        ModelOptions model;

        @Option(names = {"-x", "--point"}, paramLabel = "E,PMU,THETA,PN",
                description = "A point; repeatable.")
        List<String> points = new ArrayList<>();

        @Option(names = "--degrees", description = "theta_mu is given in degrees.")
        boolean degrees;

        @Option(names = "--input", paramLabel = "CSV",
                description = "Read points from a CSV file (4 columns; '-' for standard "
                        + "input; '#' comments and a header line are skipped).")
        String input;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CcqeTargetDensity density = model.density();
            List<String> rows = new ArrayList<>(points);
            if (input != null) {
                rows.addAll(readLines(input));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no points: give --point E,PMU,THETA,PN "
                        + "or --input FILE");
            }
            PrintWriter out = spec.commandLine().getOut();
            header(out, density);
            out.println("e_nu_gev,p_mu_gev,theta_mu_rad,p_n_gev,density,"
                    + "d3sigma_dpn_dpmu_dcostheta");
            for (String row : rows) {
                double[] x = parsePoint(row);
                if (degrees) {
                    x[2] = Math.toRadians(x[2]);
                }
                double p = density.density(x[0], x[1], x[2], x[3]);
                double perCos = x[2] >= 0.0 && x[2] <= Math.PI
                        ? density.crossSectionPerCosTheta(x[0], x[1], Math.cos(x[2]), x[3])
                        : 0.0;
                out.println(number(x[0]) + "," + number(x[1]) + "," + number(x[2]) + ","
                        + number(x[3]) + "," + number(p) + "," + number(perCos));
            }
            return 0;
        }

        private static List<String> readLines(String source) throws IOException {
            List<String> lines = new ArrayList<>();
            BufferedReader reader = source.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in,
                            StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
            try (reader) {
                String line;
                boolean first = true;
                while ((line = reader.readLine()) != null) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    boolean numeric = !trimmed.isEmpty()
                            && "+-.0123456789".indexOf(trimmed.charAt(0)) >= 0;
                    if (first && !numeric) {
                        first = false;
                        continue;
                    }
                    first = false;
                    lines.add(trimmed);
                }
            }
            return lines;
        }
    }

    static double[] parsePoint(String text) {
        String[] cells = text.split(",");
        if (cells.length != PhaseSpaceBox.DIMENSION) {
            throw new IllegalArgumentException("a point must be E_nu,p_mu,theta_mu,p_N "
                    + "(4 numbers), got '" + text + "'");
        }
        double[] x = new double[PhaseSpaceBox.DIMENSION];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(cells[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PhaseSpaceBox.variableName(i)
                        + " must be a number, got '" + cells[i] + "'", e);
            }
        }
        return x;
    }

    static List<Double> parseNumbers(String name, String text) {
        List<Double> values = new ArrayList<>();
        for (String cell : text.split(",")) {
            try {
                values.add(Double.parseDouble(cell.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be numbers separated by "
                        + "commas, got '" + cell + "'", e);
            }
        }
        return values;
    }

    /** {@code sigma}: free and nuclear total cross sections. */
    @Command(name = "sigma", mixinStandardHelpOptions = true,
            description = "Print sigma(E_nu) in 1e-38 cm^2 per target nucleon: the free "
                    + "nucleon (Llewellyn Smith) and the nuclear RFG value (the density "
                    + "integrated over p_mu, theta_mu, p_N).")
    static final class Sigma implements Callable<Integer> {
        @Mixin
        ModelOptions model;

        @Option(names = {"-e", "--energies"}, paramLabel = "E1,E2,...", required = true,
                description = "Neutrino energies in GeV, comma separated.")
        String energies;

        @Option(names = "--accuracy", paramLabel = "REL", defaultValue = "1e-4",
                description = "Relative accuracy of the nuclear integral "
                        + "(default ${DEFAULT-VALUE}).")
        double accuracy;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CcqeParameters parameters = model.parameters();
            List<Double> list = parseNumbers("--energies", energies);
            for (double e : list) {
                if (!(e >= 0) || Double.isInfinite(e)) {
                    throw new IllegalArgumentException("--energies must be finite and >= 0 GeV, "
                            + "got " + e);
                }
            }
            FreeNucleonCrossSection free = new FreeNucleonCrossSection(parameters);
            NuclearCrossSection nuclear = new NuclearCrossSection(parameters, accuracy);
            PrintWriter out = spec.commandLine().getOut();
            out.println("# " + parameters.toCanonicalString());
            out.println("# free threshold " + number(free.thresholdGeV()) + " GeV");
            out.println("e_nu_gev,sigma_free_1e38cm2,sigma_nuclear_1e38cm2,nuclear_over_free");
            boolean anyPositive = false;
            for (double e : list) {
                double sFree = free.totalCrossSection(e);
                double sNuclear = nuclear.totalCrossSection(e);
                anyPositive |= sNuclear > 0.0 || sFree > 0.0;
                out.println(number(e) + "," + number(sFree) + "," + number(sNuclear) + ","
                        + (sFree > 0.0 ? number(sNuclear / sFree) : "nan"));
            }
            if (!anyPositive) {
                spec.commandLine().getErr().println("note: every requested energy is below "
                        + "the CCQE threshold (free nucleon " + number(free.thresholdGeV())
                        + " GeV); all cross sections are 0");
            }
            return 0;
        }
    }

    /** {@code marginals}: one-dimensional marginals on a grid. */
    @Command(name = "marginals", mixinStandardHelpOptions = true,
            description = "Print the marginal distributions of p(x) at the centres of a "
                    + "uniform grid over the generation box: with --energy, the single "
                    + "differential cross sections at that E_nu (dsigma/dp_mu, dsigma/dtheta, "
                    + "dsigma/dp_N in 1e-38 cm^2 per GeV/c or per rad); without, p integrated "
                    + "over the other three variables, E_nu weighted by the flux.")
    static final class Marginals implements Callable<Integer> {
        @Mixin
        ModelOptions model;

        @Option(names = "--points", paramLabel = "N", defaultValue = "20",
                description = "Grid points per variable (default ${DEFAULT-VALUE}).")
        int points;

        @Option(names = "--variable", paramLabel = "NAME", defaultValue = "all",
                description = "e_nu, p_mu, theta_mu, p_n or all (default ${DEFAULT-VALUE}).")
        String variable;

        @Option(names = "--energy", paramLabel = "GEV",
                description = "Fixed neutrino energy: print single differentials at it.")
        Double energyGeV;

        @Option(names = "--accuracy", paramLabel = "REL", defaultValue = "1e-3",
                description = "Relative accuracy of the integrals (default ${DEFAULT-VALUE}).")
        double accuracy;

        @Option(names = "--range", paramLabel = "LOW,HIGH",
                description = "Grid range of the one --variable chosen (default: its range "
                        + "in the generation box; p_mu up to --energy when given).")
        String range;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (points < 1 || points > 10_000) {
                throw new IllegalArgumentException("--points must be in [1, 10000], got "
                        + points);
            }
            double[] custom = null;
            if (range != null) {
                List<Double> ends = parseNumbers("--range", range);
                if (ends.size() != 2 || !(ends.get(0) < ends.get(1))
                        || variable.equalsIgnoreCase("all")) {
                    throw new IllegalArgumentException("--range must be LOW,HIGH with LOW < "
                            + "HIGH and one --variable, got '" + range + "'");
                }
                custom = new double[] {ends.get(0), ends.get(1)};
            }
            CcqeTargetDensity density = model.density();
            PhaseSpaceBox box = density.generationBox();
            MarginalDistributions marginals = new MarginalDistributions(density, accuracy);
            NuclearCrossSection fixed = new NuclearCrossSection(density.parameters(), accuracy);
            PrintWriter out = spec.commandLine().getOut();
            header(out, density);
            if (energyGeV == null) {
                out.println("# marginal of p(x), flux-weighted; integral of p = "
                        + number(marginals.total()) + " (1e-38 cm^2 GeV)");
            } else {
                out.println("# single differential cross sections at E_nu = "
                        + number(energyGeV) + " GeV; sigma = "
                        + number(fixed.totalCrossSection(energyGeV)) + " 1e-38 cm^2");
            }
            out.println("variable,value,unit,marginal");
            for (int v = 0; v < PhaseSpaceBox.DIMENSION; v++) {
                if (!selected(v) || (energyGeV != null && v == 0)) {
                    continue;
                }
                double low = box.lower(v);
                double high = box.upper(v);
                if (custom != null) {
                    low = custom[0];
                    high = custom[1];
                } else if (energyGeV != null && v == PhaseSpaceBox.MUON_MOMENTUM) {
                    high = Math.min(high, energyGeV);
                }
                for (int i = 0; i < points; i++) {
                    double x = low + (i + 0.5) * (high - low) / points;
                    double value = energyGeV == null ? marginals.marginal(v, x)
                            : atEnergy(fixed, v, x);
                    out.println(PhaseSpaceBox.variableName(v) + "," + number(x) + ","
                            + PhaseSpaceBox.variableUnit(v) + "," + number(value));
                }
            }
            return 0;
        }

        private double atEnergy(NuclearCrossSection fixed, int v, double x) {
            switch (v) {
                case PhaseSpaceBox.MUON_MOMENTUM:
                    return fixed.dSigmaDMuonMomentum(energyGeV, x);
                case PhaseSpaceBox.MUON_ANGLE:
                    return fixed.dSigmaDTheta(energyGeV, x);
                default:
                    return fixed.dSigmaDNucleonMomentum(energyGeV, x);
            }
        }

        private boolean selected(int v) {
            String name = variable.toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                return true;
            }
            if (!List.of("e_nu", "p_mu", "theta_mu", "p_n").contains(name)) {
                throw new IllegalArgumentException("--variable must be e_nu, p_mu, theta_mu, "
                        + "p_n or all, got '" + variable + "'");
            }
            return PhaseSpaceBox.variableName(v).toLowerCase(Locale.ROOT).equals(name);
        }
    }

    /** {@code final-state}: exclusive final states of a point. */
    @Command(name = "final-state", mixinStandardHelpOptions = true,
            description = "Draw exclusive final states of a point x: lab four-momenta "
                    + "(E, px, py, pz in GeV, beam along +z) of the muon and the outgoing "
                    + "nucleon, and the residual nucleus recoil P_residual - P_target "
                    + "(energy eps_B - E_N, momentum -p_N), which absorbs eps_B.")
    static final class FinalStates implements Callable<Integer> {
        @Mixin
        ModelOptions model;

        @Option(names = {"-x", "--point"}, paramLabel = "E,PMU,THETA,PN", required = true,
                description = "The point (GeV, GeV/c, rad, GeV/c).")
        String point;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1",
                description = "Number of final states (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
                description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("--count must be in [1, 1000000], got "
                        + count);
            }
            double[] x = parsePoint(point);
            CcqeParameters parameters = model.parameters();
            FinalStateGenerator generator = new FinalStateGenerator(parameters);
            SplittableRandom random = new SplittableRandom(seed);
            PrintWriter out = spec.commandLine().getOut();
            out.println("# " + parameters.toCanonicalString());
            out.println("event,particle,pdg,e_gev,px_gev,py_gev,pz_gev");
            for (int n = 0; n < count; n++) {
                FinalState s = generator.generate(x[0], x[1], x[2], x[3], random);
                print(out, n, "muon", parameters.flavour().muonPdgCode(), s.muon());
                print(out, n, "nucleon", parameters.flavour().finalNucleonPdgCode(),
                        s.outgoingNucleon());
                print(out, n, "residual_recoil",
                        parameters.nucleus().residualPdgCode(parameters.flavour()),
                        s.residualRecoil());
            }
            return 0;
        }

        private static void print(PrintWriter out, int n, String name, int pdg,
                FourMomentum p) {
            out.println(n + "," + name + "," + pdg + "," + number(p.energyGeV()) + ","
                    + number(p.pxGeV()) + "," + number(p.pyGeV()) + "," + number(p.pzGeV()));
        }
    }

    /** {@code parameters}: the canonical parameter text and the boxes. */
    @Command(name = "parameters", mixinStandardHelpOptions = true,
            description = "Print the parameters in canonical text form, one per line, with "
                    + "the generation and background boxes.")
    static final class Parameters implements Callable<Integer> {
        @Mixin
        ModelOptions model;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CcqeTargetDensity density = model.density();
            PrintWriter out = spec.commandLine().getOut();
            out.println(density.parameters().toCanonicalString());
            String[] entries = density.parameters().toCanonicalString().split(";");
            for (int i = 1; i < entries.length; i++) {
                out.println("  " + entries[i]);
            }
            out.println("flux " + density.flux().toCanonicalString());
            out.println("generation box "
                    + PhaseSpaceBox.generation(density.parameters()).toCanonicalString());
            out.println("background box "
                    + PhaseSpaceBox.background(density.parameters()).toCanonicalString());
            out.println("threshold lower bound " + number(density.energyThresholdLowerBoundGeV())
                    + " GeV");
            return 0;
        }
    }
}
