package org.enis.pipeline.transforms;

import java.io.Serializable;

/**
 * Turns generated events into the bytes published to Kafka. Created on the driver, shipped to
 * the workers, {@link #open() opened} once per worker instance; not thread-safe after opening
 * (each DoFn instance has its own).
 */
public interface EventEncoder extends Serializable {

    /** Prepares the reusable record and encoder; called once per worker instance. */
    void open();

    /** The message value of one event. */
    byte[] encode(GeneratedEvent event);
}
