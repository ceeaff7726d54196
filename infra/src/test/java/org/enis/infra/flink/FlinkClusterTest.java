package org.enis.infra.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkClusterTest {

    @Test
    void resourceParamsAreTheLastTwoResultLinesOfBashJavaUtils() {
        List<String> output = List.of(
                "SLF4J(W): No SLF4J providers were found.",
                "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1991791076 -Xms1991791076 -XX:MaxMetaspaceSize=5",
                "BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.cpu.cores=2.0 -D a.b=0b");

        List<String> params = FlinkCluster.parseResourceParams(output);

        assertThat(FlinkCluster.splitOptions(params.get(0)))
                .containsExactly("-Xmx1991791076", "-Xms1991791076", "-XX:MaxMetaspaceSize=5");
        assertThat(FlinkCluster.splitOptions(params.get(1)))
                .containsExactly("-D", "taskmanager.cpu.cores=2.0", "-D", "a.b=0b");
    }

    @Test
    void missingResultLinesAreAClearError() {
        assertThatThrownBy(() -> FlinkCluster.parseResourceParams(List.of("Exception: boom")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("printed 0 result lines, expected 2");
    }

    @Test
    void registeredSlotsCountOnlyWithATaskManager() {
        assertThat(FlinkCluster.registeredSlots(
                "{\"taskmanagers\":1,\"slots-total\":2,\"slots-available\":2}")).isEqualTo(2);
        assertThat(FlinkCluster.registeredSlots(
                "{\"taskmanagers\":0,\"slots-total\":0}")).isZero();
        assertThat(FlinkCluster.registeredSlots("{}")).isZero();
    }

    @Test
    void badSettingsNameValueAndRange() {
        assertThatThrownBy(() -> FlinkCluster.builder().taskSlots(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskSlots must be in 1..64, got 0");
        assertThatThrownBy(() -> FlinkCluster.builder().restPort(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restPort must be in 0..65535")
                .hasMessageContaining("got 70000");
        assertThatThrownBy(() -> FlinkCluster.builder().taskManagerMemory("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got lots");
    }
}
