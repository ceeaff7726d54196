package org.enis.pipeline.sampling;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Seeds of every random draw of a run, derived from the run id, the batch number, the cycle
 * within the batch and the purpose of the draw, so that a batch is reproducible on its own:
 * the same run id and batch number give the same proposals, the same accept decisions and the
 * same final states, on any worker and in any order.
 *
 * <p>Mixing uses the SplitMix64 finalizer (Steele, Lea and Flood, OOPSLA 2014), whose outputs
 * for nearby inputs are statistically independent.
 */
public final class BatchSeeds implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a seed is for; each purpose draws an independent stream. */
    public enum Stream {
        /** Proposals drawn from q. */
        PROPOSALS,
        /** Uniform draws of the accept decisions. */
        ACCEPTANCE,
        /** Azimuths of the final-state particles. */
        FINAL_STATE
    }

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long runKey;

    /** @param runId the run id, whose UTF-8 bytes key every seed of the run */
    public BatchSeeds(String runId) {
        this.runKey = hash(runId);
    }

    /** The seed of one draw of batch {@code batchNumber}, cycle {@code cycle}. */
    public long seed(long batchNumber, int cycle, Stream stream) {
        long h = mix(runKey + GOLDEN_GAMMA * (batchNumber + 1));
        h = mix(h + GOLDEN_GAMMA * (cycle + 1));
        return mix(h + GOLDEN_GAMMA * (stream.ordinal() + 1));
    }

    private static long hash(String runId) {
        long h = 0x243F6A8885A308D3L;
        for (byte b : runId.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /** The SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
