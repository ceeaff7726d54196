package org.enis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/** Records for the tests: kinematically consistent events and reports, and a field comparison. */
public final class TestRecords {

    /** Muon mass, GeV (PDG 2024). */
    private static final double MUON_MASS_GEV = 0.1056583755;
    /** Neutron and proton masses, GeV. */
    private static final double NEUTRON_MASS_GEV = 0.93956542;

    private static final ModelIdentity MODEL = ModelIdentity.newBuilder()
            .setName("ccqe-numubar-c12")
            .setVersion("1.0.0")
            .setFingerprint("9f2c4e1a7b3d5f60718293a4b5c6d7e8f9012345678901234567890abcdef12")
            .build();

    private TestRecords() {
    }

    /** The model identity used by every test record. */
    public static ModelIdentity model() {
        return ModelIdentity.newBuilder(MODEL).build();
    }

    /**
     * An antineutrino event on carbon-12 with the derived quantities computed from the four
     * generated variables drawn by {@code random}.
     */
    public static CcqeEvent event(String runId, long batch, int index, SplittableRandom random) {
        double eNu = random.nextDouble(0.3, 10.0);
        double pMu = random.nextDouble(0.05, eNu * 0.9);
        double theta = random.nextDouble(0.0, Math.PI);
        double pN = random.nextDouble(0.0, 0.225);
        double eMu = Math.sqrt(pMu * pMu + MUON_MASS_GEV * MUON_MASS_GEV);
        double cos = Math.cos(theta);
        double omega = eNu - eMu;
        double q2 = eNu * eNu + pMu * pMu - 2 * eNu * pMu * cos - omega * omega;
        double phi = random.nextDouble(0.0, 2 * Math.PI);
        FourMomentum muon = FourMomentum.newBuilder()
                .setPxGeV(pMu * Math.sin(theta) * Math.cos(phi))
                .setPyGeV(pMu * Math.sin(theta) * Math.sin(phi))
                .setPzGeV(pMu * cos)
                .setEnergyGeV(eMu)
                .build();
        FourMomentum nucleon = FourMomentum.newBuilder()
                .setPxGeV(-muon.getPxGeV())
                .setPyGeV(-muon.getPyGeV())
                .setPzGeV(eNu - muon.getPzGeV())
                .setEnergyGeV(NEUTRON_MASS_GEV + omega - 0.025)
                .build();
        return CcqeEvent.newBuilder()
                .setRunId(runId)
                .setBatchNumber(batch)
                .setIndexInBatch(index)
                .setNeutrinoEnergyGeV(eNu)
                .setMuonMomentumGeV(pMu)
                .setMuonAngleRad(theta)
                .setNucleonFermiMomentumGeV(pN)
                .setMuonEnergyGeV(eMu)
                .setCosMuonAngle(cos)
                .setQ2GeV2(q2)
                .setEnergyTransferGeV(omega)
                .setMuon(Particle.newBuilder().setPdgCode(-13).setMomentum(muon).build())
                .setNucleon(Particle.newBuilder().setPdgCode(2112).setMomentum(nucleon).build())
                .setWeight(random.nextInt(20) == 0 ? 1.0 + random.nextDouble(3.0) : 1.0)
                .setNeutrinoPdgCode(-14)
                .setTargetPdgCode(1000060120)
                .setTargetName("CARBON_12")
                .setModel(model())
                .setGenerationTime(Instant.ofEpochMilli(1_796_000_000_000L + batch * 37))
                .build();
    }

    /**
     * A report whose derived fields follow from its sums by the formulas of the schema's doc
     * strings, for weights {@code 0.5, 1.0, 2.0, 4.0, 0} clipped at 2.0.
     */
    public static CoverageReport report(String runId) {
        double wQ = 2.0;
        double[] weights = {0.5, 1.0, 2.0, 4.0, 0.0};
        double sum = 0;
        double sumClipped = 0;
        double sumSquared = 0;
        double sumClippedSquared = 0;
        for (double w : weights) {
            double clipped = Math.min(w, wQ);
            sum += w;
            sumClipped += clipped;
            sumSquared += w * w;
            sumClippedSquared += clipped * clipped;
        }
        int n = weights.length;
        double mean = sum / n;
        return CoverageReport.newBuilder()
                .setRunId(runId)
                .setWindowStart(Instant.parse("2026-12-03T20:00:00Z"))
                .setWindowEnd(Instant.parse("2026-12-03T20:00:10Z"))
                .setProposalKind(ProposalKind.FLOW)
                .setModel(model())
                .setExactMode(false)
                .setQuantile(0.99)
                .setThresholdWeight(wQ)
                .setProposals(n)
                .setAccepted(3)
                .setZeroWeight(1)
                .setAboveThreshold(1)
                .setInvalidWeights(0)
                .setSumWeight(sum)
                .setSumClippedWeight(sumClipped)
                .setSumWeightSquared(sumSquared)
                .setSumClippedWeightSquared(sumClippedSquared)
                .setMaximumWeight(4.0)
                .setAcceptance(sumClipped / (n * wQ))
                .setCoverage(sumClipped / sum)
                .setEffectiveSampleSizeRatio(sumClipped * sumClipped / (n * sumClippedSquared))
                .setIntegral(mean)
                .setIntegralError(Math.sqrt((sumSquared / n - mean * mean) / n))
                .build();
    }

    /**
     * Asserts that {@code actual} holds every field of {@code expected} with an equal value,
     * whatever the data model of each (generated or generic, String or Utf8, Instant or epoch
     * milliseconds); fields only {@code actual} has are ignored.
     */
    public static void assertSameFields(IndexedRecord expected, IndexedRecord actual) {
        assertSameFields(expected, actual, expected.getSchema().getName());
    }

    private static void assertSameFields(IndexedRecord expected, IndexedRecord actual,
            String path) {
        for (Schema.Field field : expected.getSchema().getFields()) {
            Schema.Field actualField = actual.getSchema().getField(field.name());
            assertThat(actualField).as("field %s.%s", path, field.name()).isNotNull();
            Object want = expected.get(field.pos());
            Object got = actual.get(actualField.pos());
            String fieldPath = path + "." + field.name();
            if (want instanceof IndexedRecord nested) {
                assertThat(got).as(fieldPath).isInstanceOf(IndexedRecord.class);
                assertSameFields(nested, (IndexedRecord) got, fieldPath);
            } else {
                assertThat(normalise(got)).as(fieldPath).isEqualTo(normalise(want));
            }
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof CharSequence || value instanceof Enum<?>
                || value instanceof GenericEnumSymbol<?>) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value;
    }
}
