package org.enis.pipeline.transforms;

import java.io.Serializable;
import org.enis.pipeline.GeneratorConfig;

/** Turns a window's coverage into the bytes published to the coverage topic. */
public interface ReportEncoder extends Serializable {

    /** Prepares the encoder; called once per worker instance. */
    void open();

    /** The message value of one report of the run configured by {@code config}. */
    byte[] encode(WindowedCoverage coverage, GeneratorConfig config);
}
