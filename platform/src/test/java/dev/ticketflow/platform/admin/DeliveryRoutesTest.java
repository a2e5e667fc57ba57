package dev.ticketflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.eventlog.SqliteEventLog;
import dev.ticketflow.platform.http.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The admin API of deliveries, dead letters and replays, over HTTP against a real store. */
@ExtendWith(VertxExtension.class)
class DeliveryRoutesTest {

    private static final String TOKEN = "the-admin-token";

    @TempDir
    Path dataDir;

    private final FakePluginHost host = new FakePluginHost()
            .with(FakePluginHost.plugin("tagger", "STARTED", null))
            .with(FakePluginHost.plugin("notifier", "STARTED", null))
            .with(FakePluginHost.plugin("broken", "FAILED", "cannot start"));
    private final List<DueDelivery> recorded = new CopyOnWriteArrayList<>();
    private SqliteEventLog log;
    private DeliveryStore store;
    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void start(Vertx vertx) {
        log = SqliteEventLog.open(vertx, dataDir).await();
        store = log.deliveries();
        store.listen(new DeliveryListener() {
            @Override
            public void recorded(List<DueDelivery> deliveries) {
                recorded.addAll(deliveries);
            }

            @Override
            public void available(String pluginId) {}
        });
        Router router = Router.router(vertx);
        AdminRoutes.mount(router, TOKEN, host, store);
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problem::handleFailure);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close().await();
        log.close().await();
    }

    @Test
    void deliveriesAreOnlyListedWithTheToken() {
        HttpResponse<Buffer> response = request(HttpMethod.GET, "/admin/deliveries").send().await();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void deliveriesAreListedNewestFirstFilteredByStatePluginAndTicketOnePageAtATime() {
        append("evt_1", "t1", "tagger", "notifier");
        append("evt_2", "t1", "tagger");
        append("evt_3", "t2", "tagger");
        store.recordAttempt(recorded.get(0).id(), DeliveryState.RETRYING, 1, Instant.parse("2030-01-01T00:00:00Z"),
                "help desk unreachable").await();

        JsonObject page = get("/admin/deliveries?plugin=tagger&limit=2");
        assertThat(ids(page)).containsExactly("evt_3", "evt_2");
        JsonObject next = get("/admin/deliveries?plugin=tagger&limit=2&before=" + page.getLong("next"));
        assertThat(ids(next)).containsExactly("evt_1");
        assertThat(next.getValue("next")).isNull();
        JsonObject retrying = get("/admin/deliveries?state=retrying").getJsonArray("deliveries").getJsonObject(0);
        assertThat(retrying.getString("pluginId")).isEqualTo("tagger");
        assertThat(retrying.getString("state")).isEqualTo("retrying");
        assertThat(retrying.getInteger("attempts")).isEqualTo(1);
        assertThat(retrying.getString("nextAttemptAt")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(retrying.getString("lastError")).isEqualTo("help desk unreachable");
        assertThat(ids(get("/admin/deliveries?ticket=t1&plugin=notifier"))).containsExactly("evt_1");
        assertThat(ids(get("/admin/deliveries?event=evt_1"))).containsExactly("evt_1", "evt_1");
        assertThat(get("/admin/deliveries/" + recorded.get(0).id()).getString("eventId")).isEqualTo("evt_1");
    }

    @Test
    void badFiltersAndUnknownDeliveriesAreProblems() {
        assertProblem(authorized(HttpMethod.GET, "/admin/deliveries?state=lost"), 400, "invalid-request",
                "pending, retrying, succeeded or dead");
        assertProblem(authorized(HttpMethod.GET, "/admin/deliveries?limit=5000"), 400, "invalid-request", "limit");
        assertProblem(authorized(HttpMethod.GET, "/admin/deliveries?before=yesterday"), 400, "invalid-request",
                "before");
        assertProblem(authorized(HttpMethod.GET, "/admin/deliveries/42"), 404, "unknown-delivery", "42");
        assertProblem(authorized(HttpMethod.POST, "/admin/dead-letters/42/retry"), 404, "unknown-delivery", "42");
    }

    @Test
    void deadLettersAreListedAndRetriedOneByOneOrAllOfAPlugin() {
        append("evt_1", "t1", "tagger");
        append("evt_2", "t2", "tagger");
        append("evt_3", "t3", "notifier");
        for (DueDelivery delivery : recorded) {
            store.recordAttempt(delivery.id(), DeliveryState.DEAD, 8, null, "gave up").await();
        }
        assertThat(ids(get("/admin/dead-letters?plugin=tagger"))).containsExactly("evt_2", "evt_1");

        HttpResponse<Buffer> one = authorized(HttpMethod.POST, "/admin/dead-letters/" + recorded.get(2).id() + "/retry");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.bodyAsJsonObject().getString("state")).isEqualTo("pending");
        assertThat(one.bodyAsJsonObject().getInteger("previousAttempts")).isEqualTo(8);
        assertProblem(authorized(HttpMethod.POST, "/admin/dead-letters/" + recorded.get(2).id() + "/retry"), 409,
                "not-a-dead-letter", "retried already");

        HttpResponse<Buffer> all = authorized(HttpMethod.POST, "/admin/plugins/tagger/dead-letters/retry");
        assertThat(all.bodyAsJsonObject()).isEqualTo(new JsonObject().put("pluginId", "tagger").put("retried", 2));
        assertThat(get("/admin/dead-letters").getJsonArray("deliveries")).isEmpty();
        assertThat(ids(get("/admin/deliveries?state=pending"))).containsExactly("evt_2", "evt_1", "evt_3");
    }

    @Test
    void anEventIsReplayedToOnePluginOrToEveryStartedPluginSubscribedToIt() {
        append("evt_1", "t1", "tagger");

        HttpResponse<Buffer> toOne = authorized(HttpMethod.POST, "/admin/replay",
                new JsonObject().put("eventId", "evt_1").put("plugin", "broken"));
        assertThat(toOne.statusCode()).isEqualTo(202);
        assertThat(toOne.bodyAsJsonObject()).isEqualTo(new JsonObject().put("events", 1).put("deliveries", 1)
                .put("plugins", new JsonArray().add("broken")));
        HttpResponse<Buffer> toAll = authorized(HttpMethod.POST, "/admin/replay", new JsonObject().put("eventId", "evt_1"));
        assertThat(toAll.bodyAsJsonObject().getInteger("deliveries")).isEqualTo(2);

        JsonArray replays = get("/admin/deliveries?event=evt_1").getJsonArray("deliveries");
        assertThat(replays.stream().map(JsonObject.class::cast).filter(d -> d.getBoolean("replay"))
                .map(d -> d.getString("pluginId")).toList()).containsExactlyInAnyOrder("broken", "tagger", "notifier");
    }

    @Test
    void aReplayOfATimeRangeCountsTheEventsItFound() {
        Instant before = Instant.now().minusSeconds(1);
        append("evt_1", "t1");
        append("evt_2", "t2");

        HttpResponse<Buffer> response = authorized(HttpMethod.POST, "/admin/replay", new JsonObject()
                .put("from", before.toString()).put("to", Instant.now().plusSeconds(1).toString()).put("plugin", "tagger"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getInteger("events")).isEqualTo(2);
        assertThat(response.bodyAsJsonObject().getInteger("deliveries")).isEqualTo(2);
    }

    @Test
    void aReplayThatNamesNothingOrSomethingUnknownIsAProblem() {
        assertProblem(authorized(HttpMethod.POST, "/admin/replay", new JsonObject()), 400, "invalid-request",
                "eventId");
        assertProblem(authorized(HttpMethod.POST, "/admin/replay", new JsonObject().put("from", "yesterday")
                .put("to", "2030-01-01T00:00:00Z")), 400, "invalid-request", "RFC 3339");
        assertProblem(authorized(HttpMethod.POST, "/admin/replay", new JsonObject().put("eventId", "evt_nope")), 404,
                "unknown-event", "evt_nope");
        assertProblem(authorized(HttpMethod.POST, "/admin/replay", new JsonObject().put("eventId", "evt_1")
                .put("plugin", "ghost")), 404, "unknown-plugin", "ghost");
        assertProblem(request(HttpMethod.POST, "/admin/replay").bearerTokenAuthentication(TOKEN)
                .sendBuffer(Buffer.buffer("[1, 2")).await(), 400, "invalid-request", "JSON object");
    }

    private void append(String eventId, String ticketId, String... plugins) {
        TicketEvent event = TicketEvent.of("ticket.created", "test", Ticket.withId(ticketId))
                .withIdAndTime(eventId, Instant.now());
        log.append(event, null, List.of(plugins)).await();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("deliveries").stream().map(JsonObject.class::cast).map(d -> d.getString("eventId"))
                .toList();
    }

    private JsonObject get(String path) {
        HttpResponse<Buffer> response = authorized(HttpMethod.GET, path);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        return response.bodyAsJsonObject();
    }

    private static void assertProblem(HttpResponse<Buffer> response, int status, String slug, String detail) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.bodyAsJsonObject().getString("type")).endsWith("/" + slug);
        assertThat(response.bodyAsJsonObject().getString("detail")).contains(detail);
    }

    private HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, server.actualPort(), "127.0.0.1", path);
    }

    private HttpResponse<Buffer> authorized(HttpMethod method, String path) {
        return request(method, path).bearerTokenAuthentication(TOKEN).send().await();
    }

    private HttpResponse<Buffer> authorized(HttpMethod method, String path, JsonObject body) {
        return request(method, path).bearerTokenAuthentication(TOKEN).sendJsonObject(body).await();
    }
}
