package org.enis.pipeline.transforms;

import java.io.Serializable;
import org.enis.pipeline.sampling.CoverageTally;

/**
 * The merged tally of every batch whose generation time fell in one report window
 * {@code [windowStartMillis, windowEndMillis)}. A window normally reports once; a batch that
 * reached it late (after the window fired) is reported in an extra pane with a higher
 * {@code pane} index, so that the reports of a run always add up to all of its batches.
 */
public record WindowedCoverage(long windowStartMillis, long windowEndMillis, long pane,
        CoverageTally tally) implements Serializable {
}
