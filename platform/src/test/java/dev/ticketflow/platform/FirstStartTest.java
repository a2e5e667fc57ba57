package dev.ticketflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.ConfigLoader;
import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A fresh installation with no configuration file: secrets are generated and the API is guarded. */
@ExtendWith(VertxExtension.class)
class FirstStartTest {

    @TempDir
    Path home;

    private TicketflowServer server;
    private WebClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close().await();
        }
    }

    @Test
    void aFreshInstallationGeneratesItsSecretsAndGuardsTheAdminApiWithThem(Vertx vertx) throws Exception {
        TicketflowConfig config = ConfigLoader.load(home, home.resolve("conf/ticketflow.yaml"),
                Map.of("TICKETFLOW_HTTP_PORT", "0", "TICKETFLOW_HTTP_HOST", "127.0.0.1"));

        server = TicketflowServer.start(vertx, config).await();
        client = WebClient.create(vertx);

        String token = Files.readString(home.resolve("data/admin-token")).trim();
        String secret = Files.readString(home.resolve("data/webhook-secret")).trim();
        assertThat(server.adminToken()).isEqualTo(token);
        assertThat(server.config().webhookSecrets()).containsExactly(secret);
        assertThat(client.get(server.port(), "127.0.0.1", "/ready").send().await().statusCode()).isEqualTo(200);
        assertThat(client.get(server.port(), "127.0.0.1", "/admin/plugins").send().await().statusCode())
                .isEqualTo(401);
        assertThat(client.get(server.port(), "127.0.0.1", "/admin/plugins").bearerTokenAuthentication(token)
                .send().await().statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondStartReusesTheGeneratedSecrets(Vertx vertx) {
        TicketflowConfig config = TicketflowConfig.defaults(home).withHttpPort(0).withHttpHost("127.0.0.1");
        server = TicketflowServer.start(vertx, config).await();
        String token = server.adminToken();
        String secret = server.config().webhookSecrets().get(0);
        server.close().await();

        server = TicketflowServer.start(vertx, config).await();

        assertThat(server.adminToken()).isEqualTo(token);
        assertThat(server.config().webhookSecrets()).containsExactly(secret);
    }
}
