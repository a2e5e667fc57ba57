package dev.ticketflow.plugins.gitlab.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures, as GitLab 19+ sends them with a signing token:
 * {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256>} entries over
 * {@code id.timestamp.body}; secrets are {@code whsec_<base64 key>}. Plugins cannot use the
 * platform's verifier, so this is the same ~50 lines of JDK crypto. Thread-safe.
 */
public final class StandardWebhookSignature {

    /** How far the timestamp may be from now (the reference libraries' value). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<byte[]> keys;

    /**
     * Creates the verifier.
     *
     * @param secrets {@code whsec_…} secrets, each accepted (rotation)
     * @throws IllegalArgumentException when a secret is not {@code whsec_} + base64
     */
    public StandardWebhookSignature(List<String> secrets) {
        List<byte[]> decoded = new ArrayList<>();
        for (String secret : secrets) {
            decoded.add(key(secret));
        }
        this.keys = List.copyOf(decoded);
    }

    /** Whether a secret is configured. */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /**
     * Checks a request.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header
     * @param signatures the {@code webhook-signature} header
     * @param body the exact body bytes
     * @param now the current time
     * @return {@code null} when valid, otherwise what is wrong
     */
    public String verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return "webhook-id, webhook-timestamp and webhook-signature are all required";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not Unix seconds";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp is outside the 5 minute tolerance: stale or replayed request";
        }
        for (byte[] key : keys) {
            byte[] expected = hmac(key, id, seconds, body);
            for (String entry : signatures.trim().split(" +")) {
                if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, decode(entry.substring(3)))) {
                    return null;
                }
            }
        }
        return "webhook-signature does not match any configured signing secret";
    }

    /**
     * Signs, as GitLab does (for tests and tools).
     *
     * @param secret the {@code whsec_…} secret
     * @param id the message id
     * @param timestampSeconds the timestamp
     * @param body the body
     * @return the {@code v1,<base64>} signature
     */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id, timestampSeconds, body));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("webhook.signingSecrets: each secret looks like whsec_<base64>");
        }
        try {
            return Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook.signingSecrets: a secret is not whsec_ followed by base64", e);
        }
    }

    private static byte[] hmac(byte[] key, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
