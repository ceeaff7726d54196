package org.enis.schemas.kafka;

import org.enis.schemas.CcqeEvent;

/**
 * Serializer of {@link CcqeEvent} (generated CCQE events) in Avro single-object encoding, for
 * Kafka clients configured by class name ({@code value.serializer}, Beam's KafkaIO).
 * Thread-safe.
 */
public final class CcqeEventSerializer extends AvroSingleObjectSerializer<CcqeEvent> {

    /** Writes the current {@link CcqeEvent} schema; rejects NaN and infinite numbers. */
    public CcqeEventSerializer() {
        super(CcqeEvent.class);
    }
}
