package org.enis.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.enis.benchmark.CycleTimes.Component;
import org.junit.jupiter.api.Test;

/** Cycle times and the time to a number of events, on hand-made cycles. */
class TimingBookkeepingTest {

    @Test
    void cycleTimesGiveMeansPerProposalAndPerCycle() {
        CycleTimes times = new CycleTimes();
        times.addCycle(1000, 3_000_000, 200_000, 50_000, 10_000);
        times.addCycle(1000, 1_000_000, 200_000, 30_000, 10_000);

        assertThat(times.cycles()).isEqualTo(2);
        assertThat(times.proposals()).isEqualTo(2000);
        assertThat(times.nanos(Component.SAMPLE)).isEqualTo(4_000_000);
        assertThat(times.totalNanos()).isEqualTo(4_500_000);
        // 4e6 ns / 2000 proposals = 2000 ns; 4e5 / 2000 = 200 ns
        assertThat(times.nanosPerProposal(Component.SAMPLE)).isEqualTo(2000.0);
        assertThat(times.nanosPerProposal(Component.DENSITY)).isEqualTo(200.0);
        assertThat(times.nanosPerProposal(Component.WEIGHT)).isEqualTo(40.0);
        // 4.5e6 ns over 2 cycles = 2.25 ms per cycle
        assertThat(times.secondsPerCycle()).isCloseTo(0.00225, within(1e-15));
        // 2000 ns x 300,000 proposals = 0.6 s
        assertThat(times.secondsPerCycle(Component.SAMPLE, 300_000)).isCloseTo(0.6,
                within(1e-12));
        assertThat(Goals.costRatio(times)).isEqualTo(10.0);
    }

    @Test
    void emptyCycleTimesHaveNoMeans() {
        CycleTimes times = new CycleTimes();
        assertThat(times.secondsPerCycle()).isNaN();
        assertThat(times.nanosPerProposal(Component.ACCEPT)).isNaN();
        assertThatThrownBy(() -> times.addCycle(0, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> times.addCycle(10, 1, -1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DENSITY");
    }

    @Test
    void aReachedTargetIsMeasuredOverTheCyclesRun() {
        QuantileProgress progress = new QuantileProgress(0.99, 2.5, 1000);
        progress.addCycle(2_000_000_000L, 600, 1000, 0);
        assertThat(progress.isReached()).isFalse();
        assertThat(progress.remaining()).isEqualTo(400);
        progress.addCycle(1_000_000_000L, 400, 700, 5);

        assertThat(progress.isReached()).isTrue();
        assertThat(progress.accepted()).isEqualTo(1000);
        assertThat(progress.proposals()).isEqualTo(1700);
        assertThat(progress.invalidWeights()).isEqualTo(5);
        assertThat(progress.observedAcceptance()).isCloseTo(1000 / 1700.0, within(1e-15));
        TimeToEvents time = progress.timeToTarget(7);
        assertThat(time.basis()).isEqualTo(TimeBasis.MEASURED);
        assertThat(time.cyclesRun()).isEqualTo(2);
        assertThat(time.seconds()).isCloseTo(3.0, within(1e-12));
        assertThat(time.secondsPerCycle()).isCloseTo(1.5, within(1e-12));
        assertThatThrownBy(() -> progress.addCycle(1, 1, 1, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCappedRunIsExtrapolatedToTheCyclesOfEq11() {
        QuantileProgress progress = new QuantileProgress(1.0, 40, 1_000_000);
        progress.addCycle(3_000_000_000L, 1500, 300_000, 0);
        progress.addCycle(1_000_000_000L, 1600, 300_000, 0);

        TimeToEvents time = progress.timeToTarget(649);
        assertThat(time.basis()).isEqualTo(TimeBasis.EXTRAPOLATED);
        assertThat(time.cyclesRun()).isEqualTo(2);
        // 4 s over 2 cycles = 2 s per cycle; x 649 cycles = 1298 s
        assertThat(time.secondsPerCycle()).isCloseTo(2.0, within(1e-12));
        assertThat(time.seconds()).isCloseTo(1298.0, within(1e-9));
    }

    @Test
    void aZeroThresholdIsNotApplicable() {
        QuantileProgress progress = new QuantileProgress(0.98, 0, 100);
        assertThat(progress.isUsable()).isFalse();
        assertThat(progress.timeToTarget(-1).basis()).isEqualTo(TimeBasis.NOT_APPLICABLE);
        assertThatThrownBy(() -> progress.addCycle(1, 0, 1, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new QuantileProgress(0.9, -1, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantileProgress(0.9, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        QuantileProgress noCycle = new QuantileProgress(0.9, 1, 100);
        assertThatThrownBy(() -> noCycle.timeToTarget(5))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInconsistentCycleIsRejected() {
        QuantileProgress progress = new QuantileProgress(0.9, 1, 100);
        assertThatThrownBy(() -> progress.addCycle(10, 5, 4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 accepted");
        assertThatThrownBy(() -> progress.addCycle(-10, 1, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
