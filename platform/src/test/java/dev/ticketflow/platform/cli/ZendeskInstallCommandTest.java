package dev.ticketflow.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ZendeskInstallCommandTest {

    private static final String TOKEN = "configured-admin-token";

    @TempDir
    java.nio.file.Path home;

    private HttpServer server;
    private final List<JsonObject> installs = new CopyOnWriteArrayList<>();
    private volatile boolean installed;

    // Stands in for the connector's admin route behind the platform's guard.
    @BeforeEach
    void startFakeConnector(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!request.path().equals("/hooks/zendesk-connector/admin/install")) {
                request.response().setStatusCode(404).end();
            } else if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("detail", "the bearer token is not the admin token").encode());
            } else if (body.toJsonObject().getString("instance").equals("nowhere")) {
                request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("detail", "no Zendesk instance named 'nowhere' is configured").encode());
            } else {
                installs.add(body.toJsonObject());
                String outcome = installed ? "unchanged" : "created";
                request.response().putHeader("Content-Type", "application/json").end(answer(outcome).encode());
                installed = true;
            }
        })).listen(0, "127.0.0.1").await();
    }

    private static JsonObject answer(String outcome) {
        return new JsonObject().put("instance", "acme")
                .put("endpoint", "https://tf.example.com/hooks/zendesk-connector/acme")
                .put("items", new JsonArray()
                        .add(new JsonObject().put("kind", "webhook").put("name", "Ticketflow events (acme)")
                                .put("id", "01HW1").put("outcome", outcome))
                        .add(new JsonObject().put("kind", "trigger").put("name", "Ticketflow: satisfaction rating (acme)")
                                .put("id", "77").put("outcome", outcome)))
                .put("signingSecretsStored", 2).put("changed", outcome.equals("created"));
    }

    @AfterEach
    void stop() {
        server.close().await();
    }

    private Map<String, String> env() {
        return Map.of("TICKETFLOW_HOME", home.toString(), "TICKETFLOW_HTTP_PORT", Integer.toString(server.actualPort()),
                "TICKETFLOW_ADMIN_TOKEN", TOKEN);
    }

    @Test
    void installsThroughTheConnectorsAdminRouteAndSaysWhatItDid() {
        CliRun run = CliRun.run(env(), "zendesk", "install", "--instance", "acme", "--url", "https://tf.example.com");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(installs).containsExactly(new JsonObject().put("instance", "acme").put("url", "https://tf.example.com"));
        assertThat(run.out())
                .contains("Zendesk instance 'acme' sends its events to https://tf.example.com/hooks/zendesk-connector/acme")
                .contains("webhook  Ticketflow events (acme)").contains("created").contains("id 01HW1")
                .contains("Done.").contains("Signing secrets stored by the connector: 2");
    }

    @Test
    void aSecondRunReportsThatNothingChanged() {
        CliRun.run(env(), "zendesk", "install", "--instance", "acme", "--url", "https://tf.example.com");

        CliRun second = CliRun.run(env(), "zendesk", "install", "--instance", "acme", "--url", "https://tf.example.com");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("unchanged").contains("Nothing to change");
    }

    @Test
    void aRefusalExitsNonZeroWithTheConnectorsDetail() {
        CliRun unknown = CliRun.run(env(), "zendesk", "install", "--instance", "nowhere", "--url", "https://tf.example.com");
        CliRun wrongToken = CliRun.run(env(), "zendesk", "install", "--instance", "acme", "--url", "https://tf.example.com",
                "--token", "wrong");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("HTTP 400: no Zendesk instance named 'nowhere' is configured");
        assertThat(wrongToken.exitCode()).isEqualTo(1);
        assertThat(wrongToken.err()).contains("HTTP 401").contains("not the admin token");
    }

    @Test
    void withoutTheConnectorItSaysThePluginIsMissing() {
        CliRun run = CliRun.run(env(), "zendesk", "install", "--instance", "acme", "--url", "https://tf.example.com",
                "--server", "http://127.0.0.1:" + server.actualPort() + "/elsewhere");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 404").contains("zendesk-connector plugin");
    }

    @Test
    void theInstanceAndThePublicUrlAreRequired() {
        CliRun run = CliRun.run(env(), "zendesk", "install", "--instance", "acme");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--url");
    }
}
