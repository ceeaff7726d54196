package org.enis.schemas.kafka;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The schema fingerprints that Avro single-object encoding puts in every message: the 64-bit
 * Rabin fingerprint (CRC-64-AVRO) of the schema's parsing canonical form, which ignores doc
 * strings, defaults and other attributes that do not change the binary encoding.
 */
public final class SchemaFingerprints {

    private SchemaFingerprints() {
    }

    /**
     * The fingerprint of a schema, as single-object encoding writes it (little-endian).
     *
     * @param schema the schema
     * @return its CRC-64-AVRO fingerprint
     */
    public static long of(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /**
     * A fingerprint as 16 hexadecimal digits with a {@code 0x} prefix, the form used in error
     * messages and in the documentation.
     */
    public static String toHex(long fingerprint) {
        return String.format(Locale.ROOT, "0x%016x", fingerprint);
    }
}
