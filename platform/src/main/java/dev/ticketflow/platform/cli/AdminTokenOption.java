package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.admin.AdminToken;
import dev.ticketflow.platform.config.SecretFile;
import dev.ticketflow.platform.config.TicketflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --token}, mixed into every command that calls the admin API: the admin token it sends is
 * the one given, else the configured one, else the file the server generated.
 */
final class AdminTokenOption {

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Admin token (default: admin.token, TICKETFLOW_ADMIN_TOKEN, or <dataDir>/admin-token).")
    String token;

    /**
     * The token to send as {@code Authorization: Bearer}.
     *
     * @param config the configuration
     * @return the token
     * @throws IllegalStateException when none is given, configured or generated
     */
    String bearer(TicketflowConfig config) throws IOException {
        if (token != null) {
            return token;
        }
        if (config.adminToken() != null) {
            return config.adminToken();
        }
        Path file = AdminToken.file(config);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no admin token is configured and " + file + " does not exist:"
                    + " start Ticketflow once with this data folder, or pass --token");
        }
        return SecretFile.read(file);
    }
}
