package org.enis.infra.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classpath written at build time by {@code maven-dependency-plugin:build-classpath}
 * into a resource (as infra/kafka-runtime and infra/flink-runtime do): the jars of a program
 * that runs in a child JVM, kept off this JVM's classpath.
 *
 * <p>The entries are absolute paths into the local Maven repository of the machine that built
 * the resource, so the jar holding it only works where it was built.
 */
public final class ClasspathResource {

    private ClasspathResource() {
    }

    /**
     * Loads and checks a classpath resource.
     *
     * @param resource resource name, such as {@code org/enis/infra/kafka-broker.classpath}
     * @param buildHint the command that builds the resource, for error messages
     * @return the classpath entries, in order
     * @throws IllegalStateException if the resource is missing or empty or names a missing file
     */
    public static List<Path> load(String resource, String buildHint) {
        String text = read(resource, buildHint).trim();
        if (text.isEmpty()) {
            throw new IllegalStateException("classpath resource " + resource
                    + " is empty; rebuild it with: " + buildHint);
        }
        List<Path> entries = new ArrayList<>();
        for (String part : text.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path entry = Path.of(part.trim());
            if (!Files.exists(entry)) {
                throw new IllegalStateException("classpath resource " + resource + " names "
                        + entry + ", which does not exist (built on another machine, or the"
                        + " local Maven repository was cleaned); rebuild with: " + buildHint);
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static String read(String resource, String buildHint) {
        ClassLoader loader = ClasspathResource.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource
                        + " not found on this JVM's classpath; build it with: " + buildHint);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }
}
