package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.ConfigLoader;
import dev.ticketflow.platform.config.TicketflowConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config}: which configuration file; by default the installation's {@code conf/ticketflow.yaml}. */
final class ConfigOptions {

    /** The installation folder, set by {@code bin/ticketflow}. */
    static final String HOME_VARIABLE = "TICKETFLOW_HOME";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: $TICKETFLOW_HOME/conf/ticketflow.yaml).")
    Path configFile;

    /**
     * Loads the configuration.
     *
     * @param env the environment
     * @return the configuration
     */
    TicketflowConfig load(Map<String, String> env) {
        Path home = home(env);
        Path file = configFile != null ? configFile : home.resolve("conf").resolve("ticketflow.yaml");
        return ConfigLoader.load(home, file, env);
    }

    static Path home(Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
