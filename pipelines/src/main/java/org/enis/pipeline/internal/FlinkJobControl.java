package org.enis.pipeline.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controls a running Flink job through Flink's REST API: finds it by name and stops it.
 *
 * <p>{@link #drain} is Flink's stop-with-savepoint with {@code drain = true}: sources stop, the
 * watermark advances to the end of time so that every open window fires, every operator
 * flushes, and the job ends FINISHED with no record lost. A {@link #cancel} instead drops
 * whatever is in flight and every open window.
 */
public final class FlinkJobControl {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkJobControl.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI restBase;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** @param restAddress host:port of the JobManager's REST API, e.g. 127.0.0.1:8081 */
    public FlinkJobControl(String restAddress) {
        this.restBase = URI.create("http://" + restAddress + "/");
    }

    /** The id of the RUNNING job of this name, if Flink answers and has one. */
    public Optional<String> findRunningJob(String jobName) {
        try {
            JsonNode jobs = get("jobs/overview").path("jobs");
            for (JsonNode job : jobs) {
                if (jobName.equals(job.path("name").asText())
                        && "RUNNING".equals(job.path("state").asText())) {
                    return Optional.of(job.path("jid").asText());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("Flink REST API at {} not reachable: {}", restBase, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Asks Flink to drain the job: stop its sources, flush everything, take a savepoint into
     * {@code savepointDirectory}, and finish.
     *
     * @return the id of the savepoint request
     * @throws IOException when Flink cannot be reached or refuses
     */
    public String drain(String jobId, Path savepointDirectory) throws IOException {
        String body = JSON.createObjectNode()
                .put("drain", true)
                .put("targetDirectory", savepointDirectory.toAbsolutePath().toUri().toString())
                .toString();
        JsonNode answer = send(HttpRequest.newBuilder(restBase.resolve("jobs/" + jobId + "/stop"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        LOG.info("Draining Flink job {} (savepoint into {})", jobId, savepointDirectory);
        return answer.path("request-id").asText();
    }

    /**
     * Cancels the job: records in flight and open windows are lost.
     *
     * @throws IOException when Flink cannot be reached or refuses
     */
    public void cancel(String jobId) throws IOException {
        send(HttpRequest.newBuilder(restBase.resolve("jobs/" + jobId + "?mode=cancel"))
                .timeout(REQUEST_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        LOG.warn("Cancelled Flink job {}", jobId);
    }

    /** The state of a job, such as RUNNING or FINISHED; empty when unknown. */
    public Optional<String> state(String jobId) {
        try {
            return Optional.of(get("jobs/" + jobId).path("state").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(restBase.resolve(path)).timeout(REQUEST_TIMEOUT)
                .GET().build());
    }

    private JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("Flink REST " + request.method() + " " + request.uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Flink at " + restBase, e);
        }
    }
}
