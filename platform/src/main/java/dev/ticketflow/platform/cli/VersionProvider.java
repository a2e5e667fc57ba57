package dev.ticketflow.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ticketflow --version}, from the version the build wrote into the platform jar. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/ticketflow-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"Ticketflow " + properties.getProperty("version", "unknown")};
    }
}
