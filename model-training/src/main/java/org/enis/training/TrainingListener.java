package org.enis.training;

/** Receives the progress of a training run, for progress bars and logs. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Called once before the first step of this run.
     *
     * @param firstStep 0, or the step a resumed run starts from
     * @param steps total steps of the training
     */
    default void started(int firstStep, int steps) {
    }

    /**
     * Called after each step.
     *
     * @param step 0-based step just done
     * @param phase its phase
     * @param loss its loss, nats
     */
    default void stepDone(int step, TrainingPhase phase, double loss) {
    }

    /**
     * Called after each training-curve point.
     *
     * @param point the point
     */
    default void evaluated(CurvePoint point) {
    }
}
