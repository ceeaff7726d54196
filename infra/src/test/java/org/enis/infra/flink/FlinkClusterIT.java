package org.enis.infra.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real JobManager and TaskManager from Maven's Flink jars and stops them. */
class FlinkClusterIT {

    @TempDir
    Path workDirectory;

    @Test
    void clusterRegistersItsSlotsServesTheUiAndStopsCleanly() throws Exception {
        FlinkCluster cluster = FlinkCluster.builder()
                .workDirectory(workDirectory)
                .restPort(0)
                .taskSlots(2)
                .taskManagerMemory("1536m")
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String overview = http.send(HttpRequest.newBuilder(
                            URI.create(cluster.webUi() + "overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(FlinkCluster.registeredSlots(overview)).isEqualTo(2);
            assertThat(overview).contains("\"flink-version\":\"1.19.0\"");
            assertThat(FlinkCluster.runningProcesses(workDirectory))
                    .containsOnlyKeys("jobmanager", "taskmanager");
            assertThat(Files.readString(workDirectory.resolve("conf/flink-conf.yaml")))
                    .contains("rest.bind-address: 127.0.0.1");
            assertThatThrownBy(() -> FlinkCluster.builder().workDirectory(workDirectory)
                    .restPort(0).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs");
        } finally {
            cluster.close();
        }

        assertThat(FlinkCluster.runningProcesses(workDirectory)).isEmpty();
    }
}
