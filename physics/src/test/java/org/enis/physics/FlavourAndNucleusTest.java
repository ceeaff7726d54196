package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlavourAndNucleusTest {

    @Test
    void flavourCodesFollowThePdgNumberingScheme() {
        assertThat(Flavour.MUON_NEUTRINO.pdgCode()).isEqualTo(14);
        assertThat(Flavour.MUON_ANTINEUTRINO.pdgCode()).isEqualTo(-14);
        assertThat(Flavour.MUON_NEUTRINO.muonPdgCode()).isEqualTo(13);
        assertThat(Flavour.MUON_ANTINEUTRINO.muonPdgCode()).isEqualTo(-13);
        assertThat(Flavour.MUON_NEUTRINO.targetNucleonPdgCode()).isEqualTo(2112);
        assertThat(Flavour.MUON_NEUTRINO.finalNucleonPdgCode()).isEqualTo(2212);
        assertThat(Flavour.MUON_ANTINEUTRINO.targetNucleonPdgCode()).isEqualTo(2212);
        assertThat(Flavour.MUON_ANTINEUTRINO.finalNucleonPdgCode()).isEqualTo(2112);
        assertThat(Flavour.ofPdgCode(-14)).isEqualTo(Flavour.MUON_ANTINEUTRINO);
        assertThatThrownBy(() -> Flavour.ofPdgCode(12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 12");
    }

    @Test
    void interferenceSignIsMinusOneForNeutrinoAndPlusOneForAntineutrino() {
        assertThat(Flavour.MUON_NEUTRINO.interferenceSign()).isEqualTo(-1.0);
        assertThat(Flavour.MUON_ANTINEUTRINO.interferenceSign()).isEqualTo(1.0);
    }

    @Test
    void nucleiCarryIonCodesNucleonCountsAndLiteratureDefaults() {
        assertThat(Nucleus.CARBON_12.pdgCode()).isEqualTo(1000060120);
        assertThat(Nucleus.OXYGEN_16.pdgCode()).isEqualTo(1000080160);
        assertThat(Nucleus.ARGON_40.pdgCode()).isEqualTo(1000180400);
        assertThat(Nucleus.ARGON_40.protonCount()).isEqualTo(18);
        assertThat(Nucleus.ARGON_40.neutronCount()).isEqualTo(22);
        assertThat(Nucleus.OXYGEN_16.massNumber()).isEqualTo(16);
        // Carbon as in the ENIS paper; oxygen and argon (calcium-40 fit) as in Nucleus javadoc.
        assertThat(Nucleus.CARBON_12.defaultFermiMomentumGeV()).isEqualTo(0.225);
        assertThat(Nucleus.CARBON_12.defaultRemovalEnergyGeV()).isEqualTo(0.025);
        assertThat(Nucleus.OXYGEN_16.defaultFermiMomentumGeV()).isEqualTo(0.225);
        assertThat(Nucleus.OXYGEN_16.defaultRemovalEnergyGeV()).isEqualTo(0.027);
        assertThat(Nucleus.ARGON_40.defaultFermiMomentumGeV()).isEqualTo(0.251);
        assertThat(Nucleus.ARGON_40.defaultRemovalEnergyGeV()).isEqualTo(0.028);
    }

    @Test
    void neutrinosScatterOnNeutronsAndAntineutrinosOnProtons() {
        assertThat(Nucleus.ARGON_40.targetNucleonCount(Flavour.MUON_NEUTRINO)).isEqualTo(22);
        assertThat(Nucleus.ARGON_40.targetNucleonCount(Flavour.MUON_ANTINEUTRINO))
                .isEqualTo(18);
        assertThat(Nucleus.CARBON_12.targetNucleonCount(Flavour.MUON_ANTINEUTRINO))
                .isEqualTo(6);
        assertThat(Nucleus.CARBON_12.residualPdgCode(Flavour.MUON_ANTINEUTRINO))
                .isEqualTo(1000050110);
        assertThat(Nucleus.CARBON_12.residualPdgCode(Flavour.MUON_NEUTRINO))
                .isEqualTo(1000060110);
        assertThat(Nucleus.ARGON_40.residualPdgCode(Flavour.MUON_NEUTRINO))
                .isEqualTo(1000180390);
    }
}
