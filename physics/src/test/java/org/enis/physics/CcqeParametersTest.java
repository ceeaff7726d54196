package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CcqeParametersTest {

    @Test
    void defaultsAreTheReferenceTableWithTheProjectAxialMass() {
        CcqeParameters p = CcqeParameters.defaults();
        assertThat(p.flavour()).isEqualTo(Flavour.MUON_ANTINEUTRINO);
        assertThat(p.nucleus()).isEqualTo(Nucleus.CARBON_12);
        assertThat(p.axialMassGeV()).isEqualTo(1.03);
        assertThat(p.fermiMomentumGeV()).isEqualTo(0.225);
        assertThat(p.removalEnergyGeV()).isEqualTo(0.025);
        assertThat(p.pauliBlocking()).isTrue();
        assertThat(p.fermiConstantPerGeV2()).isEqualTo(1.1663787e-5);
        assertThat(p.vud()).isEqualTo(0.97425);
        assertThat(p.protonMassGeV()).isEqualTo(0.938272);
        assertThat(p.neutronMassGeV()).isEqualTo(0.939565);
        assertThat(p.muonMassGeV()).isEqualTo(0.105658);
        assertThat(p.pionMassGeV()).isEqualTo(0.13957);
        assertThat(p.protonMagneticMoment()).isEqualTo(2.792847);
        assertThat(p.neutronMagneticMoment()).isEqualTo(-1.913043);
        assertThat(p.vectorMassSquaredGeV2()).isEqualTo(0.71);
        assertThat(p.axialCoupling()).isEqualTo(1.267);
        assertThat(p.cm2PerGeVMinus2()).isEqualTo(3.893794e-28);
        assertThat(p.maxNeutrinoEnergyGeV()).isEqualTo(10.0);
        assertThat(p.maxMuonMomentumGeV()).isEqualTo(10.0);
        assertThat(p.vertexNucleonMassGeV()).isEqualTo(0.5 * (0.938272 + 0.939565));
        assertThat(p.initialNucleonMassGeV()).isEqualTo(0.938272);
        assertThat(p.finalNucleonMassGeV()).isEqualTo(0.939565);
    }

    @Test
    void canonicalTextRoundTripsEveryParameterExactly() {
        CcqeParameters p = CcqeParameters.builder()
                .flavour(Flavour.MUON_NEUTRINO).nucleus(Nucleus.ARGON_40)
                .fermiMomentumGeV(0.1 + 0.2).removalEnergyGeV(0.0).pauliBlocking(false)
                .axialMassGeV(1.0 / 3.0).vectorMassSquaredGeV2(0.7).axialCoupling(1.27)
                .protonMagneticMoment(2.79).neutronMagneticMoment(-1.91)
                .fermiConstantPerGeV2(1.17e-5).vud(0.974).protonMassGeV(0.9383)
                .neutronMassGeV(0.9396).muonMassGeV(0.1057).pionMassGeV(0.1396)
                .cm2PerGeVMinus2(3.9e-28).maxNeutrinoEnergyGeV(20.0).maxMuonMomentumGeV(15.0)
                .build();
        CcqeParameters parsed = CcqeParameters.parse(p.toCanonicalString());
        assertThat(parsed).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(parsed.toCanonicalString()).isEqualTo(p.toCanonicalString());
        assertThat(parsed.fermiMomentumGeV()).isEqualTo(0.1 + 0.2);
        assertThat(parsed.axialMassGeV()).isEqualTo(1.0 / 3.0);
        assertThat(parsed.toBuilder().build()).isEqualTo(p);
        assertThat(p).isNotEqualTo(CcqeParameters.defaults());
    }

    @Test
    void canonicalTextOfTheDefaultsIsStable() {
        assertThat(CcqeParameters.defaults().toCanonicalString()).isEqualTo(
                "ccqe-parameters-v1;flavour=MUON_ANTINEUTRINO;nucleus=CARBON_12;"
                + "fermiMomentumGeV=0.225;removalEnergyGeV=0.025;pauliBlocking=true;"
                + "axialMassGeV=1.03;vectorMassSquaredGeV2=0.71;axialCoupling=1.267;"
                + "protonMagneticMoment=2.792847;neutronMagneticMoment=-1.913043;"
                + "fermiConstantPerGeV2=1.1663787E-5;vud=0.97425;protonMassGeV=0.938272;"
                + "neutronMassGeV=0.939565;muonMassGeV=0.105658;pionMassGeV=0.13957;"
                + "cm2PerGeVMinus2=3.893794E-28;maxNeutrinoEnergyGeV=10.0;"
                + "maxMuonMomentumGeV=10.0");
    }

    @Test
    void nucleusDefaultsFollowTheNucleusUnlessSetAfterIt() {
        CcqeParameters oxygen = CcqeParameters.builder().nucleus(Nucleus.OXYGEN_16).build();
        assertThat(oxygen.removalEnergyGeV()).isEqualTo(0.027);
        CcqeParameters argon = CcqeParameters.builder().fermiMomentumGeV(0.2)
                .nucleus(Nucleus.ARGON_40).build();
        assertThat(argon.fermiMomentumGeV()).isEqualTo(0.251);
        CcqeParameters custom = CcqeParameters.builder().nucleus(Nucleus.ARGON_40)
                .fermiMomentumGeV(0.2).build();
        assertThat(custom.fermiMomentumGeV()).isEqualTo(0.2);
    }

    @Test
    void validationNamesTheParameterTheValueTheRangeAndTheUnit() {
        assertThatThrownBy(() -> CcqeParameters.builder().axialMassGeV(-1.0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axialMassGeV must be in (0.0, 10.0] GeV, got -1.0");
        assertThatThrownBy(() -> CcqeParameters.builder().fermiMomentumGeV(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fermiMomentumGeV must be in (0.0, 1.0] GeV/c, got NaN");
        assertThatThrownBy(() -> CcqeParameters.builder().removalEnergyGeV(0.5).build())
                .hasMessage("removalEnergyGeV must be in [0.0, 0.2] GeV, got 0.5");
        assertThatThrownBy(() -> CcqeParameters.builder().vud(1.5).build())
                .hasMessageContaining("vud").hasMessageContaining("1.5");
        assertThatThrownBy(() -> CcqeParameters.builder().muonMassGeV(
                Double.POSITIVE_INFINITY).build()).hasMessageContaining("Infinity");
    }

    @Test
    void parseRejectsMalformedText() {
        String good = CcqeParameters.defaults().toCanonicalString();
        assertThatThrownBy(() -> CcqeParameters.parse("ccqe-parameters-v0;" + good))
                .hasMessageContaining("must start with 'ccqe-parameters-v1'");
        assertThatThrownBy(() -> CcqeParameters.parse(good.replace(";vud=0.97425", "")))
                .hasMessage("CCQE parameter 'vud' is missing");
        assertThatThrownBy(() -> CcqeParameters.parse(good + ";vud=0.9"))
                .hasMessage("CCQE parameter 'vud' is repeated");
        assertThatThrownBy(() -> CcqeParameters.parse(good + ";colour=red"))
                .hasMessageContaining("unknown CCQE parameter 'colour'");
        assertThatThrownBy(() -> CcqeParameters.parse(good.replace("vud=0.97425", "vud=x")))
                .hasMessage("CCQE parameter 'vud' must be a number, got 'x'");
        assertThatThrownBy(() -> CcqeParameters.parse(good.replace("=CARBON_12", "=IRON_56")))
                .hasMessageContaining("nucleus").hasMessageContaining("IRON_56");
        assertThatThrownBy(() -> CcqeParameters.parse(good.replace("=true", "=yes")))
                .hasMessageContaining("must be true or false, got 'yes'");
        assertThatThrownBy(() -> CcqeParameters.parse(good.replace("vud=0.97425", "vud=2")))
                .hasMessageContaining("vud must be in (0.0, 1.0]");
    }
}
