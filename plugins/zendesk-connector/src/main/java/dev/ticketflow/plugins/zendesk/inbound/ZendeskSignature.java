package dev.ticketflow.plugins.zendesk.inbound;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's webhook signature: {@code base64(HMAC-SHA256(secret, timestamp + raw body))}, with
 * the secret used as its UTF-8 bytes (it looks like base64 but is not decoded) and the timestamp
 * header used verbatim. Comparison is constant-time.
 */
public final class ZendeskSignature {

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

    private ZendeskSignature() {}

    /** Computes the signature Zendesk sends for a body and timestamp. */
    public static String sign(String secret, String timestamp, Buffer body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body.getBytes());
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Checks a request.
     *
     * @param secrets the secrets any of which may have signed it
     * @param signature the signature header, may be {@code null}
     * @param timestamp the timestamp header, may be {@code null}
     * @param body the raw body
     * @param now the current time
     * @param replayWindow how far the timestamp may be from {@code now}, either way
     */
    public static SignatureCheck verify(List<String> secrets, String signature, String timestamp, Buffer body,
            Instant now, Duration replayWindow) {
        if (secrets.isEmpty()) {
            return SignatureCheck.NO_SECRET;
        }
        if (signature == null || signature.isBlank()) {
            return SignatureCheck.MISSING_SIGNATURE;
        }
        if (timestamp == null || timestamp.isBlank()) {
            return SignatureCheck.MISSING_TIMESTAMP;
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp.strip());
        } catch (DateTimeParseException e) {
            return SignatureCheck.MALFORMED_TIMESTAMP;
        }
        if (Duration.between(signedAt, now).abs().compareTo(replayWindow) > 0) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String secret : secrets) {
            byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
            // no early exit: every secret is tried, so timing says nothing about which one matched
            matches |= MessageDigest.isEqual(expected, given);
        }
        return matches ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }
}
