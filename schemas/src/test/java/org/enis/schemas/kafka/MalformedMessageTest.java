package org.enis.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.TestRecords;
import org.junit.jupiter.api.Test;

class MalformedMessageTest {

    private final CcqeEventDeserializer deserializer = new CcqeEventDeserializer();
    private final CcqeEvent event = TestRecords.event("run-g", 5, 1, new SplittableRandom(4));
    private final byte[] valid = new CcqeEventSerializer().serialize("events", event);

    @Test
    void randomBytesAreNotSingleObjectEncoding() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[random.nextInt(10, 300)];
            random.nextBytes(garbage);
            garbage[0] = garbage[0] == (byte) 0xC3 ? 0 : garbage[0];

            assertThatThrownBy(() -> deserializer.deserialize("events", garbage))
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining("cannot decode the " + garbage.length
                            + "-byte message of topic events")
                    .hasMessageContaining("not the marker C3 01");
        }
    }

    @Test
    void messageShorterThanTheHeaderIsMalformed() {
        assertThatThrownBy(() -> deserializer.deserialize("events", new byte[] {(byte) 0xC3, 1}))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("2-byte message")
                .hasMessageContaining("shorter than the 10-byte header")
                .satisfies(e -> assertThat(((MessageDecodingException) e).messageLength())
                        .isEqualTo(2));
        assertThatThrownBy(() -> deserializer.deserialize("events", new byte[0]))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void aRecordOfAnotherSchemaHasAnUnknownFingerprint() {
        byte[] report = new CoverageReportSerializer().serialize("coverage",
                TestRecords.report("run-g"));
        long reportFingerprint = SchemaFingerprints.of(CoverageReport.getClassSchema());
        long eventFingerprint = SchemaFingerprints.of(CcqeEvent.getClassSchema());

        assertThatThrownBy(() -> deserializer.deserialize("events", report))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("unknown schema fingerprint "
                        + SchemaFingerprints.toHex(reportFingerprint))
                .hasMessageContaining(SchemaFingerprints.toHex(eventFingerprint))
                .hasMessageContaining(report.length + "-byte message of topic events")
                .satisfies(e -> {
                    UnknownSchemaException unknown = (UnknownSchemaException) e;
                    assertThat(unknown.fingerprint()).isEqualTo(reportFingerprint);
                    assertThat(unknown.knownFingerprints()).containsExactly(eventFingerprint);
                    assertThat(unknown.topic()).isEqualTo("events");
                });
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        byte[] truncated = Arrays.copyOf(valid, valid.length - 5);

        assertThatThrownBy(() -> deserializer.deserialize("events", truncated))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("body does not match the schema of fingerprint "
                        + SchemaFingerprints.toHex(SchemaFingerprints.of(
                                CcqeEvent.getClassSchema())))
                .hasCauseInstanceOf(EOFException.class);
    }

    @Test
    void aCorruptedLengthIsRefusedWithoutAllocatingWhatItClaims() {
        // runId is the first field: its length becomes 2^30 bytes (zigzag varint of 2^31).
        byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        byte[] damaged = new byte[valid.length + varint.length - 1];
        System.arraycopy(valid, 0, damaged, 0, 10);
        System.arraycopy(varint, 0, damaged, 10, varint.length);
        System.arraycopy(valid, 11, damaged, 10 + varint.length, valid.length - 11);
        long freeBefore = Runtime.getRuntime().freeMemory();

        assertThatThrownBy(() -> deserializer.deserialize("events", damaged))
                .isInstanceOf(MalformedMessageException.class)
                .hasCauseInstanceOf(EOFException.class);
        assertThat(freeBefore - Runtime.getRuntime().freeMemory())
                .as("bytes allocated").isLessThan(1L << 28);
    }

    @Test
    void bytesAfterTheRecordAreMalformed() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize("events", longer))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("3 byte(s) left after the org.enis.schemas.CcqeEvent");
    }

    @Test
    void aNonFiniteNumberIsRefusedOnBothSides() {
        CcqeEvent bad = CcqeEvent.newBuilder(event).build();
        bad.getMuon().getMomentum().setEnergyGeV(Double.NaN);

        assertThatThrownBy(() -> new CcqeEventSerializer().serialize("events", bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("field muon.momentum.energyGeV = NaN is not finite")
                .hasMessageContaining("for topic events");

        byte[] written = new AvroSingleObjectSerializer<>(SpecificData.getForClass(
                CcqeEvent.class), CcqeEvent.getClassSchema(), false).serialize("events", bad);
        assertThatThrownBy(() -> deserializer.deserialize("events", written))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("field muon.momentum.energyGeV = NaN is not finite");
    }

    @Test
    void aRecordMissingARequiredFieldCannotBeWritten() {
        CcqeEvent incomplete = CcqeEvent.newBuilder(event).build();
        incomplete.setRunId(null);

        assertThatThrownBy(() -> new CcqeEventSerializer().serialize("events", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot encode a org.enis.schemas.CcqeEvent record")
                .hasMessageContaining("runId");
    }

    @Test
    void aGenericRecordOfAnotherSchemaCannotBeWritten() {
        GenericRecord report = new GenericRecordBuilder(
                org.apache.avro.SchemaBuilder.record("Other").fields().requiredInt("x")
                        .endRecord()).set("x", 1).build();
        AvroSingleObjectSerializer<GenericRecord> serializer = new AvroSingleObjectSerializer<>(
                GenericData.get(), CcqeEvent.getClassSchema(), true);

        assertThatThrownBy(() -> serializer.serialize("events", report))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema Other")
                .hasMessageContaining("is not the serializer's org.enis.schemas.CcqeEvent");
    }

    /**
     * Damaged copies of a valid message either decode (a change that keeps the bytes valid) or
     * fail with the documented exception; no other exception escapes.
     */
    @Test
    void damagedMessagesNeverEscapeAsAnotherException() {
        SplittableRandom random = new SplittableRandom(13);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] damaged = damage(valid, random);
            try {
                assertThat(deserializer.deserialize("events", damaged)).isNotNull();
                decoded++;
            } catch (MessageDecodingException e) {
                refused++;
            }
        }
        assertThat(decoded + refused).isEqualTo(5000);
        assertThat(refused).as("most damage is detected").isGreaterThan(1000);
    }

    private static byte[] damage(byte[] message, SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0: {
                byte[] copy = message.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    // Leave the header alone half of the time so that the body gets damaged.
                    int at = random.nextBoolean() ? random.nextInt(10, copy.length)
                            : random.nextInt(copy.length);
                    copy[at] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 1:
                return Arrays.copyOf(message, random.nextInt(message.length));
            default: {
                byte[] copy = Arrays.copyOf(message, message.length + 1 + random.nextInt(20));
                for (int at = message.length; at < copy.length; at++) {
                    copy[at] = (byte) random.nextInt(256);
                }
                return copy;
            }
        }
    }
}
