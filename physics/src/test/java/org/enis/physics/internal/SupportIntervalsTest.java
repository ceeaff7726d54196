package org.enis.physics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SupportIntervalsTest {

    @Test
    void findsEveryPieceToTheResolution() {
        double[] pieces = SupportIntervals.find(x -> (x > 0.1234 && x < 0.4) || x > 0.77,
                0.0, 1.0, 20, 1e-12);
        assertThat(pieces).hasSize(4);
        assertThat(pieces[0]).isCloseTo(0.1234, within(1e-11));
        assertThat(pieces[1]).isCloseTo(0.4, within(1e-11));
        assertThat(pieces[2]).isCloseTo(0.77, within(1e-11));
        assertThat(pieces[3]).isEqualTo(1.0);
    }

    @Test
    void findsASliverAtTheEndOfTheRange() {
        // Support (0.99999, 1.0) with the indicator false at 1.0 itself, as at a Pauli edge.
        double[] pieces = SupportIntervals.find(x -> x > 0.99999 && x < 1.0, 0.0, 1.0, 8,
                1e-13);
        assertThat(pieces).hasSize(2);
        assertThat(pieces[0]).isCloseTo(0.99999, within(1e-12));
    }

    @Test
    void extraProbesRevealNarrowInteriorPieces() {
        double[] none = SupportIntervals.find(x -> Math.abs(x - 0.51) < 1e-4, 0.0, 1.0, 10,
                1e-12);
        assertThat(none).isEmpty();
        double[] found = SupportIntervals.find(x -> Math.abs(x - 0.51) < 1e-4, 0.0, 1.0, 10,
                1e-12, new double[] {0.51}, 1);
        assertThat(found).hasSize(2);
        assertThat(found[1] - found[0]).isCloseTo(2e-4, within(1e-10));
    }
}
