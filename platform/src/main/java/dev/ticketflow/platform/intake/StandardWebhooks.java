package dev.ticketflow.platform.intake;

import dev.ticketflow.platform.intake.SignatureFailure.Check;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature} holds
 * space-separated {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}
 * entries; secrets are {@code whsec_<base64 key>}. Several secrets are accepted at once so that
 * a secret can be rotated without downtime. Comparison is constant-time.
 */
public final class StandardWebhooks {

    /** The header with the message id. */
    public static final String ID_HEADER = "webhook-id";
    /** The header with the Unix timestamp in seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** The header with the signatures. */
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far a timestamp may be from now. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";

    private final List<byte[]> keys;
    private final Duration tolerance;

    private StandardWebhooks(List<byte[]> keys, Duration tolerance) {
        this.keys = keys;
        this.tolerance = tolerance;
    }

    /**
     * A verifier for a set of secrets.
     *
     * @param secrets {@code whsec_…} secrets; every one is accepted
     * @param tolerance how far a timestamp may be from now
     * @return the verifier
     * @throws IllegalArgumentException when a secret is not {@code whsec_} + base64
     */
    public static StandardWebhooks of(List<String> secrets, Duration tolerance) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            keys.add(key(secret));
        }
        return new StandardWebhooks(List.copyOf(keys), tolerance);
    }

    /** Whether at least one secret is configured. */
    public boolean hasSecrets() {
        return !keys.isEmpty();
    }

    /**
     * Signs a message, as a sender does.
     *
     * @param secret the {@code whsec_…} secret
     * @param msgId the {@code webhook-id}
     * @param timestampSeconds the {@code webhook-timestamp}
     * @param body the exact body bytes
     * @return the {@code webhook-signature} value ({@code v1,<base64>})
     */
    public static String sign(String secret, String msgId, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), msgId, timestampSeconds, body));
    }

    /**
     * Checks a request.
     *
     * @param msgId the {@code webhook-id} header, may be {@code null}
     * @param timestamp the {@code webhook-timestamp} header, may be {@code null}
     * @param signatures the {@code webhook-signature} header, may be {@code null}
     * @param body the exact body bytes
     * @param now the current time
     * @return {@code null} when valid, otherwise what is wrong, fit for a problem's detail
     */
    public String verify(String msgId, String timestamp, String signatures, byte[] body, Instant now) {
        return check(msgId, timestamp, signatures, body, now).map(SignatureFailure::detail).orElse(null);
    }

    /**
     * Checks a request and says which check failed.
     *
     * @param msgId the {@code webhook-id} header, may be {@code null}
     * @param timestamp the {@code webhook-timestamp} header, may be {@code null}
     * @param signatures the {@code webhook-signature} header, may be {@code null}
     * @param body the exact body bytes
     * @param now the current time
     * @return empty when valid, otherwise the failed check and what is wrong
     */
    public Optional<SignatureFailure> check(String msgId, String timestamp, String signatures,
            byte[] body, Instant now) {
        if (keys.isEmpty()) {
            return failure(Check.NOT_CONFIGURED,
                    "no webhook secret is configured on the server (set TICKETFLOW_WEBHOOK_SECRETS)");
        }
        if (isBlank(msgId) || isBlank(timestamp) || isBlank(signatures)) {
            return failure(Check.MISSING_HEADERS, "missing header(s): "
                    + missing(msgId, timestamp, signatures) + "; sign requests with Standard Webhooks");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return failure(Check.INVALID_TIMESTAMP,
                    "webhook-timestamp is not a Unix time in seconds: '" + timestamp + "'");
        }
        long ahead = seconds - now.getEpochSecond();
        if (ahead < -tolerance.toSeconds()) {
            return failure(Check.TIMESTAMP_TOO_OLD, "webhook-timestamp is " + -ahead
                    + " s older than the server's clock (tolerance " + tolerance.toSeconds()
                    + " s): stale or replayed request");
        }
        if (ahead > tolerance.toSeconds()) {
            return failure(Check.TIMESTAMP_TOO_NEW, "webhook-timestamp is " + ahead
                    + " s ahead of the server's clock (tolerance " + tolerance.toSeconds()
                    + " s): check the sender's clock");
        }
        for (byte[] key : keys) {
            byte[] expected = hmac(key, msgId, seconds, body);
            for (String entry : signatures.trim().split(" ")) {
                int comma = entry.indexOf(',');
                if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return Optional.empty();
                }
            }
        }
        return failure(Check.NO_MATCH,
                "webhook-signature does not match the body with any configured secret");
    }

    private static Optional<SignatureFailure> failure(Check check, String detail) {
        return Optional.of(new SignatureFailure(check, detail));
    }

    private static String missing(String msgId, String timestamp, String signatures) {
        List<String> names = new ArrayList<>();
        if (isBlank(msgId)) {
            names.add(ID_HEADER);
        }
        if (isBlank(timestamp)) {
            names.add(TIMESTAMP_HEADER);
        }
        if (isBlank(signatures)) {
            names.add(SIGNATURE_HEADER);
        }
        return String.join(", ", names);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("webhook secrets look like whsec_<base64>; got one without the whsec_ prefix");
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not whsec_ followed by base64", e);
        }
    }

    private static byte[] hmac(byte[] key, String msgId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
