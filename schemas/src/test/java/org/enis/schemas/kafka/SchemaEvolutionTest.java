package org.enis.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionTest {

    /** A field a later version of CcqeEvent might add, with a default. */
    private static final String ADDED_FIELD = "{\"name\": \"detectorRegion\", \"type\": \"string\","
            + " \"default\": \"unassigned\", \"doc\": \"Region of the detector, no unit.\"}";

    @TempDir
    Path dir;

    private final CcqeEvent event = TestRecords.event("run-e", 12, 3, new SplittableRandom(3));

    /** CcqeEvent's schema with one field appended (as a new .avsc version would have). */
    private static Schema withAddedField(Schema schema, String fieldJson) {
        String json = schema.toString();
        String extended = json.substring(0, json.lastIndexOf("]}")) + "," + fieldJson + "]}";
        return new Schema.Parser().parse(extended);
    }

    @Test
    void readerWithAnAddedDefaultedFieldReadsMessagesOfTheOldSchema() {
        Schema newer = withAddedField(CcqeEvent.getClassSchema(), ADDED_FIELD);
        AvroSingleObjectDeserializer<GenericRecord> newReader =
                new AvroSingleObjectDeserializer<GenericRecord>(GenericData.get(), newer, true)
                        .addWriterSchema(CcqeEvent.getClassSchema());

        GenericRecord read = newReader.deserialize("events",
                new CcqeEventSerializer().serialize("events", event));

        assertThat(read.getSchema()).isEqualTo(newer);
        assertThat(read.get("detectorRegion")).hasToString("unassigned");
        TestRecords.assertSameFields(event, read);
    }

    @Test
    void withoutTheOldSchemaRegisteredTheNewReaderRefusesOldMessages() {
        Schema newer = withAddedField(CcqeEvent.getClassSchema(), ADDED_FIELD);
        AvroSingleObjectDeserializer<GenericRecord> newReader =
                new AvroSingleObjectDeserializer<>(GenericData.get(), newer, true);

        assertThatThrownBy(() -> newReader.deserialize("events",
                new CcqeEventSerializer().serialize("events", event)))
                .isInstanceOf(UnknownSchemaException.class)
                .satisfies(e -> assertThat(((UnknownSchemaException) e).fingerprint())
                        .isEqualTo(SchemaFingerprints.of(CcqeEvent.getClassSchema())));
    }

    @Test
    void currentReaderReadsMessagesOfANewerSchemaOnceRegistered() {
        Schema newer = withAddedField(CcqeEvent.getClassSchema(), ADDED_FIELD);
        GenericRecord newerEvent = copyInto(newer, event);
        newerEvent.put("detectorRegion", "inner-tracker");
        byte[] bytes = new AvroSingleObjectSerializer<GenericRecord>(GenericData.get(), newer,
                true).serialize("events", newerEvent);
        CcqeEventDeserializer reader = new CcqeEventDeserializer();

        assertThatThrownBy(() -> reader.deserialize("events", bytes))
                .isInstanceOf(UnknownSchemaException.class);
        reader.addWriterSchema(newer);
        assertThat(reader.deserialize("events", bytes)).isEqualTo(event);
    }

    @Test
    void reportsWrittenBeforeTheDefaultedFieldsExistedReadWithTheirDefaults() {
        Schema older = withoutFields(CoverageReport.getClassSchema(), "exactMode",
                "invalidWeights");
        CoverageReport report = TestRecords.report("run-f");
        report.setExactMode(true);
        report.setInvalidWeights(5L);
        GenericRecord oldReport = copyInto(older, report);
        byte[] bytes = new AvroSingleObjectSerializer<GenericRecord>(GenericData.get(), older,
                true).serialize("coverage", oldReport);

        CoverageReportDeserializer reader = new CoverageReportDeserializer();
        reader.addWriterSchema(older);
        CoverageReport read = reader.deserialize("coverage", bytes);

        assertThat(read.getExactMode()).isFalse();
        assertThat(read.getInvalidWeights()).isZero();
        assertThat(read.getCoverage()).isEqualTo(report.getCoverage());
    }

    @Test
    void anIncompatibleWriterSchemaIsRefusedWithTheReason() {
        Schema withoutWeight = withoutFields(CcqeEvent.getClassSchema(), "weight");

        assertThatThrownBy(() -> new CcqeEventDeserializer().addWriterSchema(withoutWeight))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read writer schema org.enis.schemas.CcqeEvent")
                .hasMessageContaining("weight");
    }

    @Test
    void writerSchemasCanBeConfiguredAsFiles() throws Exception {
        Schema newer = withAddedField(CcqeEvent.getClassSchema(), ADDED_FIELD);
        Path file = Files.writeString(dir.resolve("CcqeEvent-v2.avsc"),
                SchemaFormatter.format("json/pretty", newer));
        CcqeEventDeserializer reader = new CcqeEventDeserializer();

        reader.configure(Map.of(AvroSingleObjectDeserializer.WRITER_SCHEMAS_CONFIG,
                file.toString()), false);

        assertThat(reader.knownFingerprints()).containsExactlyInAnyOrder(
                SchemaFingerprints.of(CcqeEvent.getClassSchema()), SchemaFingerprints.of(newer));
        assertThatThrownBy(() -> reader.configure(Map.of(
                AvroSingleObjectDeserializer.WRITER_SCHEMAS_CONFIG,
                dir.resolve("missing.avsc").toString()), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.avsc");
    }

    /** The record's fields, by name, in a generic record of another version of its schema. */
    private static GenericRecord copyInto(Schema schema, SpecificRecord record) {
        byte[] bytes = new AvroSingleObjectSerializer<>(
                SpecificData.getForClass(record.getClass()), record.getSchema(), true)
                .serialize(null, record);
        GenericRecord generic = new AvroSingleObjectDeserializer<GenericRecord>(
                GenericData.get(), record.getSchema(), true).deserialize(null, bytes);
        GenericRecordBuilder builder = new GenericRecordBuilder(schema);
        for (Schema.Field field : schema.getFields()) {
            Schema.Field source = generic.getSchema().getField(field.name());
            if (source != null) {
                builder.set(field.name(), generic.get(source.pos()));
            }
        }
        return builder.build();
    }

    /** The schema without the named top-level fields (as an older version would be). */
    private static Schema withoutFields(Schema schema, String... names) {
        List<String> dropped = List.of(names);
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!dropped.contains(field.name())) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(),
                false, fields);
    }
}
