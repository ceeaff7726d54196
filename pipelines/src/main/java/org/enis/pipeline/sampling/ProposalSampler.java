package org.enis.pipeline.sampling;

/**
 * A proposal density q that can be sampled reproducibly from a seed: the trained flow, or the
 * uniform density over the background box (the paper's baseline).
 */
public interface ProposalSampler extends AutoCloseable {

    /**
     * Draws {@code count} proposals and their log q into {@code block} (resized to
     * {@code count}); the same seed and count give the same proposals.
     */
    void sample(long seed, int count, ProposalBlock block);

    /** Short name of the proposal for logs and reports, e.g. {@code flow} or {@code uniform}. */
    String name();

    /** Releases native resources; the default holds none. */
    @Override
    default void close() {
    }
}
