package org.enis.training;

/** The two phases of ENIS training (paper section III.C). */
public enum TrainingPhase {

    /** Points drawn from the background density p_bg, weights p / p_bg. */
    WARM_UP,

    /** Points drawn from the current proposal q, weights p / q. */
    ITERATIVE
}
