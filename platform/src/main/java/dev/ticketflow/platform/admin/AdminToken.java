package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.config.SecretFile;
import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token: the configured one, or one generated at first start in
 * {@code <dataDir>/admin-token} (owner-only) and reused on later starts, so that an installation
 * is never left with an open admin API.
 */
public final class AdminToken {

    /** The file name of the generated token in the data folder. */
    public static final String FILE_NAME = "admin-token";

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private AdminToken() {}

    /**
     * Resolves the token, reading or generating the file on a worker thread when none is
     * configured.
     *
     * @param vertx Vert.x, for the worker thread
     * @param config the configuration
     * @return the token
     */
    public static Future<String> resolve(Vertx vertx, TicketflowConfig config) {
        if (config.adminToken() != null) {
            return Future.succeededFuture(config.adminToken());
        }
        return vertx.executeBlocking(() -> {
            SecretFile.Secret token = SecretFile.readOrCreate(file(config), () -> SecretFile.randomUrlSafe(32));
            if (token.generated()) {
                LOG.info("No admin token configured: generated one in {} (owner-only; send it as"
                        + " 'Authorization: Bearer <token>' to /admin)", token.file());
            } else {
                LOG.info("No admin token configured: using the one in {}", token.file());
            }
            return token.value();
        });
    }

    /**
     * Where the generated token lives.
     *
     * @param config the configuration
     * @return {@code <dataDir>/admin-token}
     */
    public static Path file(TicketflowConfig config) {
        return config.dataDir().resolve(FILE_NAME);
    }
}
