package dev.ticketflow.platform;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.platform.admin.AdminRoutes;
import dev.ticketflow.platform.admin.AdminToken;
import dev.ticketflow.platform.bus.LocalCodec;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.config.WebhookSecrets;
import dev.ticketflow.platform.dispatch.DeliveryClock;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import dev.ticketflow.platform.dispatch.PluginDispatcher;
import dev.ticketflow.platform.eventlog.EventLog;
import dev.ticketflow.platform.eventlog.SqliteEventLog;
import dev.ticketflow.platform.http.OpsRoutes;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.intake.EventsRoutes;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import dev.ticketflow.platform.plugin.Pf4jPluginHost;
import dev.ticketflow.platform.plugin.PluginHost;
import dev.ticketflow.platform.port.HelpDeskCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Ticketflow: event log, dispatcher, plugin host and HTTP API, wired together.
 * {@code main} and the test kit start it the same way.
 */
public final class TicketflowServer {

    private static final Logger LOG = LoggerFactory.getLogger(TicketflowServer.class);

    private final Vertx vertx;
    private final TicketflowConfig config;
    private final EventLog eventLog;
    private final Intake intake;
    private final PluginHost plugins;
    private final PluginDispatcher dispatcher;
    private final HttpServer http;
    private final String adminToken;
    private final PlatformMetrics metrics;

    private TicketflowServer(Vertx vertx, TicketflowConfig config, EventLog eventLog, Intake intake,
            PluginHost plugins, PluginDispatcher dispatcher, HttpServer http, String adminToken,
            PlatformMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.eventLog = eventLog;
        this.intake = intake;
        this.plugins = plugins;
        this.dispatcher = dispatcher;
        this.http = http;
        this.adminToken = adminToken;
        this.metrics = metrics;
    }

    /**
     * Starts Ticketflow on a Vert.x instance.
     *
     * @param vertx the Vert.x instance (Ticketflow registers its codecs on its event bus)
     * @param configured the configuration; a missing admin token or webhook secret is generated
     *     in the data folder
     * @return the running server, once it listens and the initial plugins were started
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured) {
        return start(vertx, configured, DeliveryClock.system(vertx));
    }

    /**
     * Starts Ticketflow with a given time for delivery retries (tests move it by hand).
     *
     * @param vertx the Vert.x instance
     * @param configured the configuration
     * @param deliveryClock the time retries and the circuit breaker's cool-down run on
     * @return the running server
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured,
            DeliveryClock deliveryClock) {
        registerCodecs(vertx);
        // secrets the operator did not configure are generated once in the data folder
        return WebhookSecrets.resolve(vertx, configured)
                .map(configured::withWebhookSecrets)
                .compose(config -> AdminToken.resolve(vertx, config)
                        .compose(token -> start(vertx, config, token, deliveryClock)));
    }

    private static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig config, String token,
            DeliveryClock deliveryClock) {
        PlatformMetrics metrics = new PlatformMetrics();
        AtomicBoolean ready = new AtomicBoolean();
        return SqliteEventLog.open(vertx, config.dataDir()).compose(eventLog -> {
                    PluginDispatcher dispatcher = new PluginDispatcher(vertx, config, eventLog.deliveries(),
                            deliveryClock, metrics);
                    Intake intake = new Intake(eventLog, dispatcher, vertx.eventBus(), Clock.systemUTC());
                    Router router = Router.router(vertx);
                    EventsRoutes.mount(router, vertx, config, intake, metrics);
                    OpsRoutes.mount(router, metrics, ready::get);
                    Pf4jPluginHost host = new Pf4jPluginHost(vertx, config, dispatcher, intake, router, metrics);
                    AdminRoutes.mount(router, token, host, dispatcher.store());
                    router.route().last().handler(ctx -> ctx.fail(404));
                    router.route().failureHandler(Problem::handleFailure);
                    return vertx.createHttpServer()
                            .requestHandler(router)
                            .listen(config.httpPort(), config.httpHost())
                            .compose(server -> host.start()
                                    .map(v -> new TicketflowServer(vertx, config, eventLog, intake,
                                            host, dispatcher, server, token, metrics)))
                            .onSuccess(server -> {
                                ready.set(true);
                                LOG.info("Ticketflow listening on {}:{}, plugins from {}, data in {}",
                                        config.httpHost(), server.port(), config.pluginsDir(),
                                        config.dataDir());
                            });
                });
    }

    private static void registerCodecs(Vertx vertx) {
        registerCodec(vertx, TicketEvent.class);
        registerCodec(vertx, HelpDeskCommand.class);
        registerCodec(vertx, TicketSnapshot.class);
        registerCodec(vertx, DeliveryOutcome.class);
    }

    private static <T> void registerCodec(Vertx vertx, Class<T> type) {
        try {
            vertx.eventBus().registerDefaultCodec(type, new LocalCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // a second server on the same Vert.x (tests) shares the codec
        }
    }

    /** The port the HTTP API listens on (useful with port 0). */
    public int port() {
        return http.actualPort();
    }

    public TicketflowConfig config() {
        return config;
    }

    public Intake intake() {
        return intake;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** Delivers events to the plugins; its store lists deliveries and dead letters. */
    public PluginDispatcher dispatcher() {
        return dispatcher;
    }

    public String adminToken() {
        return adminToken;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Stops accepting requests, stops the plugins after their in-flight deliveries, closes the
     * event log.
     *
     * @return completes when everything is closed
     */
    public Future<Void> close() {
        return http.close()
                .compose(v -> plugins.close())
                .compose(v -> eventLog.close());
    }
}
