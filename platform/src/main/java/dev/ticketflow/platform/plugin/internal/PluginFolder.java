package dev.ticketflow.platform.plugin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Lists the plugin files of the plugins folder. Blocking. */
public final class PluginFolder {

    private PluginFolder() {}

    /**
     * The {@code .jar} and {@code .zip} files of a folder with their stamps; hidden files (an
     * editor's or a copy tool's temporary files) are left out.
     *
     * @param folder the plugins folder; a missing folder has no plugins
     * @return stamps by file name, sorted by name
     */
    public static Map<String, FileStamp> list(Path folder) {
        Map<String, FileStamp> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(path -> {
                String name = path.getFileName().toString();
                if (isPluginFile(name)) {
                    stamp(path).ifPresent(stamp -> files.put(name, stamp));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static boolean isPluginFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".jar") || lower.endsWith(".zip"));
    }

    private static Optional<FileStamp> stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException vanished) {
            // removed between listing and reading: the next scan sees it gone
            return Optional.empty();
        }
    }
}
