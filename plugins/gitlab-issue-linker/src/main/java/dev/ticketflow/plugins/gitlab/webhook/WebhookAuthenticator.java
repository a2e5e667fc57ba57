package dev.ticketflow.plugins.gitlab.webhook;

import dev.ticketflow.plugins.gitlab.config.WebhookSettings;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Decides whether a webhook request comes from GitLab. A Standard Webhooks signature, when GitLab
 * sends one and signing secrets are configured, must be valid (a bad one is never excused by the
 * token); otherwise {@code X-Gitlab-Token} must equal the configured token, compared in constant
 * time (both sides are hashed first so not even the length leaks).
 */
public final class WebhookAuthenticator {

    private final byte[] tokenDigest;
    private final StandardWebhookSignature signature;

    /**
     * Creates the authenticator.
     *
     * @param settings the webhook settings
     */
    public WebhookAuthenticator(WebhookSettings settings) {
        this.tokenDigest = settings.token() == null ? null : sha256(settings.token());
        this.signature = new StandardWebhookSignature(settings.signingSecrets());
    }

    /**
     * Checks a request.
     *
     * @param headers its headers
     * @param body its exact body
     * @param now the current time
     * @return {@code null} when authentic, otherwise why not (never containing a secret)
     */
    public String check(MultiMap headers, byte[] body, Instant now) {
        String signatures = headers.get("webhook-signature");
        if (signatures != null && signature.configured()) {
            return signature.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"), signatures, body, now);
        }
        if (tokenDigest != null) {
            String given = headers.get("X-Gitlab-Token");
            if (given == null) {
                return "X-Gitlab-Token is missing";
            }
            return MessageDigest.isEqual(tokenDigest, sha256(given)) ? null : "X-Gitlab-Token does not match";
        }
        if (signature.configured()) {
            return "webhook-signature is missing";
        }
        return "the GitLab webhook is not configured (set webhook.token or webhook.signingSecrets)";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
