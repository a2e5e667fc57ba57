package dev.ticketflow.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes real plugin jars for tests: the content of a compiled plugin's output folder
 * ({@code target/classes}, which holds the filtered {@code plugin.properties}, the classes and
 * {@code META-INF/extensions.idx}) packed the way the build packs it.
 */
public final class PluginJar {

    private PluginJar() {}

    /**
     * Packs a folder into a jar.
     *
     * @param classesDir the plugin's compiled output, with {@code plugin.properties} at its root
     * @param jar the jar to write
     * @return {@code jar}
     * @throws IllegalArgumentException when the folder has no {@code plugin.properties}
     */
    public static Path fromDirectory(Path classesDir, Path jar) {
        if (!Files.isRegularFile(classesDir.resolve("plugin.properties"))) {
            throw new IllegalArgumentException(classesDir + " has no plugin.properties: pass the plugin's"
                    + " compiled output folder (target/classes) after the build copied its descriptor there");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classesDir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                for (Path file : files) {
                    String name = classesDir.relativize(file).toString().replace('\\', '/');
                    if (name.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    jarOut.putNextEntry(new JarEntry(name));
                    Files.copy(file, jarOut);
                    jarOut.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plugin jar " + jar, e);
        }
    }
}
