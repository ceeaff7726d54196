package org.enis.physics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.enis.physics.CcqeParameters;
import org.enis.physics.FreeNucleonCrossSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CcqeCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        List<String> rows() {
            return Arrays.stream(out.split("\\R")).filter(l -> !l.startsWith("#"))
                    .skip(1).collect(Collectors.toList());
        }

        double cell(int row, int column) {
            return Double.parseDouble(rows().get(row).split(",")[column]);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CcqeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("density", "sigma", "marginals", "final-state",
                "parameters");
        assertThat(run("density", "--help").out()).contains("--point", "--flux",
                "--axial-mass", "--no-pauli-blocking");
    }

    @Test
    void densityPrintsTheReferencePoint() {
        Result r = run("density", "--flavour", "nu", "--axial-mass", "1.0", "--degrees",
                "-x", "1.0,0.80,30,0.15", "-x", "1.0,0.70,30,0.10");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("# ccqe-parameters-v1;flavour=MUON_NEUTRINO");
        assertThat(r.cell(0, 5)).isCloseTo(74.05, within(0.37));
        assertThat(r.cell(0, 4)).isCloseTo(74.05 / 2.0, within(0.19));
        assertThat(r.cell(1, 4)).isZero();
    }

    @Test
    void densityReadsPointsFromACsvFile() throws IOException {
        Path points = dir.resolve("points.csv");
        Files.writeString(points, "e_nu,p_mu,theta,p_n\n1.0,0.8,0.5236,0.15\n# comment\n"
                + "2.0,1.5,0.3,0.2\n");
        Result r = run("density", "--input", points.toString());
        assertThat(r.code()).isZero();
        assertThat(r.rows()).hasSize(2);
        assertThat(r.cell(0, 4)).isPositive();
    }

    @Test
    void sigmaPrintsFreeAndNuclearCrossSections() {
        Result r = run("sigma", "-e", "0.5,1,5", "--axial-mass", "1.0");
        assertThat(r.code()).isZero();
        assertThat(r.rows()).hasSize(3);
        assertThat(r.cell(1, 1)).isCloseTo(0.408, within(0.408 * 0.005));
        assertThat(r.cell(1, 2)).isCloseTo(0.319, within(0.319 * 0.005));
        assertThat(r.cell(2, 2)).isCloseTo(0.675, within(0.675 * 0.005));
        assertThat(r.cell(0, 3)).isCloseTo(r.cell(0, 2) / r.cell(0, 1), within(1e-4));
    }

    @Test
    void marginalsAtFixedEnergyAreTheSingleDifferentials() {
        Result r = run("marginals", "--energy", "1.0", "--points", "3", "--variable", "p_n");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("sigma = ");
        assertThat(r.rows()).hasSize(3).allMatch(row -> row.startsWith("p_N,"));
        assertThat(r.cell(2, 3)).isGreaterThan(r.cell(0, 3));
    }

    @Test
    void muonMomentumGridAtFixedEnergyEndsAtTheEnergyUnlessARangeIsGiven() {
        Result r = run("marginals", "--energy", "1.0", "--points", "4", "--variable", "p_mu");
        assertThat(r.cell(3, 1)).isEqualTo(0.875);
        assertThat(r.cell(3, 3)).isPositive();
        Result ranged = run("marginals", "--energy", "1.0", "--points", "2", "--variable",
                "p_mu", "--range", "0.9,0.98");
        assertThat(ranged.cell(0, 1)).isEqualTo(0.92);
        assertThat(run("marginals", "--range", "1,0").code())
                .isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
    }

    @Test
    void energyMarginalOverTheFluxIsTheCrossSection() {
        Result r = run("marginals", "--points", "2", "--variable", "e_nu", "--accuracy",
                "1e-3", "--max-energy", "4");
        assertThat(r.code()).isZero();
        assertThat(r.rows()).hasSize(2);
        assertThat(r.cell(0, 1)).isEqualTo(1.0);
        assertThat(r.cell(0, 3)).isCloseTo(0.3245, within(0.003));
    }

    @Test
    void finalStatePrintsThreeParticlesPerEvent() {
        Result r = run("final-state", "-x", "1.0,0.8,0.5236,0.15", "--count", "2");
        assertThat(r.code()).isZero();
        assertThat(r.rows()).hasSize(6);
        assertThat(r.rows().get(0)).startsWith("0,muon,-13,");
        assertThat(r.rows().get(1)).startsWith("0,nucleon,2112,");
        assertThat(r.rows().get(2)).startsWith("0,residual_recoil,1000050110,");
    }

    @Test
    void parametersPrintsTheCanonicalTextAndTheBoxes() {
        Result r = run("parameters", "--nucleus", "argon");
        assertThat(r.code()).isZero();
        String first = r.out().split("\\R")[0];
        assertThat(CcqeParameters.parse(first).fermiMomentumGeV()).isEqualTo(0.251);
        assertThat(r.out()).contains("background box box-v1;-0.2,10.2;");
    }

    @Test
    void canonicalParametersCanBeGivenWhole() {
        String text = CcqeParameters.defaults().toBuilder().axialMassGeV(1.1).build()
                .toCanonicalString();
        Result r = run("sigma", "-e", "2", "--parameters", text);
        assertThat(r.out()).contains("axialMassGeV=1.1;");
        FreeNucleonCrossSection free = new FreeNucleonCrossSection(CcqeParameters.parse(text));
        assertThat(r.cell(0, 1)).isCloseTo(free.totalCrossSection(2.0), within(1e-5));
    }

    @Test
    void badInputEndsWithAClearMessageAndExitCodeTwo() {
        Result negative = run("sigma", "-e", "0.5,-1");
        assertThat(negative.code()).isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
        assertThat(negative.err()).contains("--energies must be finite and >= 0 GeV, got -1.0");
        assertThat(negative.out()).doesNotContain("nan");
        Result flavour = run("sigma", "-e", "1", "--flavour", "tau");
        assertThat(flavour.code()).isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
        assertThat(flavour.err()).contains("flavour must be nu or nubar").contains("'tau'");
        Result mass = run("sigma", "-e", "1", "--axial-mass", "-2");
        assertThat(mass.code()).isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
        assertThat(mass.err()).contains("axialMassGeV must be in (0.0, 10.0] GeV, got -2.0");
        Result point = run("density", "-x", "1,2,3");
        assertThat(point.err()).contains("4 numbers");
        Result nan = run("density", "-x", "1,NaN,0.3,0.1");
        assertThat(nan.code()).isEqualTo(CcqeCommand.EXIT_BAD_INPUT);
        assertThat(nan.err()).contains("finite");
        Result missingFlux = run("density", "-x", "1,0.8,0.3,0.1", "--flux",
                dir.resolve("none.csv").toString());
        assertThat(missingFlux.code()).isNotZero();
        assertThat(missingFlux.err()).contains("none.csv");
    }
}
