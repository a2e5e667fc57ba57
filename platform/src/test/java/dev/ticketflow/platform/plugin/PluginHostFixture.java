package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.port.HelpDeskCommand;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.file.Path;
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
    final Queue<HelpDeskCommand> helpDeskCalls = new ConcurrentLinkedQueue<>();

    private PluginHostFixture(Vertx vertx, Path pluginsDir, TicketflowServer server) {
        this.vertx = vertx;
        this.pluginsDir = pluginsDir;
        this.server = server;
    }

    /** Starts the platform; jars already in {@code base/plugins} are loaded at start. */
    static PluginHostFixture start(Path base, UnaryOperator<TicketflowConfig> tweak) {
        Probe.reset();
        TicketflowConfig config = tweak.apply(TicketflowConfig.defaults(base)
                .withHttpPort(0)
                .withPluginScanInterval(Duration.ofMillis(200)));
        Vertx vertx = Vertx.vertx();
        TicketflowServer server = TicketflowServer.start(vertx, config).await();
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

    @Override
    public void close() {
        try {
            server.close().await();
        } finally {
            vertx.close().await();
        }
    }
}
