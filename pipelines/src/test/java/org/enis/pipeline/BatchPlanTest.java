package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void quotasOfABoundedRunAddUpToMaxEventsWithASmallerLastBatch() {
        BatchPlan plan = new BatchPlan(1_000_001, 10_000);

        assertThat(plan.batchCount()).isEqualTo(101);
        assertThat(LongStream.range(0, plan.batchCount()).map(plan::eventQuota).sum())
                .isEqualTo(1_000_001);
        assertThat(plan.eventQuota(100)).isEqualTo(1);
        assertThat(plan.eventQuota(99)).isEqualTo(10_000);
    }

    @Test
    void anUnboundedRunHasFullBatchesForever() {
        BatchPlan plan = new BatchPlan(0, 500);

        assertThat(plan.isBounded()).isFalse();
        assertThat(plan.eventQuota(Long.MAX_VALUE - 1)).isEqualTo(500);
    }

    @Test
    void badValuesNameTheValueAndTheRange() {
        assertThatThrownBy(() -> new BatchPlan(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEvents must be >= 0 (0 = until stopped), got -1");
        assertThatThrownBy(() -> new BatchPlan(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be in [1, 1000000] events, got 0");
        assertThatThrownBy(() -> new BatchPlan(10, 5).eventQuota(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch number must be in [0, 2), got 2");
    }
}
