package org.enis.schemas.kafka;

import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Finds a NaN or infinite {@code double} or {@code float} in a record, so that the serde never
 * lets one pass silently (the records of this project define every number as finite).
 */
final class NonFiniteNumbers {

    private NonFiniteNumbers() {
    }

    /**
     * The path of the first field holding NaN or an infinity, such as
     * {@code muon.momentum.energyGeV = NaN}; null if every number is finite.
     */
    static String find(IndexedRecord record) {
        return findInRecord(record, "");
    }

    private static String findInRecord(IndexedRecord record, String prefix) {
        for (Schema.Field field : record.getSchema().getFields()) {
            String found = findInValue(record.get(field.pos()), prefix + field.name());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String findInValue(Object value, String path) {
        if (value instanceof Double number) {
            return Double.isFinite(number) ? null : path + " = " + number;
        }
        if (value instanceof Float number) {
            return Float.isFinite(number) ? null : path + " = " + number;
        }
        if (value instanceof IndexedRecord nested) {
            return findInRecord(nested, path + ".");
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                String found = findInValue(item, path + "[" + index++ + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String found = findInValue(entry.getValue(), path + "[" + entry.getKey() + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
