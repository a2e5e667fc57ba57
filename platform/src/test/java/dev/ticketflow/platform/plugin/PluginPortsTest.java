package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.plugin.testplugins.ConnectorFailingOnStartPlugin;
import dev.ticketflow.platform.plugin.testplugins.FakeConnectorPlugin;
import dev.ticketflow.platform.plugin.testplugins.PortCallerPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import dev.ticketflow.platform.port.HelpDeskCommand;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ports as plugins use them: permissions, the help-desk provider, emit, timers, the store. */
class PluginPortsTest {

    @TempDir
    Path base;

    private PluginHostFixture platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCallOutsideTheDeclaredPermissionsIsRefusedNamingPluginAndPermissionAndNeverReachesTheHelpDesk() {
        caller("replier", "reply", "helpdesk:tag");
        platform = PluginHostFixture.start(base, withActions(Map.of("replier", "reply")));
        platform.captureHelpDesk();

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("replier")).containsExactly(
                "PermissionDeniedException: plugin 'replier' lacks permission 'helpdesk:comment:public':"
                        + " add it to plugin.permissions in its descriptor"));
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.plugin("replier").orElseThrow().failed()).isEqualTo(1));
        assertThat(platform.helpDeskCalls).isEmpty();
    }

    @Test
    void anAllowedCallReachesTheHelpDeskWithCallerEventAndTicket() {
        caller("tagger", "tag", "helpdesk:tag");
        platform = PluginHostFixture.start(base, withActions(Map.of("tagger", "tag")));
        platform.captureHelpDesk();

        String eventId = platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.helpDeskCalls).hasSize(1));
        HelpDeskCommand call = platform.helpDeskCalls.peek();
        assertThat(call.callerPluginId()).isEqualTo("tagger");
        assertThat(call.eventId()).isEqualTo(eventId);
        assertThat(call.ticket().ticketId()).isEqualTo("7");
        assertThat(call.ticket().source()).isEqualTo("test:desk");
        assertThat(call.action()).isEqualTo(HelpDeskCommand.Action.ADD_TAGS);
        assertThat(call.values()).containsExactly("seen-by-tagger");
    }

    @Test
    void withoutAHelpDeskProviderACallFailsWithAClearError() {
        caller("tagger", "tag", "helpdesk:tag");
        platform = PluginHostFixture.start(base, withActions(Map.of("tagger", "tag")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("tagger")).singleElement()
                .asString().startsWith("PortCallException: no help-desk connector plugin is loaded")
                .contains("plugin 'tagger'", "helpdesk:provide"));
    }

    @Test
    void aProviderPluginServesAnotherPluginsHelpDeskCalls() {
        PluginJar.plugin("connector").extension(FakeConnectorPlugin.class).permissions("helpdesk:provide")
                .writeTo(PluginHostFixture.pluginsDir(base));
        caller("tagger", "tag", "helpdesk:tag");
        caller("reader", "read", "helpdesk:read");
        caller("assigner", "assign", "helpdesk:assign");
        platform = PluginHostFixture.start(base, withActions(Map.of("tagger", "tag", "reader", "read", "assigner", "assign")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            assertThat(platform.records("connector"))
                    .containsExactlyInAnyOrder("addTags 7 [seen-by-tagger]", "read 7");
            assertThat(platform.records("tagger")).containsExactly("ok null");
            assertThat(platform.records("reader")).containsExactly("ok Subject of 7");
            assertThat(platform.records("assigner")).containsExactly("PortCallException: no such group: nowhere");
        });
    }

    @Test
    void aPluginWithoutHelpdeskProvideCannotProvideTheHelpDesk() {
        PluginJar.plugin("impostor").extension(FakeConnectorPlugin.class).permissions("helpdesk:tag")
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        assertThat(platform.plugin("impostor").orElseThrow().lastError())
                .contains("plugin 'impostor' lacks permission 'helpdesk:provide'");
    }

    @Test
    void onlyOnePluginProvidesTheHelpDesk() {
        PluginJar.plugin("connector-a").extension(FakeConnectorPlugin.class).permissions("helpdesk:provide")
                .writeTo(PluginHostFixture.pluginsDir(base));
        PluginJar.plugin("connector-b").extension(FakeConnectorPlugin.class).permissions("helpdesk:provide")
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        assertThat(platform.plugin("connector-a").orElseThrow().state()).isEqualTo("STARTED");
        assertThat(platform.plugin("connector-b").orElseThrow().lastError())
                .contains("plugin 'connector-a' already provides the help desk");
    }

    @Test
    void aConnectorThatFailsToStartLeavesNoProviderBehind() {
        PluginJar.plugin("connector").extension(ConnectorFailingOnStartPlugin.class).withClass(FakeConnectorPlugin.class)
                .permissions("helpdesk:provide").writeTo(PluginHostFixture.pluginsDir(base));
        caller("tagger", "tag", "helpdesk:tag");
        platform = PluginHostFixture.start(base, withActions(Map.of("tagger", "tag")));
        assertThat(platform.plugin("connector").orElseThrow().lastError()).contains("vendor credentials rejected");

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("tagger")).singleElement()
                .asString().startsWith("PortCallException: no help-desk connector plugin is loaded"));
        assertThat(platform.records("connector")).isEmpty();
    }

    @Test
    void anEmittedEventReachesThePluginsSubscribedToItsType() {
        caller("classifier", "emit", "events:emit");
        PluginJar.plugin("listener").extension(RecordingPlugin.class).subscriptions("feedback.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base, config -> withActions(Map.of("classifier", "emit")).apply(config)
                .withPlugins(Map.of("classifier", new JsonObject().put("action", "emit"),
                        "listener", new JsonObject().put("handle", "feedback.*"))));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            assertThat(platform.records("classifier")).singleElement().asString().startsWith("ok evt_");
            String emittedId = platform.records("classifier").get(0).substring("ok ".length());
            assertThat(platform.records("listener")).containsExactly("v1 " + emittedId);
        });
    }

    @Test
    void emittingWithoutEventsEmitIsRefused() {
        caller("classifier", "emit", "helpdesk:tag");
        platform = PluginHostFixture.start(base, withActions(Map.of("classifier", "emit")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("classifier"))
                .containsExactly("PermissionDeniedException: plugin 'classifier' lacks permission 'events:emit':"
                        + " add it to plugin.permissions in its descriptor"));
    }

    @Test
    void mailFailsClearlyWhileNoSmtpServerIsConfigured() {
        caller("mailer", "mail", "mail:send");
        platform = PluginHostFixture.start(base, withActions(Map.of("mailer", "mail")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("mailer")).singleElement()
                .asString().startsWith("PortCallException: no SMTP server configured"));
    }

    @Test
    void aTimerDeliversItsEventBackToTheSchedulingPlugin() {
        caller("reminder", "schedule", "");
        platform = PluginHostFixture.start(base, withActions(Map.of("reminder", "schedule")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("reminder")).containsExactly("ok null", "got test.reminder"));
    }

    @Test
    void theStoreKeepsAPluginsValuesInItsDataFolder() {
        caller("once", "store", "");
        platform = PluginHostFixture.start(base, withActions(Map.of("once", "store")));

        String first = platform.accept("ticket.created", "7");
        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("once"))
                .containsExactly("ok true " + first, "ok false " + first));
        assertThat(base.resolve("data/plugin-data/once/store.db")).exists();
    }

    private void caller(String id, String action, String permissions) {
        PluginJar.plugin(id).extension(PortCallerPlugin.class).subscriptions("ticket.*,test.*")
                .permissions(permissions).writeTo(PluginHostFixture.pluginsDir(base));
    }

    private static UnaryOperator<TicketflowConfig> withActions(
            Map<String, String> actions) {
        Map<String, JsonObject> sections = new HashMap<>();
        actions.forEach((id, action) -> sections.put(id, new JsonObject().put("action", action)));
        return config -> config.withPlugins(sections);
    }
}
