package dev.ticketflow.platform.plugin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.util.FileUtils;

/**
 * Reads {@code plugin.properties} when the plugin has one, else the manifest. Unlike PF4J's
 * compound finder it does not fall through to the manifest after a properties error, so the
 * operator sees the real reason (a bad subscription, say) instead of "Field 'id' cannot be empty".
 */
public final class TicketflowDescriptorFinder implements PluginDescriptorFinder {

    private static final String PROPERTIES = "plugin.properties";

    private final PropertiesDescriptorFinder properties = new PropertiesDescriptorFinder();
    private final ManifestDescriptorFinder manifest = new ManifestDescriptorFinder();

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath) || FileUtils.isZipOrJarFile(pluginPath);
    }

    @Override
    public TicketflowPluginDescriptor find(Path pluginPath) {
        PluginDescriptor descriptor = hasProperties(pluginPath)
                ? properties.find(pluginPath)
                : manifest.find(pluginPath);
        return (TicketflowPluginDescriptor) descriptor;
    }

    private static boolean hasProperties(Path pluginPath) {
        if (Files.isDirectory(pluginPath)) {
            return Files.isRegularFile(pluginPath.resolve(PROPERTIES));
        }
        try (ZipFile zip = new ZipFile(pluginPath.toFile())) {
            return zip.getEntry(PROPERTIES) != null;
        } catch (IOException e) {
            throw new PluginRuntimeException(e, "'{}' is not a readable jar/zip: {}", pluginPath.getFileName(), e.getMessage());
        }
    }
}
