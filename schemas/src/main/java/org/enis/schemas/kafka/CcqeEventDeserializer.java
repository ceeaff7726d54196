package org.enis.schemas.kafka;

import org.enis.schemas.CcqeEvent;

/**
 * Deserializer of {@link CcqeEvent} (generated CCQE events) from Avro single-object encoding, for
 * Kafka clients configured by class name ({@code value.deserializer}, Beam's KafkaIO). Older
 * writer schemas are registered with {@link #addWriterSchema} or the
 * {@value #WRITER_SCHEMAS_CONFIG} setting. Thread-safe.
 */
public final class CcqeEventDeserializer extends AvroSingleObjectDeserializer<CcqeEvent> {

    /** Reads into the current {@link CcqeEvent} schema; rejects NaN and infinite numbers. */
    public CcqeEventDeserializer() {
        super(CcqeEvent.class);
    }
}
