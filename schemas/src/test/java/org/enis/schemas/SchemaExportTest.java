package org.enis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.enis.schemas.kafka.SchemaFingerprints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaExportTest {

    @TempDir
    Path dir;

    @Test
    void exportedFilesAreSelfContainedAndHaveTheSameFingerprints() throws Exception {
        List<Path> files = SchemaExport.export(dir.resolve("schemas"));

        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactly("CcqeEvent.avsc", "CoverageReport.avsc");
        for (int i = 0; i < files.size(); i++) {
            // A fresh parser knows no other type: each file must define all it uses.
            Schema parsed = new Schema.Parser().parse(files.get(i).toFile());
            Schema published = SchemaExport.PUBLISHED.get(i);
            assertThat(parsed).isEqualTo(published);
            assertThat(SchemaFingerprints.of(parsed)).isEqualTo(SchemaFingerprints.of(published));
        }
    }
}
