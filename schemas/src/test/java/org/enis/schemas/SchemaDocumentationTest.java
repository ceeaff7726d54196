package org.enis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every published type and field is documented, and every field states its unit. */
class SchemaDocumentationTest {

    /** A unit, or an explicit statement that the field has none. */
    private static final Pattern UNIT = Pattern.compile(
            "GeV|rad\\b|no unit|dimensionless|1e-38 cm\\^2|milliseconds");

    @Test
    void everyTypeAndFieldHasADocStringWithItsUnit() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema schema : SchemaExport.PUBLISHED) {
            check(schema, undocumented, seen);
        }
        assertThat(undocumented).isEmpty();
        assertThat(seen).contains("org.enis.schemas.CcqeEvent", "org.enis.schemas.CoverageReport",
                "org.enis.schemas.Particle", "org.enis.schemas.FourMomentum",
                "org.enis.schemas.ModelIdentity", "org.enis.schemas.ProposalKind");
    }

    private static void check(Schema schema, List<String> problems, Set<String> seen) {
        if (schema.getType() == Schema.Type.UNION) {
            schema.getTypes().forEach(branch -> check(branch, problems, seen));
            return;
        }
        if (schema.getType() != Schema.Type.RECORD && schema.getType() != Schema.Type.ENUM) {
            return;
        }
        if (!seen.add(schema.getFullName())) {
            return;
        }
        assertThat(schema.getNamespace()).isEqualTo("org.enis.schemas");
        if (schema.getDoc() == null || schema.getDoc().isBlank()) {
            problems.add(schema.getFullName() + " has no doc");
        }
        if (schema.getType() == Schema.Type.ENUM) {
            return;
        }
        for (Schema.Field field : schema.getFields()) {
            String doc = field.doc();
            if (doc == null || !UNIT.matcher(doc).find()) {
                problems.add(schema.getName() + "." + field.name() + ": " + doc);
            }
            check(field.schema(), problems, seen);
        }
    }
}
