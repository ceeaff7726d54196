package org.enis.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void serverPropertiesDescribeAOneNodeKraftClusterOnLoopback() {
        KafkaBroker broker = KafkaBroker.builder().dataDir(dir)
                .brokerProperty("log.retention.hours", "24")
                .brokerProperty("num.partitions", "3")
                .build();

        Map<String, String> properties = broker.serverProperties();

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.dirs", dir.resolve("kraft-logs").toString())
                .containsEntry("log.retention.hours", "24")
                .containsEntry("num.partitions", "3");
        assertThat(properties.get("listeners")).startsWith("PLAINTEXT://127.0.0.1:")
                .contains(",CONTROLLER://127.0.0.1:");
        assertThat(properties.get("controller.quorum.voters")).startsWith("1@127.0.0.1:");
    }

    @Test
    void builderRejectsBadSettingsNamingTheValue() {
        assertThatThrownBy(() -> KafkaBroker.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dataDir(Path) must be set");
        assertThatThrownBy(() -> KafkaBroker.builder().port(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be in 0..65535 (0 = a free port), got -1");
        assertThatThrownBy(() -> KafkaBroker.builder().dataDir(dir).port(9092)
                .controllerPort(9092).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port and controllerPort must differ, both are 9092");
        assertThatThrownBy(() -> KafkaBroker.builder().maxHeap("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'lots'");
        assertThatThrownBy(() -> KafkaBroker.builder().startupTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupTimeout must be > 0, got PT-1S");
        assertThatThrownBy(() -> KafkaBroker.builder().brokerProperty("a=b", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a=b'");
    }

    @Test
    void anUnstartedBrokerRefusesOperationsThatNeedOne() {
        KafkaBroker broker = KafkaBroker.builder().dataDir(dir).build();

        assertThatThrownBy(broker::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        assertThatThrownBy(() -> broker.createTopic("events", 1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(broker.isRunning()).isFalse();
        assertThat(broker.stop()).as("stopping a broker never started is harmless").isTrue();
    }

    @Test
    void topicNamesAndPartitionCountsAreCheckedBeforeTheBrokerIsAsked() {
        KafkaBroker broker = KafkaBroker.builder().dataDir(dir).build();

        assertThatThrownBy(() -> broker.createTopic("bad name", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'bad name'");
        assertThatThrownBy(() -> broker.createTopic("..", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.createTopic("events", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitions of topic events must be >= 1, got 0");
    }

    @Test
    void findRunningOnAnEmptyDirectoryFindsNothing() {
        assertThat(KafkaBroker.findRunning(dir)).isEmpty();
    }
}
