package org.enis.pipeline.transforms;

import org.enis.physics.FinalState;

/**
 * One accepted event as the generator hands it to an {@link EventEncoder}: its id (run, batch,
 * index within the batch), the generated point, its final state, its weight and when it was
 * made. A mutable holder that the generator reuses from event to event.
 */
public final class GeneratedEvent {
    String runId;
    long batchNumber;
    int indexInBatch;
    double neutrinoEnergyGeV;
    double muonMomentumGeV;
    double muonAngleRad;
    double nucleonMomentumGeV;
    FinalState finalState;
    double weight;
    long generationTimeMillis;

    public String runId() {
        return runId;
    }

    public long batchNumber() {
        return batchNumber;
    }

    public int indexInBatch() {
        return indexInBatch;
    }

    public double neutrinoEnergyGeV() {
        return neutrinoEnergyGeV;
    }

    public double muonMomentumGeV() {
        return muonMomentumGeV;
    }

    public double muonAngleRad() {
        return muonAngleRad;
    }

    public double nucleonMomentumGeV() {
        return nucleonMomentumGeV;
    }

    /** Lab-frame four-momenta of the final state, beam along +z. */
    public FinalState finalState() {
        return finalState;
    }

    /** 1 for an unweighted event; {@code w / w_Q > 1} above the threshold in exact mode. */
    public double weight() {
        return weight;
    }

    /** Wall-clock time the event's batch was generated, ms since the epoch. */
    public long generationTimeMillis() {
        return generationTimeMillis;
    }
}
