package org.enis.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.FourMomentum;
import org.enis.schemas.ModelIdentity;
import org.enis.schemas.Particle;
import org.junit.jupiter.api.Test;

class EventStatisticsTest {

    private static CcqeEvent event(String run, long batch, int index, double eNu, double pN,
            double weight) {
        Particle particle = new Particle(-13, new FourMomentum(0.0, 0.0, 1.0, 1.0));
        return CcqeEvent.newBuilder().setRunId(run).setBatchNumber(batch).setIndexInBatch(index)
                .setNeutrinoEnergyGeV(eNu).setMuonMomentumGeV(1.0).setMuonAngleRad(0.5)
                .setNucleonFermiMomentumGeV(pN).setMuonEnergyGeV(1.0).setCosMuonAngle(0.8)
                .setQ2GeV2(0.3).setEnergyTransferGeV(0.5).setMuon(particle).setNucleon(particle)
                .setWeight(weight).setNeutrinoPdgCode(-14).setTargetPdgCode(1000060120)
                .setTargetName("CARBON_12").setModel(new ModelIdentity("m", "1", "f"))
                .setGenerationTime(Instant.EPOCH).build();
    }

    @Test
    void histogramsAreWeightedAndBinnedOverTheGenerationBox() {
        EventStatistics statistics = new EventStatistics(10, 10.0);
        statistics.add(event("a", 0, 0, 0.5, 0.01, 1.0));
        statistics.add(event("a", 0, 1, 0.7, 0.224, 2.5));
        statistics.add(event("a", 1, 0, 9.99, 0.1, 1.0));

        assertThat(statistics.events()).isEqualTo(3);
        assertThat(statistics.histogram(0)[0]).isEqualTo(3.5);
        assertThat(statistics.histogram(0)[9]).isEqualTo(1.0);
        // p_N is binned over [0, k_F] of carbon, 0.225 GeV/c.
        assertThat(statistics.histogram(3)[9]).isEqualTo(2.5);
        assertThat(statistics.histogram(3)[4]).isEqualTo(1.0);
        assertThat(statistics.formatHistograms()).contains("E_nu (GeV), 10 bins");
    }

    @Test
    void duplicateIdsAndPointsOutsideTheBoxAreCountedPerRun() {
        EventStatistics statistics = new EventStatistics(10, 10.0);
        statistics.add(event("a", 3, 7, 1.0, 0.1, 1.0));
        statistics.add(event("a", 3, 7, 1.0, 0.1, 1.0));
        statistics.add(event("b", 3, 7, 1.0, 0.1, 1.0));
        statistics.add(event("b", 4, 0, 11.0, 0.1, 1.0));

        assertThat(statistics.duplicates()).isEqualTo(1);
        assertThat(statistics.outsideBox()).isEqualTo(1);
        assertThat(statistics.countByRun()).containsEntry("a", 2L).containsEntry("b", 2L);
    }

    @Test
    void aGivenFermiMomentumBoundsThePNucleonHistogram() {
        EventStatistics statistics = new EventStatistics(10, 10.0, 0.3);
        statistics.add(event("a", 0, 0, 0.5, 0.29, 1.0));

        // 0.29 GeV/c lies beyond carbon's k_F but inside the run's 0.3: last bin, not outside.
        assertThat(statistics.outsideBox()).isZero();
        assertThat(statistics.histogram(3)[9]).isEqualTo(1.0);
    }
}
