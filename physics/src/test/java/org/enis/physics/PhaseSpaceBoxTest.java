package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhaseSpaceBoxTest {

    private static final double EXACT = 1e-15;

    @Test
    void generationBoxIsTheContractBox() {
        PhaseSpaceBox box = PhaseSpaceBox.generation(CcqeParameters.defaults());
        assertThat(box.lower(0)).isEqualTo(0.0);
        assertThat(box.upper(0)).isEqualTo(10.0);
        assertThat(box.upper(1)).isEqualTo(10.0);
        assertThat(box.upper(2)).isEqualTo(Math.PI);
        assertThat(box.upper(3)).isEqualTo(0.225);
        assertThat(box.volume()).isCloseTo(10.0 * 10.0 * Math.PI * 0.225, within(1e-12));
    }

    @Test
    void backgroundBoxIsWidenedByTwoPercentOfEachRangeAtBothEnds() {
        PhaseSpaceBox box = PhaseSpaceBox.background(CcqeParameters.defaults());
        assertThat(box.lower(0)).isCloseTo(-0.2, within(EXACT));
        assertThat(box.upper(0)).isCloseTo(10.2, within(EXACT));
        assertThat(box.lower(2)).isCloseTo(-0.02 * Math.PI, within(EXACT));
        assertThat(box.upper(2)).isCloseTo(1.02 * Math.PI, within(EXACT));
        assertThat(box.lower(3)).isCloseTo(-0.0045, within(EXACT));
        assertThat(box.upper(3)).isCloseTo(0.2295, within(EXACT));
        assertThat(box.width(1)).isCloseTo(10.4, within(1e-12));
    }

    @Test
    void containsIsClosedAndRejectsNaN() {
        PhaseSpaceBox box = PhaseSpaceBox.generation(CcqeParameters.defaults());
        assertThat(box.contains(new double[] {0.0, 10.0, Math.PI, 0.225})).isTrue();
        assertThat(box.contains(1.0, 1.0, 1.0, 0.2251)).isFalse();
        assertThat(box.contains(Double.NaN, 1.0, 1.0, 0.1)).isFalse();
        assertThatThrownBy(() -> box.contains(new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalTextRoundTrips() {
        PhaseSpaceBox box = PhaseSpaceBox.background(CcqeParameters.defaults());
        assertThat(PhaseSpaceBox.parse(box.toCanonicalString())).isEqualTo(box)
                .hasSameHashCodeAs(box);
        assertThat(PhaseSpaceBox.generation(CcqeParameters.defaults()).toCanonicalString())
                .isEqualTo("box-v1;0.0,10.0;0.0,10.0;0.0,3.141592653589793;0.0,0.225");
    }

    @Test
    void invalidBoxesAreRejectedWithTheVariableNamed() {
        assertThatThrownBy(() -> new PhaseSpaceBox(new double[] {0, 0, 0, 1},
                new double[] {1, 1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p_N");
        assertThatThrownBy(() -> PhaseSpaceBox.parse("box-v1;0,1;0,1;0,1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhaseSpaceBox.parse("box-v1;0,1;0,1;0,x;0,1"))
                .hasMessageContaining("theta_mu");
        assertThatThrownBy(() -> PhaseSpaceBox.generation(CcqeParameters.defaults())
                .widened(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhaseSpaceBox.generation(CcqeParameters.defaults()).lower(4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
