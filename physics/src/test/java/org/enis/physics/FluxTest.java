package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxTest {

    @TempDir
    Path dir;

    @Test
    void flatFluxIsOneOnItsClosedRangeAndZeroOutside() {
        Flux flux = Flux.flatOver(CcqeParameters.defaults());
        assertThat(flux.weight(0.0)).isEqualTo(1.0);
        assertThat(flux.weight(10.0)).isEqualTo(1.0);
        assertThat(flux.weight(10.0001)).isEqualTo(0.0);
        assertThat(flux.weight(-0.1)).isEqualTo(0.0);
        assertThat(Flux.parse(flux.toCanonicalString())).isEqualTo(flux);
        assertThatThrownBy(() -> Flux.flat(2.0, 1.0))
                .hasMessageContaining("0 <= min < max").hasMessageContaining("[2.0, 1.0]");
    }

    @Test
    void histogramWeightIsTheValueOfTheBinHoldingTheEnergy() {
        Flux flux = Flux.histogram(new double[] {0.5, 1.0, 2.0, 4.0}, new double[] {1, 3, 2});
        assertThat(flux.weight(0.49)).isEqualTo(0.0);
        assertThat(flux.weight(0.5)).isEqualTo(1.0);
        assertThat(flux.weight(0.99)).isEqualTo(1.0);
        assertThat(flux.weight(1.0)).isEqualTo(3.0);
        assertThat(flux.weight(3.0)).isEqualTo(2.0);
        assertThat(flux.weight(4.0)).isEqualTo(2.0);
        assertThat(flux.weight(4.01)).isEqualTo(0.0);
        assertThat(Flux.parse(flux.toCanonicalString())).isEqualTo(flux);
    }

    @Test
    void csvWithHeaderAndCommentsIsRead() throws IOException {
        Path file = write("# T2K-like toy flux\nlower_edge_gev,upper_edge_gev,flux\n"
                + "0.0,0.5,2.0\n\n0.5,1.5,4.5\n1.5,3.0,1.0\n");
        Flux flux = Flux.readCsv(file);
        assertThat(flux).isEqualTo(Flux.histogram(new double[] {0.0, 0.5, 1.5, 3.0},
                new double[] {2.0, 4.5, 1.0}));
    }

    @Test
    void csvErrorsNameTheLineAndTheProblem() throws IOException {
        assertThatThrownBy(() -> Flux.readCsv(write("0,1,1\n1.5,2,1\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("previous bin's upper edge");
        assertThatThrownBy(() -> Flux.readCsv(write("0,1,1\n1,2\n")))
                .hasMessageContaining("line 2").hasMessageContaining("lower_edge_gev");
        assertThatThrownBy(() -> Flux.readCsv(write("0,1,-1\n")))
                .hasMessageContaining("must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Flux.readCsv(write("0,1,NaN\n")))
                .hasMessageContaining("got NaN");
        assertThatThrownBy(() -> Flux.readCsv(write("1,0.5,1\n")))
                .hasMessageContaining("above the previous edge");
        assertThatThrownBy(() -> Flux.readCsv(write("0,1,0\n1,2,0\n")))
                .hasMessageContaining("positive bin");
        assertThatThrownBy(() -> Flux.readCsv(write("# nothing\n")))
                .hasMessageContaining("no bins");
        assertThatThrownBy(() -> Flux.readCsv(write("a,b,c\nx,1,1\n")))
                .hasMessageContaining("line 2");
    }

    @Test
    void histogramFluxMultipliesTheDensity() {
        CcqeParameters parameters = CcqeParameters.defaults();
        Flux flux = Flux.histogram(new double[] {0.2, 1.0, 3.0}, new double[] {0.5, 2.5});
        CcqeTargetDensity flat = new CcqeTargetDensity(parameters);
        CcqeTargetDensity weighted = new CcqeTargetDensity(parameters, flux);
        assertThat(weighted.density(0.8, 0.6, 0.3, 0.2))
                .isCloseTo(0.5 * flat.density(0.8, 0.6, 0.3, 0.2), within(1e-12));
        assertThat(weighted.density(2.0, 1.6, 0.3, 0.2))
                .isCloseTo(2.5 * flat.density(2.0, 1.6, 0.3, 0.2), within(1e-12));
        assertThat(flat.density(5.0, 4.5, 0.2, 0.2)).isPositive();
        assertThat(weighted.density(5.0, 4.5, 0.2, 0.2)).isZero();
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "flux", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
