package dev.ticketflow.platform.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real plugin jars from classes of this test source tree: {@code plugin.properties} at the
 * root, the chosen classes (with their nested classes) and {@code META-INF/extensions.idx}. PF4J
 * loads plugin-first, so the classes load from the jar even though the test classpath has them
 * too; classes left out of the jar (such as {@link Probe}) come from the test classpath and are
 * shared with the test.
 */
public final class PluginJar {

    private final String id;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private Class<?> extension;
    private String rawProperties;
    private String fileName;
    private boolean inManifest;

    private PluginJar(String id) {
        this.id = id;
        properties.put("plugin.id", id);
        properties.put("plugin.version", "1.0.0");
        properties.put("plugin.requires", ">=0.1.0");
        properties.put("plugin.provider", "Ticketflow tests");
    }

    public static PluginJar plugin(String id) {
        return new PluginJar(id);
    }

    /** The {@code @Extension} implementing TicketflowPlugin; listed in the extension index. */
    public PluginJar extension(Class<?> type) {
        this.extension = type;
        classes.add(type);
        return this;
    }

    /** Another class packed into the jar. */
    PluginJar withClass(Class<?> type) {
        classes.add(type);
        return this;
    }

    PluginJar version(String version) {
        return property("plugin.version", version);
    }

    PluginJar requires(String constraint) {
        return property("plugin.requires", constraint);
    }

    public PluginJar subscriptions(String patterns) {
        return property("plugin.subscriptions", patterns);
    }

    PluginJar permissions(String permissions) {
        return property("plugin.permissions", permissions);
    }

    PluginJar configSchema(String resourceName, String schemaJson) {
        resources.put(resourceName, schemaJson.getBytes(StandardCharsets.UTF_8));
        return property("plugin.configSchema", resourceName);
    }

    PluginJar property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Replaces the generated plugin.properties with exactly this text. */
    PluginJar rawProperties(String text) {
        this.rawProperties = text;
        return this;
    }

    PluginJar fileName(String name) {
        this.fileName = name;
        return this;
    }

    /** Describes the plugin in {@code META-INF/MANIFEST.MF} (Plugin-Id, ...) instead of plugin.properties. */
    PluginJar inManifest() {
        this.inManifest = true;
        return this;
    }

    /**
     * Writes the jar into a folder the way an operator should: written aside, then moved in.
     *
     * @return the jar in the folder
     */
    public Path writeTo(Path folder) {
        return write(folder, id + ".jar", "");
    }

    /**
     * Writes the plugin as a PF4J zip: plugin.properties at the root, classes and resources under
     * {@code classes/}.
     *
     * @return the zip in the folder
     */
    Path writeZipTo(Path folder) {
        return write(folder, id + ".zip", "classes/");
    }

    private Path write(Path folder, String defaultName, String classesPrefix) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(fileName != null ? fileName : defaultName);
            Path temp = Files.createTempFile(folder.getParent(), "." + id, ".part");
            try (JarOutputStream jar = inManifest
                    ? new JarOutputStream(Files.newOutputStream(temp), manifest())
                    : new JarOutputStream(Files.newOutputStream(temp))) {
                if (!inManifest) {
                    put(jar, "plugin.properties", (rawProperties != null ? rawProperties : propertiesText())
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                if (extension != null) {
                    put(jar, classesPrefix + "META-INF/extensions.idx",
                            (extension.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Class<?> type : classes) {
                    for (Path classFile : classFiles(type)) {
                        String entry = type.getPackageName().replace('.', '/') + "/" + classFile.getFileName();
                        put(jar, classesPrefix + entry, Files.readAllBytes(classFile));
                    }
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    put(jar, classesPrefix + resource.getKey(), resource.getValue());
                }
            }
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Map<String, String> names = Map.of("plugin.id", "Plugin-Id", "plugin.version", "Plugin-Version",
                "plugin.requires", "Plugin-Requires", "plugin.provider", "Plugin-Provider",
                "plugin.subscriptions", "Plugin-Subscriptions", "plugin.permissions", "Plugin-Permissions",
                "plugin.configSchema", "Plugin-Config-Schema");
        properties.forEach((key, value) -> main.putValue(names.get(key), value));
        return manifest;
    }

    private String propertiesText() {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    /** The class file and those of its nested, inner and anonymous classes. */
    private static List<Path> classFiles(Class<?> type) throws IOException {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path packageDir = root.resolve(type.getPackageName().replace('.', '/'));
            String simple = type.getName().substring(type.getPackageName().length() + 1);
            try (Stream<Path> files = Files.list(packageDir)) {
                return files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.equals(simple + ".class") || name.startsWith(simple + "$");
                }).toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
