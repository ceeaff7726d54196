package org.enis.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.UnboundedSource.UnboundedReader;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.enis.pipeline.BatchPlan;
import org.junit.jupiter.api.Test;

class BatchNumberSourceTest {

    @Test
    void splitsDealEveryBatchNumberOfABoundedPlanExactlyOnce() throws Exception {
        BatchPlan plan = new BatchPlan(10_500, 1000);
        List<Long> seen = new ArrayList<>();

        for (BatchNumberSource split : new BatchNumberSource(plan, 0)
                .split(3, PipelineOptionsFactory.create())) {
            UnboundedReader<Long> reader = split.createReader(null, null);
            for (boolean more = reader.start(); more; more = reader.advance()) {
                seen.add(reader.getCurrent());
            }
            assertThat(reader.getWatermark()).isEqualTo(BoundedWindow.TIMESTAMP_MAX_VALUE);
        }

        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(plan.eventQuota(10)).isEqualTo(500);
    }

    @Test
    void aRestoredReaderContinuesAfterItsCheckpoint() throws Exception {
        BatchNumberSource source = new BatchNumberSource(new BatchPlan(0, 100), 0);
        UnboundedReader<Long> reader = source.createReader(null, null);
        reader.start();
        reader.advance();
        BatchNumberSource.Checkpoint mark = (BatchNumberSource.Checkpoint) reader
                .getCheckpointMark();

        UnboundedReader<Long> restored = source.createReader(null, mark);

        assertThat(restored.start()).isTrue();
        assertThat(restored.getCurrent()).isEqualTo(2L);
        assertThat(restored.getWatermark()).isLessThan(BoundedWindow.TIMESTAMP_MAX_VALUE);
    }

    @Test
    void aRateLimitHoldsBackTheNextBatch() throws Exception {
        // One batch of 100 events per 1000 s: the second batch is not due during this test.
        BatchNumberSource source = new BatchNumberSource(new BatchPlan(0, 100), 0.1);
        UnboundedReader<Long> reader = source.createReader(null, null);

        assertThat(reader.start()).isTrue();
        assertThat(reader.advance()).isFalse();
        assertThat(reader.getCurrent()).isZero();
    }
}
