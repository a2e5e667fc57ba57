package dev.ticketflow.platform.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The platform version plugins' {@code Plugin-Requires} is checked against, set by the build. */
public final class SystemVersion {

    private static final String RESOURCE = "/ticketflow-version.properties";

    private SystemVersion() {}

    public static String get() {
        try (InputStream in = SystemVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("system.version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " has no filtered system.version");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
