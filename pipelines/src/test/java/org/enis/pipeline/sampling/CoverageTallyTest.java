package org.enis.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoverageTallyTest {
    private static final double TOLERANCE = 1e-12;
    private static final double THRESHOLD = 1.0;

    private static CoverageTally tallyOf(double... weights) {
        CoverageTally tally = new CoverageTally(THRESHOLD);
        for (double w : weights) {
            if (Double.isNaN(w)) {
                tally.addInvalid();
            } else {
                tally.addWeight(w);
            }
        }
        return tally;
    }

    @Test
    void statisticsOfFixedWeightsEqualHandComputedValues() {
        // w = 0, 0.5, 1, 2, 4 with w_Q = 1: sum w = 7.5, clipped w' = 0, 0.5, 1, 1, 1 with
        // sum w' = 3.5 and sum w'^2 = 3.25; sum w^2 = 21.25.
        CoverageTally tally = tallyOf(0, 0.5, 1, 2, 4);
        tally.addAccepted();
        tally.addAccepted();

        assertThat(tally.proposals()).isEqualTo(5);
        assertThat(tally.zeroWeights()).isEqualTo(1);
        assertThat(tally.aboveThreshold()).isEqualTo(2);
        assertThat(tally.acceptance()).isCloseTo(2.0 / 5, within(TOLERANCE));
        assertThat(tally.expectedAcceptance()).isCloseTo(3.5 / 5, within(TOLERANCE));
        assertThat(tally.coverage()).isCloseTo(3.5 / 7.5, within(TOLERANCE));
        assertThat(tally.effectiveSampleSizeRatio())
                .isCloseTo(3.5 * 3.5 / (5 * 3.25), within(TOLERANCE));
        assertThat(tally.integralEstimate()).isCloseTo(1.5, within(TOLERANCE));
        assertThat(tally.integralError())
                .isCloseTo(Math.sqrt((21.25 / 5 - 1.5 * 1.5) / 4), within(TOLERANCE));
        assertThat(tally.maximumWeight()).isEqualTo(4.0);
    }

    @Test
    void invalidWeightsAreCountedButEnterNoSum() {
        CoverageTally tally = tallyOf(0.5, Double.NaN, 2);

        assertThat(tally.proposals()).isEqualTo(3);
        assertThat(tally.invalidWeights()).isEqualTo(1);
        assertThat(tally.sumWeights()).isEqualTo(2.5);
        assertThat(tally.integralEstimate()).isCloseTo(1.25, within(TOLERANCE));
    }

    @Test
    void mergingTwoTalliesEqualsOneTallyOverBoth() {
        CoverageTally first = tallyOf(0, 0.25, 3, Double.NaN);
        first.addAccepted();
        CoverageTally second = tallyOf(0.75, 1.5, 0, 8);
        second.addAccepted();
        second.addAccepted();
        CoverageTally both = tallyOf(0, 0.25, 3, Double.NaN, 0.75, 1.5, 0, 8);
        for (int i = 0; i < 3; i++) {
            both.addAccepted();
        }

        CoverageTally merged = new CoverageTally(THRESHOLD).merge(first).merge(second);

        assertThat(merged).usingRecursiveComparison().isEqualTo(both);
        assertThat(merged.coverage()).isEqualTo(both.coverage());
        assertThat(merged.effectiveSampleSizeRatio()).isEqualTo(both.effectiveSampleSizeRatio());
    }

    @Test
    void emptyTallyHasNoEstimates() {
        CoverageTally empty = new CoverageTally(THRESHOLD);

        assertThat(empty.acceptance()).isNaN();
        assertThat(empty.coverage()).isNaN();
        assertThat(empty.effectiveSampleSizeRatio()).isNaN();
        assertThat(empty.integralEstimate()).isNaN();
    }
}
