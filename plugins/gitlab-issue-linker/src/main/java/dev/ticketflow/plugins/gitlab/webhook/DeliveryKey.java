package dev.ticketflow.plugins.gitlab.webhook;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies one GitLab event across redeliveries: {@code Idempotency-Key} (GitLab 17.4+,
 * one per event, kept on retries), else {@code webhook-id} (GitLab 19+ signing), else
 * {@code X-Gitlab-Event-UUID} with a hash of the body, else the body hash alone.
 * {@code X-Gitlab-Webhook-UUID} is new on every attempt and so never used.
 */
final class DeliveryKey {

    private DeliveryKey() {}

    static String of(MultiMap headers, byte[] body) {
        String idempotencyKey = headers.get("Idempotency-Key");
        if (notBlank(idempotencyKey)) {
            return "idem:" + idempotencyKey.trim();
        }
        String webhookId = headers.get("webhook-id");
        if (notBlank(webhookId)) {
            return "whid:" + webhookId.trim();
        }
        String eventUuid = headers.get("X-Gitlab-Event-UUID");
        return notBlank(eventUuid) ? "event:" + eventUuid.trim() + ":" + sha256(body) : "body:" + sha256(body);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
