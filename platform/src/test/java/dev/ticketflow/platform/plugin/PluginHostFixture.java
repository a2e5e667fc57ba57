package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.port.HelpDeskCommand;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * A real Ticketflow (Vert.x, HTTP on port 0, PF4J) on a temporary folder, with helpers to wait for
 * plugin states and feed events. Scans the plugins folder every 200 ms.
 */
final class PluginHostFixture implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    final Vertx vertx;
    final Path pluginsDir;
    final TicketflowServer server;
    private MessageConsumer<HelpDeskCommand> helpDeskCapture;
    private WebClient http;
    final Queue<HelpDeskCommand> helpDeskCalls = new ConcurrentLinkedQueue<>();

    private PluginHostFixture(Vertx vertx, Path pluginsDir, TicketflowServer server) {
        this.vertx = vertx;
        this.pluginsDir = pluginsDir;
        this.server = server;
    }

    /** Starts the platform; jars already in {@code base/plugins} are loaded at start. */
    static PluginHostFixture start(Path base, UnaryOperator<TicketflowConfig> tweak) {
        return start(base, tweak, Clock.systemUTC());
    }

    /** Starts the platform on a clock of the test's. */
    static PluginHostFixture start(Path base, UnaryOperator<TicketflowConfig> tweak, Clock clock) {
        Probe.reset();
        TicketflowConfig config = tweak.apply(TicketflowConfig.defaults(base)
                .withHttpPort(0)
                .withHttpHost("127.0.0.1")
                .withPluginScanInterval(Duration.ofMillis(200)));
        Vertx vertx = Vertx.vertx();
        TicketflowServer server = TicketflowServer.start(vertx, config, clock).await();
        return new PluginHostFixture(vertx, config.pluginsDir(), server);
    }

    static PluginHostFixture start(Path base) {
        return start(base, config -> config);
    }

    static Path pluginsDir(Path base) {
        return TicketflowConfig.defaults(base).pluginsDir();
    }

    /** Answers every help-desk call with success and keeps it, as a connector would. */
    void captureHelpDesk() {
        helpDeskCapture = vertx.eventBus().consumer(Addresses.HELP_DESK, message -> {
            helpDeskCalls.add(message.body());
            message.reply(null);
        });
        helpDeskCapture.completion().await();
    }

    Optional<PluginInfo> plugin(String id) {
        return server.plugins().plugins().stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /** Waits until the plugin is in the state, and returns it. */
    PluginInfo awaitState(String id, String state, Duration within) {
        Eventually.within(within, () -> assertThat(plugin(id)).get()
                .describedAs("plugins: %s", server.plugins().plugins())
                .extracting(PluginInfo::state).isEqualTo(state));
        return plugin(id).orElseThrow();
    }

    PluginInfo awaitState(String id, String state) {
        return awaitState(id, state, PATIENCE);
    }

    void awaitGone(String id) {
        Eventually.within(PATIENCE, () -> assertThat(plugin(id)).isEmpty());
    }

    /** Accepts an event as the intake does and returns its id. */
    String accept(String type, String ticketId) {
        return accept(type, ticketId, Map.of());
    }

    String accept(String type, String ticketId, Map<String, Object> data) {
        TicketEvent event = new TicketEvent(null, type, null, "test:desk", Ticket.withId(ticketId), null, null, null, data);
        return server.intake().accept(event, null).await().eventId();
    }

    List<String> records(String channel) {
        return Probe.records(channel);
    }

    /**
     * {@code GET /admin/tickets/{id}/timeline} with the admin token.
     *
     * @param query e.g. {@code "?limit=2"}, or empty
     * @return the answer
     */
    HttpResponse<Buffer> getTimeline(String ticketId, String query) {
        return getAdmin("/admin/tickets/" + ticketId + "/timeline" + query, server.adminToken());
    }

    /** A GET of the admin API with a bearer token, or without one when {@code token} is null. */
    HttpResponse<Buffer> getAdmin(String pathAndQuery, String token) {
        if (http == null) {
            http = WebClient.create(vertx);
        }
        HttpRequest<Buffer> request = http.get(server.port(), "127.0.0.1", pathAndQuery);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await();
    }

    /** Every entry of a ticket's timeline (all sources), oldest first. */
    List<JsonObject> timeline(String ticketId) {
        return server.timeline().read(null, ticketId, 0, 1000).await().entries().stream()
                .map(TimelineEntry::toJson).toList();
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        try {
            server.close().await();
        } finally {
            vertx.close().await();
        }
    }
}
