package dev.ticketflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.intake.StandardWebhooks;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class WebhookSecretsTest {

    @TempDir
    Path base;

    @Test
    void aSecretIsGeneratedOwnerOnlyOnFirstStartAndReusedAfterwards(Vertx vertx) throws Exception {
        TicketflowConfig config = TicketflowConfig.defaults(base);

        List<String> first = WebhookSecrets.resolve(vertx, config).await();
        List<String> second = WebhookSecrets.resolve(vertx, config).await();

        Path file = base.resolve("data/webhook-secret");
        assertThat(first).hasSize(1).isEqualTo(second);
        assertThat(first.get(0)).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(first.get(0).substring("whsec_".length()))).hasSize(32);
        assertThat(Files.readString(file).trim()).isEqualTo(first.get(0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theGeneratedSecretSignsRequestsTheIntakeAccepts(Vertx vertx) {
        String secret = WebhookSecrets.resolve(vertx, TicketflowConfig.defaults(base)).await().get(0);
        byte[] body = "{\"type\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        String signature = StandardWebhooks.sign(secret, "msg_1", now, body);

        assertThat(StandardWebhooks.of(List.of(secret), StandardWebhooks.DEFAULT_TOLERANCE)
                .verify("msg_1", Long.toString(now), signature, body, Instant.now())).isNull();
    }

    @Test
    void configuredSecretsAreUsedAndNoFileIsWritten(Vertx vertx) {
        String configured = WebhookSecrets.generate();
        TicketflowConfig config = TicketflowConfig.defaults(base).withWebhookSecrets(List.of(configured));

        assertThat(WebhookSecrets.resolve(vertx, config).await()).containsExactly(configured);
        assertThat(base.resolve("data/webhook-secret")).doesNotExist();
    }
}
