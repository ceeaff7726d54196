package org.enis.pipeline.transforms;

import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.enis.pipeline.BatchPlan;
import org.enis.pipeline.internal.BatchNumberSource;

/**
 * The batch numbers of a run, 0, 1, 2, ..., each stamped with the time it was issued: unbounded,
 * ending by itself after the last batch of a bounded {@link BatchPlan}, optionally paced to a
 * rate in events per second. Parallel workers each take every k-th number.
 */
public final class GenerateBatchNumbers extends PTransform<PBegin, PCollection<Long>> {
    private static final long serialVersionUID = 1L;

    private final BatchPlan plan;
    private final double eventsPerSecond;

    /** @param eventsPerSecond rate limit in events per second, 0 for none */
    public GenerateBatchNumbers(BatchPlan plan, double eventsPerSecond) {
        this.plan = plan;
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public PCollection<Long> expand(PBegin input) {
        return input.apply("ReadBatchNumbers",
                Read.from(new BatchNumberSource(plan, eventsPerSecond)));
    }
}
