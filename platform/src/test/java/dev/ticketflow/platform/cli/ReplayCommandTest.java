package dev.ticketflow.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ReplayCommandTest {

    private static final String TOKEN = "the-admin-token";

    @TempDir
    Path home;

    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    // Stands in for POST /admin/replay: an unknown event id is a 404 problem, anything else is replayed
    @BeforeEach
    void startFakeAdminApi(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!request.path().equals("/admin/replay") || !("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
                return;
            }
            JsonObject asked = body.toJsonObject();
            requests.add(asked);
            if ("evt_unknown".equals(asked.getString("eventId"))) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("detail", "no event 'evt_unknown' is stored").encode());
                return;
            }
            JsonArray plugins = asked.containsKey("plugin") ? new JsonArray().add(asked.getString("plugin"))
                    : new JsonArray().add("tagger").add("notifier");
            request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("events", asked.containsKey("eventId") ? 1 : 40)
                            .put("deliveries", plugins.size()).put("plugins", plugins).encode());
        })).listen(0, "127.0.0.1").await();
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
    void replaysOneEventToOnePlugin() {
        CliRun run = CliRun.run(env(), "replay", "--event", "evt_1", "--plugin", "tagger");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests).containsExactly(new JsonObject().put("eventId", "evt_1").put("plugin", "tagger"));
        assertThat(run.out()).contains("Replayed 1 event: 1 delivery recorded for tagger");
    }

    @Test
    void replaysATimeRangeToEverySubscribedPlugin() {
        CliRun run = CliRun.run(env(), "replay", "--from", "2025-03-01T00:00:00Z", "--to", "2025-03-02T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requests).containsExactly(new JsonObject().put("from", "2025-03-01T00:00:00Z")
                .put("to", "2025-03-02T00:00:00Z"));
        assertThat(run.out()).contains("Replayed 40 events: 2 deliveries recorded for tagger, notifier");
    }

    @Test
    void anUnknownEventExitsWithTheServersReason() {
        CliRun run = CliRun.run(env(), "replay", "--event", "evt_unknown");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 404: no event 'evt_unknown' is stored");
    }

    @Test
    void aMalformedTimeOrAMissingSelectionIsRefusedBeforeAnyRequest() {
        CliRun badTime = CliRun.run(env(), "replay", "--from", "yesterday", "--to", "2025-03-02T00:00:00Z");
        CliRun nothing = CliRun.run(env(), "replay", "--plugin", "tagger");
        CliRun both = CliRun.run(env(), "replay", "--event", "evt_1", "--from", "2025-03-01T00:00:00Z",
                "--to", "2025-03-02T00:00:00Z");

        assertThat(badTime.exitCode()).isEqualTo(1);
        assertThat(badTime.err()).contains("--from must be an RFC 3339 time");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("Missing required argument");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(requests).isEmpty();
    }
}
