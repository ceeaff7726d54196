package org.enis.pipeline.avro;

import java.time.Instant;
import org.enis.physics.CcqeParameters;
import org.enis.physics.FinalState;
import org.enis.physics.Flavour;
import org.enis.physics.FourMomentum;
import org.enis.physics.Nucleus;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.transforms.EventEncoder;
import org.enis.pipeline.transforms.GeneratedEvent;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.ModelIdentity;
import org.enis.schemas.Particle;
import org.enis.schemas.kafka.CcqeEventSerializer;

/**
 * Encodes events as {@link CcqeEvent} records with the schemas module's
 * {@link CcqeEventSerializer}: Avro single-object encoding (the two marker bytes
 * {@code C3 01}, the schema's 8-byte CRC-64-AVRO fingerprint, then the binary body), so that
 * every Kafka message names its schema, and no NaN or infinite number is ever published. One
 * record and its nested records are reused for every event of an instance.
 */
public final class AvroEventEncoder implements EventEncoder {
    private static final long serialVersionUID = 1L;

    private final GeneratorConfig config;
    private transient CcqeEvent record;
    private transient CcqeEventSerializer serializer;
    private transient double muonMassGeV;

    public AvroEventEncoder(GeneratorConfig config) {
        this.config = config;
    }

    @Override
    public void open() {
        CcqeParameters parameters = CcqeParameters.parse(config.physicsParameters());
        Flavour flavour = parameters.flavour();
        Nucleus nucleus = parameters.nucleus();
        muonMassGeV = parameters.muonMassGeV();
        record = CcqeEvent.newBuilder()
                .setRunId(config.runId())
                .setBatchNumber(0)
                .setIndexInBatch(0)
                .setNeutrinoEnergyGeV(0)
                .setMuonMomentumGeV(0)
                .setMuonAngleRad(0)
                .setNucleonFermiMomentumGeV(0)
                .setMuonEnergyGeV(0)
                .setCosMuonAngle(0)
                .setQ2GeV2(0)
                .setEnergyTransferGeV(0)
                .setMuon(particle(flavour.muonPdgCode()))
                .setNucleon(particle(flavour.finalNucleonPdgCode()))
                .setWeight(1)
                .setNeutrinoPdgCode(flavour.pdgCode())
                .setTargetPdgCode(nucleus.pdgCode())
                .setTargetName(nucleus.name())
                .setModel(modelIdentity(config))
                .setGenerationTime(Instant.EPOCH)
                .build();
        serializer = new CcqeEventSerializer();
    }

    static ModelIdentity modelIdentity(GeneratorConfig config) {
        return new ModelIdentity(config.model().name(), config.model().version(),
                config.model().fingerprint());
    }

    private static Particle particle(int pdgCode) {
        return new Particle(pdgCode, new org.enis.schemas.FourMomentum(0.0, 0.0, 0.0, 0.0));
    }

    @Override
    public byte[] encode(GeneratedEvent event) {
        fill(record, event, muonMassGeV);
        return serializer.encode(record);
    }

    /** Copies an event into a record whose nested records exist. */
    static void fill(CcqeEvent record, GeneratedEvent event, double muonMassGeV) {
        double eNu = event.neutrinoEnergyGeV();
        double pMu = event.muonMomentumGeV();
        double theta = event.muonAngleRad();
        double muonEnergy = Math.sqrt(pMu * pMu + muonMassGeV * muonMassGeV);
        double cosTheta = Math.cos(theta);
        double omega = eNu - muonEnergy;
        double q3Squared = eNu * eNu + pMu * pMu - 2 * eNu * pMu * cosTheta;

        record.setBatchNumber(event.batchNumber());
        record.setIndexInBatch(event.indexInBatch());
        record.setNeutrinoEnergyGeV(eNu);
        record.setMuonMomentumGeV(pMu);
        record.setMuonAngleRad(theta);
        record.setNucleonFermiMomentumGeV(event.nucleonMomentumGeV());
        record.setMuonEnergyGeV(muonEnergy);
        record.setCosMuonAngle(cosTheta);
        record.setQ2GeV2(q3Squared - omega * omega);
        record.setEnergyTransferGeV(omega);
        FinalState finalState = event.finalState();
        copy(finalState.muon(), record.getMuon().getMomentum());
        copy(finalState.outgoingNucleon(), record.getNucleon().getMomentum());
        record.setWeight(event.weight());
        record.setGenerationTime(Instant.ofEpochMilli(event.generationTimeMillis()));
    }

    private static void copy(FourMomentum from, org.enis.schemas.FourMomentum to) {
        to.setPxGeV(from.pxGeV());
        to.setPyGeV(from.pyGeV());
        to.setPzGeV(from.pzGeV());
        to.setEnergyGeV(from.energyGeV());
    }
}
