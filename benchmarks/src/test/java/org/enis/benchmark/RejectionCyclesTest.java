package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RejectionCyclesTest {

    @Test
    void eq11RoundsUpToWholeCycles() {
        // 1e6 / (0.5 * 3e5) = 6.67 -> 7
        assertThat(RejectionCycles.cycles(1_000_000, 0.5, 300_000)).isEqualTo(7);
        // 1e6 / (0.005137 * 3e5) = 648.9 -> 649, the paper's flow row at Q = 1
        assertThat(RejectionCycles.cycles(1_000_000, 0.005137, 300_000)).isEqualTo(649);
        // 1e6 / (0.7968 * 3e5) = 4.18 -> 5, the paper's flow row at Q = 0.981
        assertThat(RejectionCycles.cycles(1_000_000, 0.7968, 300_000)).isEqualTo(5);
        // 1e7 / (0.0002 * 3e5) = 166,666.7 -> 166,667
        assertThat(RejectionCycles.cycles(10_000_000, 0.0002, 300_000)).isEqualTo(166_667);
    }

    @Test
    void anIntegerQuotientIsNotRoundedUpByRoundingError() {
        // 1e6 / ((1/3) * 3e5) is 10 exactly; in doubles 1/3 * 3e5 is a hair off 1e5
        assertThat(RejectionCycles.cycles(1_000_000, 1.0 / 3, 300_000)).isEqualTo(10);
        assertThat(RejectionCycles.cycles(600_000, 1.0, 300_000)).isEqualTo(2);
        assertThat(RejectionCycles.cycles(600_001, 1.0, 300_000)).isEqualTo(3);
        assertThat(RejectionCycles.cycles(1, 1.0, 300_000)).isEqualTo(1);
    }

    @Test
    void timeIsCycleTimeTimesCycles() {
        // the paper's flow row at Q = 1: 0.31 s x 649 = 201.19 s (the paper prints 201.822)
        assertThat(RejectionCycles.seconds(0.31, 649)).isCloseTo(201.19, within(1e-9));
        assertThat(RejectionCycles.seconds(0.0029, 0)).isZero();
    }

    @Test
    void rejectsArgumentsOutsideTheirRange() {
        assertThatThrownBy(() -> RejectionCycles.cycles(0, 0.5, 300_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> RejectionCycles.cycles(10, 0.0, 300_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]").hasMessageContaining("0.0");
        assertThatThrownBy(() -> RejectionCycles.cycles(10, 1.5, 300_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> RejectionCycles.cycles(10, Double.NaN, 300_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> RejectionCycles.cycles(10, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle size");
        assertThatThrownBy(() -> RejectionCycles.seconds(-1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RejectionCycles.seconds(1, -3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
