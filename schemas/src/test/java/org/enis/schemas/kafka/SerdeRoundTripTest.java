package org.enis.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.apache.avro.SchemaNormalization;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.TestRecords;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {

    private final CcqeEventSerializer eventSerializer = new CcqeEventSerializer();
    private final CcqeEventDeserializer eventDeserializer = new CcqeEventDeserializer();

    @Test
    void eventsSurviveARoundTripUnchanged() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            CcqeEvent event = TestRecords.event("run-a", i / 10, i % 10, random);

            CcqeEvent decoded = eventDeserializer.deserialize("events",
                    eventSerializer.serialize("events", event));

            assertThat(decoded).isEqualTo(event);
            TestRecords.assertSameFields(event, decoded);
        }
    }

    @Test
    void reportsSurviveARoundTripUnchanged() {
        CoverageReport report = TestRecords.report("run-b");

        byte[] bytes = new CoverageReportSerializer().serialize("coverage", report);
        CoverageReport decoded = new CoverageReportDeserializer().deserialize("coverage", bytes);

        assertThat(decoded).isEqualTo(report);
        assertThat(decoded.getWindowEnd()).isEqualTo("2026-12-03T20:00:10Z");
        // Weights 0.5, 1, 2, 4, 0 at w_Q = 2: sums 7.5 (w), 5.5 (clipped), 21.25 (w^2) and
        // 9.25 (clipped w^2), N = 5.
        assertThat(decoded.getCoverage()).isCloseTo(5.5 / 7.5, within(1e-15));
        assertThat(decoded.getAcceptance()).isCloseTo(0.55, within(1e-15));
        assertThat(decoded.getEffectiveSampleSizeRatio()).isCloseTo(30.25 / 46.25, within(1e-15));
        assertThat(decoded.getIntegral()).isCloseTo(1.5, within(1e-15));
        assertThat(decoded.getIntegralError()).isCloseTo(Math.sqrt(0.4), within(1e-15));
    }

    @Test
    void messagesCarryTheMarkerAndTheSchemaFingerprint() {
        byte[] bytes = eventSerializer.serialize("events",
                TestRecords.event("run-c", 0, 0, new SplittableRandom(1)));

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint)
                .isEqualTo(SchemaNormalization.parsingFingerprint64(CcqeEvent.getClassSchema()))
                .isEqualTo(eventSerializer.fingerprint());
    }

    @Test
    void bytesAreInterchangeableWithAvrosOwnSingleObjectCodec() throws Exception {
        CcqeEvent event = TestRecords.event("run-d", 3, 4, new SplittableRandom(2));

        byte[] ours = eventSerializer.serialize("events", event);
        ByteBuffer avros = event.toByteBuffer();
        byte[] avrosBytes = new byte[avros.remaining()];
        avros.get(avrosBytes);

        assertThat(ours).isEqualTo(avrosBytes);
        assertThat(CcqeEvent.fromByteBuffer(ByteBuffer.wrap(ours))).isEqualTo(event);
        assertThat(eventDeserializer.deserialize("events", avrosBytes)).isEqualTo(event);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(eventSerializer.serialize("events", null)).isNull();
        assertThat(eventDeserializer.deserialize("events", null)).isNull();
    }
}
