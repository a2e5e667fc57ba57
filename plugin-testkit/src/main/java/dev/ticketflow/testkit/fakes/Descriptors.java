package dev.ticketflow.testkit.fakes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Reads a plugin's PF4J descriptor, so a fake context enforces the same subscriptions. */
public final class Descriptors {

    private Descriptors() {}

    /**
     * The {@code plugin.subscriptions} of a descriptor.
     *
     * @param descriptor e.g. {@code Path.of("plugin.properties")} in a plugin module
     * @return the patterns, trimmed, empty when the property is absent
     */
    public static List<String> subscriptions(Path descriptor) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(descriptor)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty("plugin.subscriptions", "").trim();
        return value.isEmpty() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
