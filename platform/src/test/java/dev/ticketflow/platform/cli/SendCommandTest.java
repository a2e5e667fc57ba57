package dev.ticketflow.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.WebhookSecrets;
import dev.ticketflow.platform.intake.StandardWebhooks;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SendCommandTest {

    private static final String EVENT = """
            {"type":"ticket.created","source":"test","ticket":{"id":"42","subject":"Printer on fire"}}
            """;

    @TempDir
    Path home;

    private final List<MultiMap> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private String secret;
    private HttpServer server;
    private Path eventFile;

    // Stands in for the intake: verifies the signature exactly as POST /events does.
    @BeforeEach
    void startFakeIntake(Vertx vertx) throws Exception {
        secret = WebhookSecrets.generate();
        StandardWebhooks verifier = StandardWebhooks.of(List.of(secret), StandardWebhooks.DEFAULT_TOLERANCE);
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            headers.add(request.headers());
            bodies.add(body.toString());
            String problem = verifier.verify(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                    request.getHeader("webhook-signature"), body.getBytes(), Instant.now());
            if (!request.path().equals("/events")) {
                request.response().setStatusCode(404).end();
            } else if (problem != null) {
                request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 401).put("detail", problem).encode());
            } else {
                request.response().setStatusCode(202).end(new JsonObject().put("id", "evt_1").encode());
            }
        })).listen(0, "127.0.0.1").await();
        eventFile = home.resolve("ticket-created.json");
        Files.writeString(eventFile, EVENT);
    }

    @AfterEach
    void stop() {
        server.close().await();
    }

    private Map<String, String> env() {
        return Map.of("TICKETFLOW_HOME", home.toString(), "TICKETFLOW_HTTP_PORT", Integer.toString(server.actualPort()));
    }

    @Test
    void signsTheFileWithTheGeneratedSecretAndPrintsTheAnswer() throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/webhook-secret"), secret + "\n");

        CliRun run = CliRun.run(env(), "send", eventFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HTTP 202").contains("evt_1");
        assertThat(bodies).containsExactly(EVENT);
        MultiMap sent = headers.get(0);
        assertThat(sent.get("Content-Type")).isEqualTo("application/json");
        assertThat(sent.get("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(sent.get("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
    }

    @Test
    void eachSendHasAFreshWebhookIdUnlessOneIsGiven() {
        Map<String, String> env = Map.of("TICKETFLOW_HOME", home.toString(),
                "TICKETFLOW_WEBHOOK_SECRETS", secret);
        String url = "http://127.0.0.1:" + server.actualPort();

        CliRun.run(env, "send", "--url", url, eventFile.toString());
        CliRun.run(env, "send", "--url", url, eventFile.toString());
        CliRun.run(env, "send", "--url", url, "--webhook-id", "msg_fixed", eventFile.toString());

        assertThat(headers).extracting(h -> h.get("webhook-id")).doesNotHaveDuplicates().contains("msg_fixed");
    }

    @Test
    void aRefusedEventExitsNonZeroAndPrintsTheProblem() {
        CliRun run = CliRun.run(env(), "send", "--secret", WebhookSecrets.generate(), eventFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 401").contains("does not match");
    }

    @Test
    void withoutAnySecretItSaysHowToGetOne() {
        CliRun run = CliRun.run(env(), "send", eventFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("webhook-secret").contains("--secret");
        assertThat(bodies).isEmpty();
    }

    @Test
    void anUnreachableServerIsAReadableError() {
        Map<String, String> env = Map.of("TICKETFLOW_HOME", home.toString(), "TICKETFLOW_WEBHOOK_SECRETS", secret);

        CliRun run = CliRun.run(env, "send", "--url", "http://127.0.0.1:1", eventFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach Ticketflow at http://127.0.0.1:1");
    }

    @Test
    void aMissingFileIsAReadableError() {
        CliRun run = CliRun.run(env(), "send", "--secret", secret, home.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such event file");
    }
}
