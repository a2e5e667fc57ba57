package dev.ticketflow.platform;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.platform.admin.AdminRoutes;
import dev.ticketflow.platform.admin.AdminToken;
import dev.ticketflow.platform.admin.TimelineRoutes;
import dev.ticketflow.platform.bus.LocalCodec;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.config.WebhookSecrets;
import dev.ticketflow.platform.dispatch.DeliveryClock;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import dev.ticketflow.platform.dispatch.PluginDispatcher;
import dev.ticketflow.platform.eventlog.SqliteEventLog;
import dev.ticketflow.platform.http.OpsRoutes;
import dev.ticketflow.platform.http.PluginAdminGuard;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.intake.EventsRoutes;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.mail.SmtpMail;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import dev.ticketflow.platform.plugin.Pf4jPluginHost;
import dev.ticketflow.platform.plugin.PluginHost;
import dev.ticketflow.platform.port.HelpDeskCommand;
import dev.ticketflow.platform.port.internal.PortServices;
import dev.ticketflow.platform.retention.RetentionPruner;
import dev.ticketflow.platform.sqlite.SqliteInboundDeliveryIds;
import dev.ticketflow.platform.sqlite.SqliteTimeline;
import dev.ticketflow.platform.sqlite.SqliteTimerStore;
import dev.ticketflow.platform.sqlite.SqliteWorker;
import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timeline.TimelineRecorder;
import dev.ticketflow.platform.timer.TimerService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
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
    private final Intake intake;
    private final PluginHost plugins;
    private final HttpServer http;
    private final String adminToken;
    private final PlatformMetrics metrics;
    private final State state;

    /** The databases and what records into them, opened before anything else. */
    private record Storage(SqliteEventLog eventLog, SqliteWorker database, Timeline timeline, TimelineRecorder recorder) {}

    /** The storage and the background services beside the HTTP API. */
    private record State(Storage storage, PluginDispatcher dispatcher, TimerService timers, RetentionPruner retention,
            SmtpMail mail, Clock clock) {}

    private TicketflowServer(Vertx vertx, TicketflowConfig config, Intake intake, PluginHost plugins, HttpServer http,
            String adminToken, PlatformMetrics metrics, State state) {
        this.vertx = vertx;
        this.config = config;
        this.intake = intake;
        this.plugins = plugins;
        this.http = http;
        this.adminToken = adminToken;
        this.metrics = metrics;
        this.state = state;
    }

    /**
     * Starts Ticketflow on a Vert.x instance, on the system clock (UTC).
     *
     * @param vertx the Vert.x instance (Ticketflow registers its codecs on its event bus)
     * @param configured the configuration; a missing admin token or webhook secret is generated
     *     in the data folder
     * @return the running server, once it listens and the initial plugins were started
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured) {
        return start(vertx, configured, Clock.systemUTC(), DeliveryClock.system(vertx));
    }

    /**
     * Starts Ticketflow with a given clock, which stamps events and timeline entries, decides when
     * timers are due and how old entries are for retention. Tests pass a clock they move forward.
     *
     * @param vertx the Vert.x instance (Ticketflow registers its codecs on its event bus)
     * @param configured the configuration
     * @param clock the clock
     * @return the running server, once it listens and the initial plugins were started
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured, Clock clock) {
        return start(vertx, configured, clock, DeliveryClock.system(vertx));
    }

    /**
     * Starts Ticketflow with a given time for delivery retries and the circuit breaker's
     * cool-down (tests move it by hand).
     *
     * @param vertx the Vert.x instance
     * @param configured the configuration
     * @param deliveryClock the time retries and the circuit breaker's cool-down run on
     * @return the running server
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured,
            DeliveryClock deliveryClock) {
        return start(vertx, configured, Clock.systemUTC(), deliveryClock);
    }

    /**
     * Starts Ticketflow with both clocks given.
     *
     * @param vertx the Vert.x instance
     * @param configured the configuration
     * @param clock stamps events and timeline entries, decides when timers are due and retention
     * @param deliveryClock the time delivery retries and the circuit breaker run on
     * @return the running server
     */
    public static Future<TicketflowServer> start(Vertx vertx, TicketflowConfig configured, Clock clock,
            DeliveryClock deliveryClock) {
        registerCodecs(vertx);
        // secrets the operator did not configure are generated once in the data folder
        return WebhookSecrets.resolve(vertx, configured)
                .map(configured::withWebhookSecrets)
                .compose(config -> AdminToken.resolve(vertx, config)
                        .compose(token -> open(vertx, config, token, clock, deliveryClock)));
    }

    private static Future<TicketflowServer> open(Vertx vertx, TicketflowConfig config, String token, Clock clock,
            DeliveryClock deliveryClock) {
        return SqliteEventLog.open(vertx, config.dataDir(), clock).compose(eventLog -> SqliteWorker
                .open(vertx, eventLog.file())
                .compose(database -> SqliteTimeline.open(vertx, config.dataDir(), eventLog.file())
                        .compose(timeline -> TimelineRecorder.start(vertx, timeline, clock)
                                .map(recorder -> new Storage(eventLog, database, timeline, recorder))))
                .compose(storage -> wire(vertx, config, token, storage, clock, deliveryClock)));
    }

    private static Future<TicketflowServer> wire(Vertx vertx, TicketflowConfig config, String token, Storage storage,
            Clock clock, DeliveryClock deliveryClock) {
        PlatformMetrics metrics = new PlatformMetrics();
        AtomicBoolean ready = new AtomicBoolean();
        PluginDispatcher dispatcher = new PluginDispatcher(vertx, config, storage.eventLog().deliveries(),
                deliveryClock, metrics);
        storage.eventLog().onAccepted(storage.recorder()::recordAccepted);
        Intake intake = new Intake(storage.eventLog(), dispatcher, vertx.eventBus(), clock);
        TimerService timers = new TimerService(vertx, new SqliteTimerStore(storage.database()), dispatcher::deliverTo,
                storage.timeline(), clock);
        RetentionPruner retention = new RetentionPruner(vertx, config.retention(), storage.timeline(),
                new SqliteInboundDeliveryIds(storage.database()), clock);
        SmtpMail mail = config.mail() == null ? null : SmtpMail.create(vertx, config.mail());
        State state = new State(storage, dispatcher, timers, retention, mail, clock);
        PortServices ports = new PortServices(storage.timeline(), timers, mail, config.dryRun(), clock);
        Router router = Router.router(vertx);
        EventsRoutes.mount(router, vertx, config, intake, metrics);
        OpsRoutes.mount(router, metrics, ready::get);
        // before the host mounts any plugin's routes, so the guard runs first
        PluginAdminGuard.mount(router, token);
        Pf4jPluginHost host = new Pf4jPluginHost(vertx, config, dispatcher, intake, router, metrics, ports);
        AdminRoutes.mount(router, token, host, dispatcher.store());
        TimelineRoutes.mount(router, storage.timeline());
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problem::handleFailure);
        if (config.dryRun().everything()) {
            LOG.info("Dry run: every plugin's help-desk writes and mails are recorded in the ticket timeline, not sent");
        }
        // plugins start before the port opens: an event accepted at boot is recorded for every
        // plugin subscribed to it, none is still starting
        return host.start()
                // timers that fell due while the platform was down fire now
                .compose(started -> timers.fireDue())
                .compose(fired -> vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(config.httpPort(), config.httpHost()))
                .map(server -> {
                    retention.start();
                    return new TicketflowServer(vertx, config, intake, host, server, token, metrics, state);
                })
                .onSuccess(server -> {
                    ready.set(true);
                    LOG.info("Ticketflow listening on {}:{}, plugins from {}, data in {}",
                            config.httpHost(), server.port(), config.pluginsDir(), config.dataDir());
                });
    }

    private Future<Void> closeMail() {
        if (state.mail() == null) {
            return Future.succeededFuture();
        }
        // QUIT to an SMTP server that does not answer must not hold up the shutdown
        return state.mail().close()
                .timeout(5, TimeUnit.SECONDS)
                .recover(failure -> {
                    LOG.warn("The SMTP connections did not close cleanly: {}", failure.toString());
                    return Future.succeededFuture();
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

    public String adminToken() {
        return adminToken;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Every ticket's timeline. */
    public Timeline timeline() {
        return state.storage().timeline();
    }

    /** The durable timers; {@link TimerService#fireDue()} checks the clock at once. */
    public TimerService timers() {
        return state.timers();
    }

    /** Retention; {@link RetentionPruner#pruneNow()} prunes at once. */
    public RetentionPruner retention() {
        return state.retention();
    }

    /** The clock the platform runs on. */
    /** The dispatcher: delivery state, replay. */
    public PluginDispatcher dispatcher() {
        return state.dispatcher();
    }

    public Clock clock() {
        return state.clock();
    }

    /**
     * Stops accepting requests, stops the plugins after their in-flight deliveries, stops timers
     * and retention, writes the last timeline entries, closes the databases.
     *
     * @return completes when everything is closed
     */
    public Future<Void> close() {
        return http.close()
                .compose(v -> plugins.close())
                .compose(v -> state.timers().close())
                .compose(v -> state.retention().close())
                .compose(v -> state.storage().recorder().close())
                .compose(v -> state.storage().timeline().close())
                .compose(v -> closeMail())
                .compose(v -> state.storage().database().close())
                .compose(v -> state.storage().eventLog().close());
    }
}
