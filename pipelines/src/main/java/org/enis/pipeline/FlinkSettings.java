package org.enis.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the generator job runs on Flink.
 *
 * @param master {@code [local]} for an embedded Flink in this JVM, or {@code host:port} of a
 *     session cluster's REST API
 * @param parallelism parallel instances of each step, 1..64
 * @param uiPort REST and web UI port of the embedded Flink on 127.0.0.1
 * @param workDirectory where the Flink client configuration and the savepoints go
 * @param jobJar the shaded job jar a session cluster runs; null for the embedded Flink
 */
public record FlinkSettings(String master, int parallelism, int uiPort, Path workDirectory,
        Path jobJar) {
    /** The embedded Flink. */
    public static final String LOCAL = "[local]";
    /** The command that builds the shaded job jar. */
    public static final String JOB_JAR_BUILD =
            "mvn -B -q -Pflink-cluster -pl pipelines -am package -Dmaven.test.skip=true";
    /** Largest parallelism accepted. */
    public static final int MAX_PARALLELISM = 64;

    /** @throws IllegalArgumentException naming a bad value and its range */
    public FlinkSettings {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (!master.equals(LOCAL) && !master.matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
            throw new IllegalArgumentException("flinkMaster must be [local] or host:port of a"
                    + " Flink REST API (e.g. 127.0.0.1:8081), got '" + master + "'");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be in [1, " + MAX_PARALLELISM
                    + "], got " + parallelism);
        }
        if (uiPort < 1 || uiPort > 65_535) {
            throw new IllegalArgumentException("uiPort must be in [1, 65535], got " + uiPort);
        }
        if (!LOCAL.equals(master) && (jobJar == null || !Files.isRegularFile(jobJar))) {
            throw new IllegalArgumentException("a Flink cluster runs the shaded job jar, but "
                    + (jobJar == null ? "none was given" : jobJar + " does not exist")
                    + "; build it with: " + JOB_JAR_BUILD);
        }
    }

    /** Settings for the embedded Flink. */
    public static FlinkSettings local(int parallelism, int uiPort, Path workDirectory) {
        return new FlinkSettings(LOCAL, parallelism, uiPort, workDirectory, null);
    }

    /** Whether the job runs in an embedded Flink. */
    public boolean isLocal() {
        return LOCAL.equals(master);
    }

    /** host:port of the REST API that shows and controls the job. */
    public String restAddress() {
        return isLocal() ? "127.0.0.1:" + uiPort : master;
    }
}
