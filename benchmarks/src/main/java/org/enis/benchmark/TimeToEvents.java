package org.enis.benchmark;

/**
 * Time to a number of accepted events.
 *
 * @param cyclesRun cycles actually run and timed
 * @param seconds the time: measured, or extrapolated (see {@code basis})
 * @param secondsPerCycle mean measured time of one cycle
 * @param basis how {@code seconds} was obtained
 */
public record TimeToEvents(long cyclesRun, double seconds, double secondsPerCycle,
        TimeBasis basis) {
}
