package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.cli.TicketflowCli;
import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.inbound.ZendeskSignature;
import dev.ticketflow.plugins.zendesk.support.FakeZendesk;
import dev.ticketflow.plugins.zendesk.support.Fixtures;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The connector as PF4J loads it from its build output, in a real platform, with the example
 * tagger plugin beside it and a fake Zendesk that checks every request against Zendesk's
 * OpenAPI document: webhooks in, another plugin's help-desk calls out, and the installer through
 * the command line.
 */
class ZendeskConnectorOnThePlatformTest {

    private static final String SECRET = "configured-webhook-secret";
    private static final String AUTH = new Credentials.ApiToken("admin@acme.test", "api-token").authorizationHeader();
    private static final String PUBLIC_URL = "https://ticketflow.acme.test";

    private static Vertx vertx;
    private static FakeZendesk zendesk;
    private static TicketflowTestKit kit;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        zendesk = FakeZendesk.start(vertx, AUTH);
        JsonObject connector = new JsonObject().put("instances", new JsonObject().put("acme", new JsonObject()
                .put("baseUrl", zendesk.baseUrl())
                .put("auth", new JsonObject().put("email", "admin@acme.test").put("apiToken", "api-token"))
                .put("webhookSecret", SECRET)
                .put("requestsPerMinute", 60_000)));
        kit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
                .withPlugin(Path.of("../new-ticket-tagger/target/classes"))
                .withConfig(connector)
                .withConfig("new-ticket-tagger", new JsonObject().put("tag", "fresh"))
                .withoutFakeHelpDesk();
        kit.start();
    }

    @AfterAll
    static void stop() {
        kit.close();
        zendesk.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void forget() {
        kit.reset();
    }

    @AfterEach
    void noRequestZendeskWouldRefuse() {
        assertThat(zendesk.violations()).isEmpty();
    }

    private static HttpResponse<Buffer> webhook(String secret, String body) {
        String timestamp = Instant.now().toString();
        return kit.http().post(kit.port(), "127.0.0.1", "/hooks/zendesk-connector/acme")
                .putHeader("Content-Type", "application/json")
                .putHeader(ZendeskSignature.SIGNATURE_HEADER, ZendeskSignature.sign(secret, timestamp, Buffer.buffer(body)))
                .putHeader(ZendeskSignature.TIMESTAMP_HEADER, timestamp)
                .putHeader("X-Zendesk-Webhook-Invocation-Id", UUID.randomUUID().toString())
                .sendBuffer(Buffer.buffer(body)).await();
    }

    private static String ticketCreated(long ticketId) {
        JsonObject event = new JsonObject(Fixtures.read("ticket-created.json"));
        event.put("id", UUID.randomUUID().toString()).put("subject", "zen:ticket:" + ticketId);
        event.getJsonObject("detail").put("id", Long.toString(ticketId));
        return event.encode();
    }

    @Test
    void aSignedWebhookBecomesAnEventThatAnotherPluginActsOnThroughZendesk() {
        zendesk.addTicket(5158, "Cannot login to mobile app", 8447388090494L, "mobile", "login");

        HttpResponse<Buffer> response = webhook(SECRET, ticketCreated(5158));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        assertThat(kit.awaitEmitted("ticket.created", 1)).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("zendesk:acme");
            assertThat(event.ticketId()).isEqualTo("5158");
        });
        assertThat(kit.plugin("new-ticket-tagger").delivered()).isPositive();
        assertThat(zendesk.writes()).anySatisfy(write -> assertThat(write.path()).isEqualTo("/api/v2/tickets/5158/tags"));
        assertThat(zendesk.ticket(5158).getJsonArray("tags").getList()).contains("mobile", "login", "fresh");
    }

    @Test
    void aWebhookWithAWrongSignatureIsRefusedAndBecomesNoEvent() {
        HttpResponse<Buffer> response = webhook("not-the-secret", ticketCreated(5159));
        kit.awaitIdle();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("detail")).isNotBlank();
        assertThat(kit.emitted()).isEmpty();
    }

    @Test
    void theInstallerAnswersOnlyToTheAdminTokenAndCreatesNothingTwice() {
        HttpResponse<Buffer> anonymous = install(null);
        HttpResponse<Buffer> first = install(TicketflowTestKit.ADMIN_TOKEN);
        int writes = zendesk.writes().size();
        HttpResponse<Buffer> second = install(TicketflowTestKit.ADMIN_TOKEN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(outcomes(second.bodyAsJsonObject())).containsOnly("unchanged");
        assertThat(second.bodyAsJsonObject().getBoolean("changed")).isFalse();
        assertThat(zendesk.writes()).hasSize(writes);
        assertThat(zendesk.webhooks()).hasSize(2);
        assertThat(zendesk.triggers()).hasSize(1);
        assertThat(first.bodyAsString()).doesNotContain("secret-of-");
    }

    @Test
    void aWebhookSignedWithTheSecretTheInstallerStoredIsAccepted() {
        install(TicketflowTestKit.ADMIN_TOKEN);
        String installedWebhook = zendesk.webhooks().values().stream()
                .filter(webhook -> webhook.getString("name").equals("Ticketflow events (acme)"))
                .findFirst().orElseThrow().getString("id");
        zendesk.addTicket(5160, "Export is slow", 8447388090494L);

        HttpResponse<Buffer> response = webhook(FakeZendesk.secretOf(installedWebhook), ticketCreated(5160));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        assertThat(kit.awaitEmitted("ticket.created", 1)).singleElement()
                .satisfies(event -> assertThat(event.ticketId()).isEqualTo("5160"));
    }

    @Test
    void theCommandLineInstallsThroughTheRunningPlatform() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Map<String, String> env = Map.of("TICKETFLOW_HOME", home.toString());
        String[] args = {"zendesk", "install", "--instance", "acme", "--url", PUBLIC_URL,
                "--server", "http://127.0.0.1:" + kit.port(), "--token", TicketflowTestKit.ADMIN_TOKEN};

        Run first = cli(env, args);
        Run second = cli(env, args);
        Run unknown = cli(env, "zendesk", "install", "--instance", "elsewhere", "--url", PUBLIC_URL,
                "--server", "http://127.0.0.1:" + kit.port(), "--token", TicketflowTestKit.ADMIN_TOKEN);

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Zendesk instance 'acme' sends its events to " + PUBLIC_URL
                + "/hooks/zendesk-connector/acme").contains("Ticketflow events (acme)")
                .contains("Ticketflow: satisfaction rating (acme)");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("Nothing to change");
        assertThat(zendesk.webhooks()).hasSize(2);
        assertThat(zendesk.triggers()).hasSize(1);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("HTTP 400").contains("no Zendesk instance named 'elsewhere'");
    }

    private static HttpResponse<Buffer> install(String token) {
        HttpRequest<Buffer> request = kit.http().post(kit.port(), "127.0.0.1", "/hooks/zendesk-connector/admin/install");
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.sendJsonObject(new JsonObject().put("instance", "acme").put("url", PUBLIC_URL)).await();
    }

    private static List<String> outcomes(JsonObject result) {
        return result.getJsonArray("items", new JsonArray()).stream()
                .map(item -> ((JsonObject) item).getString("outcome")).toList();
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TicketflowCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
