package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.zendesk.inbound.SignatureCheck;
import dev.ticketflow.plugins.zendesk.inbound.ZendeskSignature;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZendeskSignatureTest {

    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String TIMESTAMP = "2024-04-17T17:18:10Z";
    private static final Buffer BODY = Buffer.buffer(
            "{\"type\":\"zen:event-type:ticket.created\",\"id\":\"cbe4028c-7239-495d-b020-f22348516046\"}");
    private static final Instant SIGNED_AT = Instant.parse(TIMESTAMP);

    @Test
    void signsLikeZendeskWithTheSecretUsedAsTextNotDecoded() {
        assertThat(ZendeskSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo("ujc6RXkEQqQW4B0xm2xQZyN5hQYXQykaLz6D+YIi118=");
    }

    @Test
    void acceptsTheDocumentedSignatureWithinTheWindow() {
        assertThat(ZendeskSignature.verify(List.of(SECRET), "ujc6RXkEQqQW4B0xm2xQZyN5hQYXQykaLz6D+YIi118=", TIMESTAMP, BODY,
                SIGNED_AT.plusSeconds(60), Duration.ofMinutes(5))).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void namesEachCheckThatFails() {
        String good = ZendeskSignature.sign(SECRET, TIMESTAMP, BODY);
        Duration window = Duration.ofMinutes(5);
        assertThat(ZendeskSignature.verify(List.of(), good, TIMESTAMP, BODY, SIGNED_AT, window)).isEqualTo(SignatureCheck.NO_SECRET);
        assertThat(ZendeskSignature.verify(List.of(SECRET), null, TIMESTAMP, BODY, SIGNED_AT, window)).isEqualTo(SignatureCheck.MISSING_SIGNATURE);
        assertThat(ZendeskSignature.verify(List.of(SECRET), good, null, BODY, SIGNED_AT, window)).isEqualTo(SignatureCheck.MISSING_TIMESTAMP);
        assertThat(ZendeskSignature.verify(List.of(SECRET), good, "yesterday", BODY, SIGNED_AT, window)).isEqualTo(SignatureCheck.MALFORMED_TIMESTAMP);
        assertThat(ZendeskSignature.verify(List.of(SECRET), good, TIMESTAMP, BODY, SIGNED_AT.plusSeconds(301), window)).isEqualTo(SignatureCheck.STALE_TIMESTAMP);
        assertThat(ZendeskSignature.verify(List.of(SECRET), good, TIMESTAMP, BODY, SIGNED_AT.minusSeconds(301), window)).isEqualTo(SignatureCheck.STALE_TIMESTAMP);
        assertThat(ZendeskSignature.verify(List.of(SECRET), good, TIMESTAMP, Buffer.buffer(BODY.toString() + " "), SIGNED_AT, window))
                .isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void acceptsAnyOfSeveralSecretsWhileOneIsRotated() {
        String signedWithNew = ZendeskSignature.sign("new-secret", TIMESTAMP, BODY);
        assertThat(ZendeskSignature.verify(List.of(SECRET, "new-secret"), signedWithNew, TIMESTAMP, BODY, SIGNED_AT, Duration.ofMinutes(5)))
                .isEqualTo(SignatureCheck.VALID);
    }
}
