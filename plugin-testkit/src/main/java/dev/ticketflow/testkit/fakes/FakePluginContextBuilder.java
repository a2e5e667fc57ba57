package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.port.Mail;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builds a {@link FakePluginContext}; made by {@link FakePluginContext#builder(String)}. */
public final class FakePluginContextBuilder {

    final String pluginId;
    Vertx vertx;
    JsonObject config = new JsonObject();
    List<String> subscriptions;
    Router router;
    MutableClock clock = new MutableClock(Instant.EPOCH);
    Mail mail = new RecordingMail();

    FakePluginContextBuilder(String pluginId) {
        this.pluginId = pluginId;
    }

    /** @param value the Vert.x instance {@code vertx()} answers; also makes a real router */
    public FakePluginContextBuilder vertx(Vertx value) {
        this.vertx = value;
        return this;
    }

    /** @param value the plugin's configuration section */
    public FakePluginContextBuilder config(JsonObject value) {
        this.config = value;
        return this;
    }

    /** @param patterns the descriptor's subscriptions; {@code on} refuses any other pattern */
    public FakePluginContextBuilder subscriptions(List<String> patterns) {
        this.subscriptions = List.copyOf(patterns);
        return this;
    }

    /** @param descriptor a {@code plugin.properties} whose subscriptions {@code on} enforces */
    public FakePluginContextBuilder subscriptionsOf(Path descriptor) {
        return subscriptions(Descriptors.subscriptions(descriptor));
    }

    /** @param value the router {@code router()} answers, e.g. one mounted on a test server */
    public FakePluginContextBuilder router(Router value) {
        this.router = value;
        return this;
    }

    /** @param value the clock timers run on */
    public FakePluginContextBuilder clock(MutableClock value) {
        this.clock = value;
        return this;
    }

    /** @param value the mail port, e.g. a {@link RecordingMail} the test keeps, or a real SMTP one */
    public FakePluginContextBuilder mail(Mail value) {
        this.mail = value;
        return this;
    }

    /** @return the context */
    public FakePluginContext build() {
        return new FakePluginContext(this);
    }
}
