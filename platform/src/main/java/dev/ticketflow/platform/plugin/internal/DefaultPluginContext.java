package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.PermissionDeniedException;
import dev.ticketflow.api.Permissions;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.platform.port.HelpDeskCommand;
import dev.ticketflow.platform.port.internal.DurableScheduler;
import dev.ticketflow.platform.port.internal.HelpDeskClient;
import dev.ticketflow.platform.port.internal.HelpDeskProviderBinding;
import dev.ticketflow.platform.port.internal.MailPort;
import dev.ticketflow.platform.port.internal.PluginPermissions;
import dev.ticketflow.platform.port.internal.PortRecorder;
import dev.ticketflow.platform.store.SqliteKeyValueStore;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One started plugin's {@link PluginContext}: its handlers, its routes, its ports. Lives from the
 * plugin's start to its stop; {@link #close()} takes back everything it handed out.
 */
public final class DefaultPluginContext implements PluginContext {

    private final HostServices services;
    private final String pluginId;
    private final JsonObject config;
    private final List<String> subscriptions;
    private final PluginPermissions permissions;
    private final PluginLog log;
    private final List<Registration> handlers = new CopyOnWriteArrayList<>();
    private final SqliteKeyValueStore store;
    private final PortRecorder recorder;
    private final boolean dryRun;
    private final DurableScheduler scheduler;
    private final MailPort mail;
    private Router router;
    private Route mount;
    private MessageConsumer<HelpDeskCommand> helpDeskConsumer;
    private boolean closed;

    public DefaultPluginContext(HostServices services, TicketflowPluginDescriptor descriptor, JsonObject config) {
        this.services = services;
        this.pluginId = descriptor.getPluginId();
        this.config = config.copy();
        this.subscriptions = descriptor.subscriptions();
        this.permissions = new PluginPermissions(pluginId, descriptor.permissions());
        this.log = PluginLog.forPlugin(pluginId);
        this.store = new SqliteKeyValueStore(services.vertx(), services.pluginDataDir().resolve(pluginId).resolve("store.db"));
        this.recorder = new PortRecorder(services.ports().timeline(), services.ports().clock(), pluginId);
        this.dryRun = services.ports().dryRun().appliesTo(pluginId);
        this.scheduler = new DurableScheduler(services.ports().timers(), pluginId, subscriptions, recorder, null, null);
        this.mail = new MailPort(permissions, services.ports().mail(), dryRun, recorder, null, null);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Vertx vertx() {
        return services.vertx();
    }

    @Override
    public JsonObject config() {
        return config.copy();
    }

    @Override
    public PluginLog log() {
        return log;
    }

    @Override
    public PluginContext on(String typePattern, EventHandler handler) {
        return on(List.of(typePattern), handler);
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        if (handler == null || typePatterns == null || typePatterns.isEmpty()) {
            throw new IllegalArgumentException("plugin '" + pluginId + "': on(...) needs type patterns and a handler");
        }
        for (String pattern : typePatterns) {
            if (pattern == null || !EventTypes.isValidPattern(pattern)) {
                throw new IllegalArgumentException("plugin '" + pluginId + "': '" + pattern
                        + "' is not an event type pattern (such as ticket.created, ticket.* or *)");
            }
            if (!SubscriptionPatterns.covered(subscriptions, pattern)) {
                throw new IllegalArgumentException("plugin '" + pluginId + "' handles '" + pattern
                        + "' but its descriptor does not subscribe to it (subscriptions: "
                        + String.join(",", subscriptions) + "): add it to plugin.subscriptions");
            }
        }
        handlers.add(new Registration(List.copyOf(typePatterns), handler));
        return this;
    }

    /** The handlers matching an event type, in registration order. */
    List<EventHandler> handlersFor(String eventType) {
        return handlers.stream().filter(registration -> registration.matches(eventType))
                .map(Registration::handler).toList();
    }

    @Override
    public synchronized Router router() {
        if (router == null) {
            router = Router.router(services.vertx());
            if (!closed) {
                mount = services.mainRouter().route("/hooks/" + pluginId + "/*").subRouter(router);
            }
        }
        return router;
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        return permissions.require(Permissions.EVENTS_EMIT).compose(allowed -> services.intake().accept(event, deliveryId));
    }

    /** Emits an event from a delivery: what {@code EventContext.emit} does; recorded on its ticket. */
    Future<String> emit(TicketEvent event, String handledEventId) {
        if (event == null) {
            return Future.failedFuture(new IllegalArgumentException("emit needs an event"));
        }
        return ingest(event, null).map(Accepted::eventId).andThen(done -> {
            JsonObject detail = new JsonObject().put("type", event.type());
            if (done.succeeded()) {
                recorder.record(event.source(), event.ticketId(), handledEventId, "event.emit", TimelineEntry.SUCCEEDED,
                        "emitted " + event.type() + " event " + done.result(), null, detail.put("emittedId", done.result()));
            } else {
                recorder.record(event.source(), event.ticketId(), handledEventId, "event.emit", TimelineEntry.FAILED,
                        "could not emit " + event.type() + " event", String.valueOf(done.cause().getMessage()), detail);
            }
        });
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        return helpDesk(ticket, null);
    }

    HelpDesk helpDesk(TicketRef ticket, String eventId) {
        return new HelpDeskClient(services.vertx().eventBus(), permissions, eventId, ticket, services.portTimeout(),
                recorder, dryRun);
    }

    @Override
    public Mail mail() {
        return mail;
    }

    /** The mail port during a delivery: sends are recorded on the event's ticket. */
    Mail mail(TicketRef ticket, String eventId) {
        return mail.forEvent(ticket, eventId);
    }

    /** Whether this plugin's outward port actions are only recorded. */
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public SqliteKeyValueStore store() {
        return store;
    }

    /** The timers during a delivery: schedules and cancels are recorded on the timer's ticket. */
    DurableScheduler scheduler(TicketRef ticket, String eventId) {
        return scheduler.forEvent(ticket, eventId);
    }

    @Override
    public synchronized void provideHelpDesk(HelpDeskProvider provider) {
        if (!permissions.has(Permissions.HELPDESK_PROVIDE)) {
            throw new PermissionDeniedException(pluginId, Permissions.HELPDESK_PROVIDE);
        }
        if (helpDeskConsumer != null) {
            throw new IllegalStateException("plugin '" + pluginId + "' already provides the help desk");
        }
        services.helpDeskProvider().claim(pluginId);
        // registered from register(), hence bound to the plugin's own verticle and worker pool
        helpDeskConsumer = services.vertx().eventBus()
                .consumer(Addresses.HELP_DESK, new HelpDeskProviderBinding(pluginId, provider));
        log.info("Providing the help desk");
    }

    /**
     * Takes back what the plugin was given: routes, the help-desk slot, the store. Its timers stay:
     * they are durable and fire once the plugin is started again.
     *
     * @return completes when released
     */
    public Future<Void> close() {
        unmountRoutes();
        synchronized (this) {
            // a consumer still registered goes with the verticle's undeployment
            helpDeskConsumer = null;
        }
        services.helpDeskProvider().release(pluginId);
        return store.close();
    }

    /** Stops serving help-desk calls, if this plugin provides the help desk; other plugins get NO_PROVIDER. */
    public void stopProvidingHelpDesk() {
        MessageConsumer<HelpDeskCommand> consumer;
        synchronized (this) {
            consumer = helpDeskConsumer;
            helpDeskConsumer = null;
        }
        if (consumer != null) {
            try {
                consumer.unregister();
            } catch (RuntimeException alreadyGone) {
                // the plugin's context is closing; undeployment unregisters it
            }
            services.helpDeskProvider().release(pluginId);
        }
    }

    /** Removes the plugin's routes from the HTTP router: {@code /hooks/<id>/} answers 404 again. */
    public synchronized void unmountRoutes() {
        closed = true;
        if (mount != null) {
            mount.remove();
            mount = null;
        }
    }

    private record Registration(List<String> patterns, EventHandler handler) {
        boolean matches(String eventType) {
            return patterns.stream().anyMatch(pattern -> EventTypes.matches(pattern, eventType));
        }
    }
}
