package org.enis.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.enis.physics.CcqeParameters;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    private static GeneratorConfig.Builder valid() {
        return GeneratorConfig.builder()
                .runId("run-1")
                .uniformProposal()
                .threshold(0.99, 2.5, 0.7)
                .physicsParameters(CcqeParameters.defaults().toCanonicalString())
                .bootstrapServers("127.0.0.1:9092");
    }

    private static void assertRejected(UnaryOperator<GeneratorConfig.Builder> change,
            String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aValidConfigurationKeepsItsValues() {
        GeneratorConfig config = valid().flowProposal(Path.of("models/m"),
                new ModelIdentity("m", "1.0.0", "ab12")).reportSeconds(5).build();

        assertThat(config.proposal()).isEqualTo(ProposalKind.FLOW);
        assertThat(Path.of(config.modelDirectory())).isAbsolute();
        assertThat(config.reportSeconds()).isEqualTo(5);
        assertThat(config.eventsTopic()).isEqualTo("ccqe-events");
    }

    @Test
    void eachBadValueIsNamedWithItsRange() {
        assertRejected(b -> b.runId("a b"), "runId must be 1 to 64 of [A-Za-z0-9._-], got 'a b'");
        assertRejected(b -> b.eventsPerSecond(-5),
                "rate must be a finite number >= 0 events/s (0 = unlimited), got -5.0");
        assertRejected(b -> b.threshold(1.5, 2.5, 0.7), "quantile must be in (0, 1], got 1.5");
        assertRejected(b -> b.threshold(0.99, Double.NaN, 0.7),
                "threshold weight must be finite and > 0, got NaN");
        assertRejected(b -> b.reportSeconds(0), "reportSeconds must be in [1, 86400] s, got 0");
        assertRejected(b -> b.eventsTopic("bad topic"),
                "eventsTopic must be 1 to 249 of [A-Za-z0-9._-], got 'bad topic'");
        assertRejected(b -> b.coverageTopic("ccqe-events"),
                "eventsTopic and coverageTopic must differ, both are 'ccqe-events'");
    }

    @Test
    void flinkSettingsRejectABadMasterAndParallelism() {
        assertThatThrownBy(() -> new FlinkSettings("local", 2, 8081, Path.of("w"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flinkMaster must be [local] or host:port")
                .hasMessageContaining("got 'local'");
        assertThatThrownBy(() -> FlinkSettings.local(0, 8081, Path.of("w")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be in [1, 64], got 0");
        assertThatThrownBy(() -> new FlinkSettings("127.0.0.1:8082", 2, 8081, Path.of("w"),
                Path.of("no-such.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such.jar does not exist; build it with: mvn");
        assertThat(FlinkSettings.local(2, 8082, Path.of("w")).restAddress())
                .isEqualTo("127.0.0.1:8082");
    }
}
