package org.enis.schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.enis.schemas.kafka.SchemaFingerprints;

/**
 * Writes the complete, self-contained schema of each published record (nested types inlined)
 * as {@code <Name>.avsc} into a directory, for consumers in other languages that decode the
 * messages with their own Avro library, and prints each schema's single-object fingerprint.
 *
 * <p>Usage: {@code SchemaExport <directory>}; see docs/foundation.md.
 */
public final class SchemaExport {

    /** The records published to Kafka. */
    public static final List<Schema> PUBLISHED = List.of(CcqeEvent.getClassSchema(),
            CoverageReport.getClassSchema());

    private SchemaExport() {
    }

    /**
     * Writes the schemas.
     *
     * @param args the output directory
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchemaExport <output directory>");
            System.exit(2);
        }
        for (Schema schema : PUBLISHED) {
            System.out.println(schema.getFullName() + " fingerprint "
                    + SchemaFingerprints.toHex(SchemaFingerprints.of(schema)));
        }
        for (Path file : export(Path.of(args[0]))) {
            System.out.println("wrote " + file);
        }
    }

    /**
     * Writes every published schema into a directory.
     *
     * @param directory created if missing
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> export(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (Schema schema : PUBLISHED) {
            Path file = directory.resolve(schema.getName() + ".avsc");
            String json = SchemaFormatter.format("json/pretty", schema);
            Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }
}
