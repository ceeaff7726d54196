package org.enis.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterOverridesTest {

    private static ParameterOverrides only(Nucleus nucleus, Double axialMass) {
        return new ParameterOverrides(null, null, nucleus, axialMass, null, null, false, null);
    }

    @Test
    void noOverridesGiveTheDefaults() {
        assertThat(only(null, null).apply()).isEqualTo(CcqeParameters.defaults());
    }

    @Test
    void aNucleusBringsItsOwnFermiMomentumAndRemovalEnergy() {
        CcqeParameters argon = only(Nucleus.ARGON_40, null).apply();
        assertThat(argon.fermiMomentumGeV()).isEqualTo(0.251);
        assertThat(argon.removalEnergyGeV()).isEqualTo(0.028);
        CcqeParameters given = new ParameterOverrides(null, Flavour.MUON_NEUTRINO,
                Nucleus.ARGON_40, null, 0.24, 0.03, true, 5.0).apply();
        assertThat(given.flavour()).isEqualTo(Flavour.MUON_NEUTRINO);
        assertThat(given.fermiMomentumGeV()).isEqualTo(0.24);
        assertThat(given.removalEnergyGeV()).isEqualTo(0.03);
        assertThat(given.pauliBlocking()).isFalse();
        assertThat(given.maxNeutrinoEnergyGeV()).isEqualTo(5.0);
    }

    @Test
    void singleValuesOverrideACanonicalSetAndKeepTheRest() {
        CcqeParameters base = CcqeParameters.builder().nucleus(Nucleus.OXYGEN_16)
                .pauliBlocking(false).build();
        CcqeParameters changed = new ParameterOverrides(base.toCanonicalString(), null, null,
                1.2, null, null, false, null).apply();
        assertThat(changed.axialMassGeV()).isEqualTo(1.2);
        assertThat(changed.toBuilder().axialMassGeV(base.axialMassGeV()).build())
                .isEqualTo(base);
    }

    @Test
    void aValueOutOfRangeIsNamed() {
        assertThatThrownBy(() -> only(null, -1.0).apply())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @ParameterizedTest
    @CsvSource({"nu,MUON_NEUTRINO", "NuMu,MUON_NEUTRINO", "14,MUON_NEUTRINO",
        "nubar,MUON_ANTINEUTRINO", "MUON_ANTINEUTRINO,MUON_ANTINEUTRINO", "-14,MUON_ANTINEUTRINO"})
    void flavourNames(String text, Flavour expected) {
        assertThat(Flavour.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"carbon,CARBON_12", "C12,CARBON_12", "oxygen_16,OXYGEN_16", "ar40,ARGON_40"})
    void nucleusNames(String text, Nucleus expected) {
        assertThat(Nucleus.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownNamesListWhatIsAllowed() {
        assertThatThrownBy(() -> Flavour.parse("tau")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flavour must be nu or nubar (MUON_NEUTRINO, MUON_ANTINEUTRINO, 14, "
                        + "-14), got 'tau'");
        assertThatThrownBy(() -> Nucleus.parse("lead")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nucleus must be carbon, oxygen or argon (CARBON_12, OXYGEN_16, "
                        + "ARGON_40), got 'lead'");
    }
}
