package org.enis.schemas.kafka;

import org.enis.schemas.CoverageReport;

/**
 * Serializer of {@link CoverageReport} (coverage reports) in Avro single-object encoding, for
 * Kafka clients configured by class name ({@code value.serializer}, Beam's KafkaIO).
 * Thread-safe.
 */
public final class CoverageReportSerializer extends AvroSingleObjectSerializer<CoverageReport> {

    /** Writes the current {@link CoverageReport} schema; rejects NaN and infinite numbers. */
    public CoverageReportSerializer() {
        super(CoverageReport.class);
    }
}
