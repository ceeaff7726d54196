package org.enis.pipeline;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which proposal made an event: the model's name, version and fingerprint (SHA-256 of its
 * variables), as recorded in every event and coverage report.
 */
public record ModelIdentity(String name, String version, String fingerprint)
        implements Serializable {

    /** Identity of the uniform proposal, which has no trained model. */
    public static final ModelIdentity UNIFORM = new ModelIdentity("uniform", "1", "none");

    /** @throws NullPointerException when a part is missing */
    public ModelIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + fingerprint.substring(0,
                Math.min(12, fingerprint.length())) + ")";
    }
}
