package dev.ticketflow.testkit;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.RetryPolicy;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import dev.ticketflow.platform.plugin.PluginInfo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs plugins in a real Ticketflow for tests: a real Vert.x, the real platform on a free port
 * with a temporary data folder, the plugins loaded by PF4J from real jars, and a
 * {@link FakeHelpDesk} answering their help-desk calls.
 *
 * <pre>{@code
 * @RegisterExtension
 * static TicketflowTestKit kit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
 *         .withConfig(new JsonObject().put("tag", "fresh"));
 *
 * @Test
 * void tagsNewTickets() {
 *     kit.publish(TestEvents.created("42", "Printer on fire"));
 *     assertThat(kit.helpDesk().tagsAdded("42")).containsExactly("fresh");
 * }
 * }</pre>
 *
 * <p>As a JUnit 5 extension it starts before all tests of the class, forgets recorded calls
 * before each test and stops after all. {@link #start()} and {@link #close()} do the same by
 * hand.
 */
public final class TicketflowTestKit implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        AutoCloseable {

    /** The Standard Webhooks secret {@code POST /events} accepts in tests. */
    public static final String WEBHOOK_SECRET = "whsec_dGVzdGtpdC13ZWJob29rLXNlY3JldC0zMi1ieXRlcyE=";
    /** The admin API's bearer token in tests. */
    public static final String ADMIN_TOKEN = "testkit-admin-token";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Path> pluginSources = new ArrayList<>();
    private final Map<String, JsonObject> configs = new LinkedHashMap<>();
    private JsonObject primaryConfig;
    private Duration handlerTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private TicketflowConfig config;
    // one attempt, never paused: a failure shows in the test that caused it, and no retry of it
    // reaches the plugin later, during another test
    private DeliveryPolicy deliveryPolicy = new DeliveryPolicy(RetryPolicy.noRetries(), CircuitBreakerPolicy.disabled());
    private boolean fakeHelpDesk = true;

    private final FakeHelpDesk helpDesk = new FakeHelpDesk();
    private final DeliveryTracker tracker = new DeliveryTracker(WAIT);
    private final AtomicLong sequence = new AtomicLong();

    private Vertx vertx;
    private Path home;
    private TicketflowServer server;
    private WebClient http;

    private TicketflowTestKit(Path plugin) {
        pluginSources.add(plugin);
    }

    /**
     * A kit running one plugin.
     *
     * @param classesDirOrJar the plugin's compiled output ({@code target/classes}) or a built jar
     * @return the kit, not started
     */
    public static TicketflowTestKit forPlugin(Path classesDirOrJar) {
        return new TicketflowTestKit(classesDirOrJar);
    }

    /** Adds another plugin (compiled output or jar) beside the first. */
    public TicketflowTestKit withPlugin(Path classesDirOrJar) {
        pluginSources.add(classesDirOrJar);
        return this;
    }

    /** The configuration section of the first plugin. */
    public TicketflowTestKit withConfig(JsonObject section) {
        primaryConfig = section;
        return this;
    }

    /** The configuration section of any plugin. */
    public TicketflowTestKit withConfig(String pluginId, JsonObject section) {
        configs.put(pluginId, section);
        return this;
    }

    /** How long a handler may take before its delivery times out (default 10 s). */
    public TicketflowTestKit withHandlerTimeout(Duration timeout) {
        handlerTimeout = timeout;
        return this;
    }

    /**
     * The platform's clock: event times, timers and retention follow it. With a
     * {@code fakes.MutableClock} a test moves a day ahead in no time, then calls
     * {@link #fireDueTimers()}.
     */
    public TicketflowTestKit withClock(Clock testClock) {
        clock = testClock;
        return this;
    }

    /**
     * How deliveries are retried and paused (default: one attempt, no circuit breaker, so that a
     * failed delivery is final at once).
     */
    public TicketflowTestKit withDeliveryPolicy(DeliveryPolicy policy) {
        deliveryPolicy = policy;
        return this;
    }

    /** Leaves the help desk to a plugin under test (a connector) instead of the fake. */
    public TicketflowTestKit withoutFakeHelpDesk() {
        fakeHelpDesk = false;
        return this;
    }

    /**
     * Starts Vert.x and the platform with the plugins, and checks that every plugin started.
     *
     * @throws IllegalStateException naming the plugin and its error when one did not start
     */
    public void start() {
        try {
            home = Files.createTempDirectory("ticketflow-testkit");
            Path pluginsDir = Files.createDirectories(home.resolve("plugins"));
            Map<String, JsonObject> sections = new HashMap<>(configs);
            for (int i = 0; i < pluginSources.size(); i++) {
                Path source = pluginSources.get(i);
                String id = pluginId(source);
                Path jar = pluginsDir.resolve(id + ".jar");
                if (Files.isDirectory(source)) {
                    PluginJar.fromDirectory(source, jar);
                } else {
                    Files.copy(source, jar);
                }
                if (i == 0 && primaryConfig != null) {
                    sections.put(id, primaryConfig);
                }
            }
            vertx = Vertx.vertx();
            if (fakeHelpDesk) {
                helpDesk.register(vertx).await();
            }
            vertx.eventBus().<TicketEvent>consumer(Addresses.EVENTS_ACCEPTED, m -> onAccepted(m.body()));
            vertx.eventBus().<DeliveryOutcome>consumer(DeliveryOutcome.ADDRESS, m -> tracker.outcome(m.body()));
            config = TicketflowConfig.defaults(home)
                    .withHttpPort(0)
                    .withHttpHost("127.0.0.1")
                    .withWebhookSecrets(List.of(WEBHOOK_SECRET))
                    .withAdminToken(ADMIN_TOKEN)
                    .withHandlerTimeout(handlerTimeout)
                    .withPluginScanInterval(Duration.ofMillis(200))
                    .withPlugins(sections)
                    .withDelivery(DeliverySettings.of(deliveryPolicy));
            server = TicketflowServer.start(vertx, config, clock).await();
            http = WebClient.create(vertx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (PluginInfo info : server.plugins().plugins()) {
            if (!"STARTED".equals(info.state())) {
                throw new IllegalStateException("plugin '" + info.id() + "' did not start (" + info.state()
                        + "): " + info.lastError());
            }
        }
    }

    private void onAccepted(TicketEvent event) {
        int subscribed = 0;
        for (PluginInfo info : server == null ? List.<PluginInfo>of() : server.plugins().plugins()) {
            if ("STARTED".equals(info.state())
                    && info.subscriptions().stream().anyMatch(p -> EventTypes.matches(p, event.type()))) {
                subscribed++;
            }
        }
        tracker.accepted(event, subscribed);
    }

    /**
     * Accepts an event as {@code POST /events} would and waits until the platform is idle: every
     * subscribed plugin handled it, and every event the plugins emitted meanwhile.
     *
     * @param event the event; an id is assigned when it has none
     * @return the event's id and its delivery outcomes
     */
    public Published publish(TicketEvent event) {
        TicketEvent withId = event.id() != null ? event
                : event.withIdAndTime("evt_test_" + sequence.incrementAndGet(), null);
        tracker.published(withId.id());
        String id = server.intake().accept(withId, null).await().eventId();
        awaitIdle();
        return new Published(id, tracker.outcomesOf(id));
    }

    /**
     * Fires the timers that are due by the platform's clock and waits until their deliveries
     * finished.
     *
     * @return how many timers fired
     */
    public int fireDueTimers() {
        int before = tracker.outcomeCount();
        int fired = server.timers().fireDue().await();
        tracker.awaitOutcomes(before + fired);
        awaitIdle();
        return fired;
    }

    /**
     * Stops the platform and starts it again on the same data folder and Vert.x, as after a
     * restart of the process: timers that fell due meanwhile fire during the start.
     */
    public void restart() {
        awaitIdle();
        server.close().await();
        server = TicketflowServer.start(vertx, config, clock).await();
    }

    /** Waits until every accepted event was delivered to every plugin subscribed to it. */
    public void awaitIdle() {
        tracker.awaitIdle();
    }

    /**
     * Waits until at least {@code count} events of a type entered the platform other than by
     * {@link #publish} — emitted by a plugin, or ingested by a plugin's route (a connector's
     * webhook, which answers before the event reaches the test) — and the platform is idle.
     *
     * @param type the event type
     * @param count how many to wait for
     * @return the emitted events of the type
     */
    public List<TicketEvent> awaitEmitted(String type, int count) {
        tracker.await(() -> emitted(type).size() >= count, () -> count + " '" + type + "' event(s) expected within "
                + WAIT.toSeconds() + " s; accepted were " + tracker.acceptedTypes());
        awaitIdle();
        return emitted(type);
    }

    /**
     * The events plugins emitted or ingested (accepted events that were not published by the
     * test).
     */
    public List<TicketEvent> emitted() {
        return tracker.emitted();
    }

    /** The emitted events of one type. */
    public List<TicketEvent> emitted(String type) {
        return emitted().stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The fake help desk with every call the plugins made. */
    public FakeHelpDesk helpDesk() {
        return helpDesk;
    }

    /** The state of a plugin. */
    public PluginInfo plugin(String pluginId) {
        return server.plugins().plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plugin " + pluginId));
    }

    public TicketflowServer server() {
        return server;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The platform's HTTP port on 127.0.0.1. */
    public int port() {
        return server.port();
    }

    /** A web client for the platform's routes (for example a plugin's {@code /hooks/<id>/...}). */
    public WebClient http() {
        return http;
    }

    /** Forgets recorded help-desk calls and events, keeping the plugins running. */
    public void reset() {
        awaitIdle();
        helpDesk.reset();
        tracker.clear();
    }

    @Override
    public void close() {
        if (vertx != null) {
            try {
                if (server != null) {
                    server.close().await();
                }
            } finally {
                vertx.close().await();
                vertx = null;
                deleteQuietly(home);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static String pluginId(Path source) throws IOException {
        Properties properties = new Properties();
        if (Files.isDirectory(source)) {
            Path file = source.resolve("plugin.properties");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(source + " has no plugin.properties");
            }
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                var entry = jar.getEntry("plugin.properties");
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        properties.load(in);
                    }
                } else {
                    String id = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Plugin-Id");
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        String id = properties.getProperty("plugin.id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(source + ": descriptor has no plugin.id");
        }
        return id.trim();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
