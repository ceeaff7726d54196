package org.enis.pipeline;

import java.util.Locale;

/** Where proposals come from. */
public enum ProposalKind {
    /** The trained Neural Spline Flow q(x) of the model directory. */
    FLOW,
    /** The uniform density over the background box: the paper's baseline. */
    UNIFORM;

    /** The option value, {@code flow} or {@code uniform}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
