package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.plugin.testplugins.FailsOnStartPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import dev.ticketflow.platform.plugin.testplugins.ThrowsInRegisterPlugin;
import dev.ticketflow.platform.plugin.testplugins.UndeclaredHandlerPlugin;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins end as FAILED with their reason, and the platform and a healthy plugin next to
 * them go on.
 */
class BrokenPluginTest {

    private static final String TAG_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "tag": { "type": "string", "pattern": "^[a-z0-9_-]+$" } },
              "additionalProperties": false
            }
            """;

    @TempDir
    Path base;

    private PluginHostFixture platform;

    @BeforeEach
    void healthyNeighbour() {
        PluginJar.plugin("healthy").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aJarWithoutPluginIdFailsUnderItsFileName() {
        PluginJar.plugin("nameless").extension(RecordingPlugin.class)
                .rawProperties("plugin.version=1.0.0\nplugin.subscriptions=ticket.*\n")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("nameless.jar");

        assertThat(broken.lastError()).contains("bad plugin descriptor in nameless.jar", "plugin.id");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void anInvalidSubscriptionPatternIsABadDescriptor() {
        PluginJar.plugin("bad-pattern").extension(RecordingPlugin.class).subscriptions("ticket.created, Ticket Solved!")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("bad-pattern.jar");

        assertThat(broken.lastError()).contains("plugin.subscriptions", "'Ticket Solved!'", "is not an event type pattern");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void aPluginRequiringANewerPlatformFailsNamingBothVersions() {
        PluginJar.plugin("future").extension(RecordingPlugin.class).subscriptions("ticket.*").requires(">=99.0.0")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("future");

        assertThat(broken.version()).isEqualTo("1.0.0");
        assertThat(broken.lastError()).contains("requires Ticketflow >=99.0.0", "this is Ticketflow 0.1.0");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void anExceptionInRegisterFailsThePluginWithItsMessage() {
        PluginJar.plugin("throws-in-register").extension(ThrowsInRegisterPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("throws-in-register");

        assertThat(broken.lastError()).contains("failed in register", "cannot register without a vendor token");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void aFailedOnStartFutureFailsThePlugin() {
        PluginJar.plugin("fails-on-start").extension(FailsOnStartPlugin.class).subscriptions("ticket.created")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("fails-on-start");

        assertThat(broken.lastError()).contains("failed in onStart", "vendor API unreachable");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void aHandlerForATypeTheDescriptorDoesNotSubscribeToFailsThePlugin() {
        PluginJar.plugin("undeclared").extension(UndeclaredHandlerPlugin.class).subscriptions("ticket.created")
                .writeTo(PluginHostFixture.pluginsDir(base));

        PluginInfo broken = startAndExpectFailed("undeclared");

        assertThat(broken.lastError()).contains("handles 'ticket.solved'", "does not subscribe to it",
                "(subscriptions: ticket.created): add it to plugin.subscriptions");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void aConfigFailingThePluginsSchemaFailsItNamingTheField() {
        PluginJar.plugin("tagger").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .configSchema("config.schema.json", TAG_SCHEMA)
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base, config -> config.withPlugins(
                Map.of("tagger", new JsonObject().put("tag", "Not A Tag!"))));

        PluginInfo broken = platform.awaitState("tagger", "FAILED");
        assertThat(broken.lastError()).contains("does not match its schema", "/tag: does not match the regex pattern");
        assertHealthyNeighbourStillWorks();
    }

    @Test
    void aConfigMatchingTheSchemaStartsThePlugin() {
        PluginJar.plugin("tagger").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .configSchema("config.schema.json", TAG_SCHEMA)
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base, config -> config.withPlugins(
                Map.of("tagger", new JsonObject().put("tag", "vip"))));

        assertThat(platform.awaitState("tagger", "STARTED").lastError()).isNull();
    }

    @Test
    void aBrokenJarDroppedInWhileRunningFailsAndAFixedOneThenStarts() {
        platform = PluginHostFixture.start(base);
        PluginJar.plugin("flaky").extension(ThrowsInRegisterPlugin.class).subscriptions("ticket.*")
                .writeTo(platform.pluginsDir);
        platform.awaitState("flaky", "FAILED");

        PluginJar.plugin("flaky").version("1.0.1").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(platform.pluginsDir);

        PluginInfo fixed = platform.awaitState("flaky", "STARTED");
        assertThat(fixed.version()).isEqualTo("1.0.1");
        assertThat(fixed.lastError()).isNull();
    }

    @Test
    void enablingAFailedPluginTriesItsFileAgainAndReportsTheReason() {
        PluginJar.plugin("fails-on-start").extension(FailsOnStartPlugin.class).subscriptions("ticket.created")
                .writeTo(PluginHostFixture.pluginsDir(base));
        startAndExpectFailed("fails-on-start");

        PluginInfo again = platform.server.plugins().enable("fails-on-start").await();

        assertThat(again.state()).isEqualTo("FAILED");
        assertThat(again.lastError()).contains("vendor API unreachable");
        assertHealthyNeighbourStillWorks();
    }

    private PluginInfo startAndExpectFailed(String id) {
        platform = PluginHostFixture.start(base);
        PluginInfo info = platform.plugin(id).orElseThrow(() ->
                new AssertionError("no plugin " + id + " in " + platform.server.plugins().plugins()));
        assertThat(info.state()).isEqualTo("FAILED");
        assertThat(info.lastError()).isNotBlank();
        return info;
    }

    private void assertHealthyNeighbourStillWorks() {
        assertThat(platform.plugin("healthy")).get().extracting(PluginInfo::state).isEqualTo("STARTED");
        String eventId = platform.accept("ticket.created", "42");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("healthy")).containsExactly("v1 " + eventId));
    }
}
