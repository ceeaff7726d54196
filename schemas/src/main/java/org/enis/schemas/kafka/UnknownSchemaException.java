package org.enis.schemas.kafka;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A well-formed single-object message whose schema fingerprint is not among the schemas the
 * deserializer knows: written with a newer schema version, or a record of another type. Register
 * the writer's schema with {@link AvroSingleObjectDeserializer#addWriterSchema} (or the
 * {@value AvroSingleObjectDeserializer#WRITER_SCHEMAS_CONFIG} setting) to read it.
 */
public class UnknownSchemaException extends MessageDecodingException {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;
    private final SortedSet<Long> knownFingerprints;

    /**
     * @param topic topic the message came from, null if unknown
     * @param messageLength length of the message value in bytes
     * @param fingerprint the message's schema fingerprint (CRC-64-AVRO of the schema's parsing
     *     canonical form, read little-endian from bytes 2..9)
     * @param knownFingerprints fingerprints of the schemas the deserializer knows
     * @param readerSchemaName full name of the record the deserializer produces
     */
    public UnknownSchemaException(String topic, int messageLength, long fingerprint,
            Set<Long> knownFingerprints, String readerSchemaName) {
        super(topic, messageLength, "unknown schema fingerprint "
                + SchemaFingerprints.toHex(fingerprint) + "; the deserializer of "
                + readerSchemaName + " knows " + knownFingerprints.stream()
                        .map(SchemaFingerprints::toHex).sorted()
                        .collect(Collectors.joining(", ", "[", "]")), null);
        this.fingerprint = fingerprint;
        this.knownFingerprints = new TreeSet<>(knownFingerprints);
    }

    /** The unknown fingerprint found in the message. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Fingerprints the deserializer knows. */
    public SortedSet<Long> knownFingerprints() {
        return new TreeSet<>(knownFingerprints);
    }
}
