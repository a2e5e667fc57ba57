package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.admin.AdminToken;
import dev.ticketflow.platform.config.SecretFile;
import dev.ticketflow.platform.config.TicketflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The admin token a command sends: {@code --token}, else the configured one, else the generated file. */
final class AdminTokens {

    private AdminTokens() {}

    static String resolve(TicketflowConfig config, String override) throws IOException {
        if (override != null) {
            return override;
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
