package org.enis.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasspathResourceTest {

    @Test
    void brokerClasspathHasTheBrokerAndItsOwnClientLibrary() {
        List<Path> entries = ClasspathResource.load("org/enis/infra/kafka-broker.classpath",
                "build hint");

        List<String> names = entries.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("kafka_2.13-4.1.1.jar", "kafka-clients-4.1.1.jar");
        assertThat(names).as("the broker must not run the pipeline's 3.9 client")
                .noneMatch(name -> name.startsWith("kafka-clients-3."));
        assertThat(names).as("an slf4j provider, or the broker logs nothing")
                .anyMatch(name -> name.startsWith("slf4j-simple-"));
    }

    @Test
    void missingResourceNamesTheBuildCommand() {
        assertThatThrownBy(() -> ClasspathResource.load("org/enis/infra/none.classpath",
                "mvn -pl x install"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/enis/infra/none.classpath not found")
                .hasMessageContaining("mvn -pl x install");
    }

    @Test
    void entryThatNoLongerExistsIsAClearError() {
        assertThatThrownBy(() -> ClasspathResource.load(
                "org/enis/infra/process/missing-entry.classpath", "mvn -pl x install"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/lib/gone-1.0.jar, which does not exist")
                .hasMessageContaining("mvn -pl x install");
    }
}
