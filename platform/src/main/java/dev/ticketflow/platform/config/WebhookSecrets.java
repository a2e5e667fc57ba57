package dev.ticketflow.platform.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Standard Webhooks secrets {@code POST /events} accepts: the configured ones, or — so that
 * a fresh installation takes a signed event with no setup — one generated at first start in
 * {@code <dataDir>/webhook-secret} (owner-only) and reused afterwards.
 */
public final class WebhookSecrets {

    /** The file name of the generated secret in the data folder. */
    public static final String FILE_NAME = "webhook-secret";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecrets.class);

    private WebhookSecrets() {}

    /**
     * Resolves the secrets, reading or generating the file on a worker thread when none is
     * configured.
     *
     * @param vertx Vert.x, for the worker thread
     * @param config the configuration
     * @return the secrets, at least one
     */
    public static Future<List<String>> resolve(Vertx vertx, TicketflowConfig config) {
        if (!config.webhookSecrets().isEmpty()) {
            return Future.succeededFuture(config.webhookSecrets());
        }
        return vertx.executeBlocking(() -> {
            SecretFile.Secret secret = SecretFile.readOrCreate(file(config), WebhookSecrets::generate);
            if (secret.generated()) {
                LOG.info("No webhook secret configured: generated one in {} (bin/ticketflow send signs with it;"
                        + " set webhooks.secrets or TICKETFLOW_WEBHOOK_SECRETS to choose your own)", secret.file());
            } else {
                LOG.info("No webhook secret configured: using the one in {}", secret.file());
            }
            return List.of(secret.value());
        });
    }

    /**
     * Where the generated secret lives.
     *
     * @param config the configuration
     * @return {@code <dataDir>/webhook-secret}
     */
    public static Path file(TicketflowConfig config) {
        return config.dataDir().resolve(FILE_NAME);
    }

    /**
     * A new secret: {@code whsec_} followed by the base64 of 32 random bytes.
     *
     * @return the secret
     */
    public static String generate() {
        return "whsec_" + Base64.getEncoder().encodeToString(SecretFile.randomBytes(32));
    }
}
