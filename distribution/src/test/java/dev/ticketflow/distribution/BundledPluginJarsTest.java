package dev.ticketflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Each bundled plugin is a real PF4J plugin that does not carry its own copy of the host's API. */
class BundledPluginJarsTest {

    private static final List<String> HOST_PACKAGES = List.of("io/vertx/", "org/pf4j/", "dev/ticketflow/api/",
            "dev/ticketflow/platform/");

    @Test
    void theExamplePluginIsBundled() throws IOException {
        assertThat(Distribution.files("plugins", ".jar"))
                .extracting(jar -> jar.getFileName().toString())
                .anySatisfy(name -> assertThat(name).startsWith("new-ticket-tagger-"));
    }

    @Test
    void everyBundledPluginJarHasAnExtensionIndexListingClassesItContains() throws IOException {
        for (Path plugin : Distribution.files("plugins", ".jar")) {
            try (JarFile jar = new JarFile(plugin.toFile())) {
                ZipEntry index = jar.getEntry("META-INF/extensions.idx");
                assertThat(index).as("%s has META-INF/extensions.idx", plugin.getFileName()).isNotNull();
                List<String> extensions = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8)
                        .lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                assertThat(extensions).as("extensions listed in %s", plugin.getFileName()).isNotEmpty();
                for (String extension : extensions) {
                    assertThat(jar.getEntry(extension.replace('.', '/') + ".class"))
                            .as("%s contains its extension %s", plugin.getFileName(), extension).isNotNull();
                }
            }
        }
    }

    @Test
    void noBundledPluginJarCarriesTheHostsApi() throws IOException {
        for (Path plugin : Distribution.files("plugins", ".jar")) {
            try (JarFile jar = new JarFile(plugin.toFile())) {
                List<String> bundled = jar.stream().map(ZipEntry::getName)
                        .filter(name -> HOST_PACKAGES.stream().anyMatch(name::startsWith))
                        .toList();
                assertThat(bundled).as("host classes inside %s", plugin.getFileName()).isEmpty();
            }
        }
    }

    @Test
    void libHoldsThePlatformButNoPlugin() throws IOException {
        List<String> libs = Distribution.files("lib", ".jar").stream()
                .map(jar -> jar.getFileName().toString()).toList();

        assertThat(libs).anySatisfy(name -> assertThat(name).startsWith("platform-"));
        assertThat(libs).anySatisfy(name -> assertThat(name).startsWith("plugin-api-"));
        assertThat(libs).noneSatisfy(name -> assertThat(name).startsWith("new-ticket-tagger"));
    }
}
