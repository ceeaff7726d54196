package org.enis.schemas.kafka;

import org.enis.schemas.CoverageReport;

/**
 * Deserializer of {@link CoverageReport} (coverage reports) from Avro single-object encoding, for
 * Kafka clients configured by class name ({@code value.deserializer}, Beam's KafkaIO). Older
 * writer schemas are registered with {@link #addWriterSchema} or the
 * {@value #WRITER_SCHEMAS_CONFIG} setting. Thread-safe.
 */
public final class CoverageReportDeserializer extends AvroSingleObjectDeserializer<CoverageReport> {

    /** Reads into the current {@link CoverageReport} schema; rejects NaN and infinite numbers. */
    public CoverageReportDeserializer() {
        super(CoverageReport.class);
    }
}
