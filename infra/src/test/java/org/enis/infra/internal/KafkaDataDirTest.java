package org.enis.infra.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDataDirTest {

    @TempDir
    Path dir;

    @Test
    void newClusterIdIsAKafkaUuidString() {
        for (int i = 0; i < 1000; i++) {
            String id = KafkaDataDir.newClusterId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
        assertThat(KafkaDataDir.newClusterId()).isNotEqualTo(KafkaDataDir.newClusterId());
    }

    @Test
    void serverPropertiesAreWrittenInOrderAndTheAdvertisedPortReadBack() throws Exception {
        KafkaDataDir dataDir = new KafkaDataDir(dir);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:19092");
        properties.put("log.dirs", "C:\\kafka");

        Path file = dataDir.writeServerProperties(properties);

        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read).containsEntry("process.roles", "broker,controller")
                .containsEntry("log.dirs", "C:\\kafka");
        assertThat(Files.readAllLines(file).get(1)).isEqualTo("process.roles=broker,controller");
        assertThat(dataDir.advertisedPort()).hasValue(19092);
    }

    @Test
    void formattedClusterIdComesFromMetaProperties() throws Exception {
        KafkaDataDir dataDir = new KafkaDataDir(dir);
        assertThat(dataDir.formattedClusterId()).isEmpty();
        assertThat(dataDir.advertisedPort()).isEmpty();

        Files.createDirectories(dataDir.kraftLogDir());
        Files.writeString(dataDir.kraftLogDir().resolve("meta.properties"),
                "node.id=1\nversion=1\ncluster.id=hwzoTyJCKTxYbP4KyA2kmQ\n");

        assertThat(dataDir.formattedClusterId()).hasValue("hwzoTyJCKTxYbP4KyA2kmQ");
    }

    @Test
    void pidFileOfAProcessThatIsNotTheBrokerIsIgnored() throws Exception {
        KafkaDataDir dataDir = new KafkaDataDir(dir);
        dataDir.createDirectories();
        dataDir.pidFile().write(ProcessHandle.current().pid());

        assertThat(dataDir.runningBroker()).as("this test JVM is not kafka.Kafka").isEmpty();
    }
}
