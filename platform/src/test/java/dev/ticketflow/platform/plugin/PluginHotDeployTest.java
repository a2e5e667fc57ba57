package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.platform.plugin.testplugins.HookPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPluginV2;
import dev.ticketflow.platform.plugin.testplugins.SlowPlugin;
import io.vertx.core.json.JsonObject;
import java.lang.ref.WeakReference;
import java.util.Map;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PF4J loading from a watched folder: drop in, remove, replace, routes. */
class PluginHotDeployTest {

    @TempDir
    Path base;

    private PluginHostFixture platform;
    private WebClient http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void loadsThePluginsAlreadyInTheFolderAtStart() {
        PluginJar.plugin("recorder").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        PluginInfo info = platform.plugin("recorder").orElseThrow();
        assertThat(info.state()).isEqualTo("STARTED");
        assertThat(info.version()).isEqualTo("1.0.0");
        assertThat(info.file()).isEqualTo("recorder.jar");
        assertThat(info.subscriptions()).containsExactly("ticket.*");
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + eventId));
    }

    @Test
    void aJarDroppedIntoTheRunningPlatformIsStartedWithinFiveSecondsAndReceivesEvents() {
        platform = PluginHostFixture.start(base);
        assertThat(platform.server.plugins().plugins()).isEmpty();

        PluginJar.plugin("recorder").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(platform.pluginsDir);

        platform.awaitState("recorder", "STARTED", Duration.ofSeconds(5));
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + eventId));
    }

    @Test
    void aRemovedJarIsUnloadedAndGetsNoMoreEvents() throws Exception {
        Path jar = PluginJar.plugin("recorder").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base);
        String before = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + before));

        Files.delete(jar);
        platform.awaitGone("recorder");
        platform.accept("ticket.created", "1");
        platform.accept("ticket.updated", "2");

        // a delivery would take milliseconds; give a wrongly attached plugin ample time to show up
        Thread.sleep(300);
        assertThat(platform.records("recorder")).containsExactly("v1 " + before);
        try (var cached = Files.list(base.resolve("data/plugin-cache"))) {
            assertThat(cached).as("cached copies left after unload").isEmpty();
        }
    }

    @Test
    void aRemovedPluginFinishesItsInFlightDeliveryBeforeItIsStopped() throws Exception {
        Path jar = PluginJar.plugin("slow").extension(SlowPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base);
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("slow")).containsExactly("begin " + eventId));

        Files.delete(jar);
        platform.awaitGone("slow");

        assertThat(platform.records("slow")).containsExactly("begin " + eventId, "end " + eventId, "stop");
    }

    @Test
    void anUnloadedPluginsClassLoaderCanBeCollected() throws Exception {
        Path jar = PluginJar.plugin("slow").extension(SlowPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base, config -> config.withPlugins(
                Map.of("slow", new JsonObject().put("delayMillis", 1))));
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("slow")).contains("end " + eventId));
        WeakReference<ClassLoader> loader = Probe.classLoader("slow");
        assertThat(loader.get()).isNotNull();

        Files.delete(jar);
        platform.awaitGone("slow");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            System.gc();
            assertThat(loader.get()).as("plugin class loader still reachable after unload").isNull();
        });
    }

    @Test
    void aReplacedJarIsReloadedAndTheNewVersionHandlesTheNextEvents() {
        PluginJar.plugin("recorder").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base);
        String first = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + first));

        PluginJar.plugin("recorder").version("2.0.0").extension(RecordingPluginV2.class).subscriptions("ticket.*")
                .writeTo(platform.pluginsDir);

        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.plugin("recorder")).get().extracting(PluginInfo::version).isEqualTo("2.0.0"));
        PluginInfo reloaded = platform.awaitState("recorder", "STARTED");
        assertThat(reloaded.lastError()).isNull();
        String second = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + first, "v2 " + second));
    }

    @Test
    void aPluginRouteAnswersUnderHooksAndIsGoneAfterUnload() throws Exception {
        Path jar = PluginJar.plugin("hooked").extension(HookPlugin.class).writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base);
        http = WebClient.create(platform.vertx);

        HttpResponse<Buffer> pong = get("/hooks/hooked/ping");
        assertThat(pong.statusCode()).isEqualTo(200);
        assertThat(pong.bodyAsString()).isEqualTo("pong from hooked");

        Files.delete(jar);
        platform.awaitGone("hooked");
        assertThat(get("/hooks/hooked/ping").statusCode()).isEqualTo(404);
    }

    @Test
    void aDisabledPluginIsLoadedButNotStartedUntilEnabled() {
        PluginJar.plugin("recorder").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base, config -> config.withDisabledPlugins(List.of("recorder")));
        assertThat(platform.plugin("recorder")).get().extracting(PluginInfo::state).isEqualTo("DISABLED");
        platform.accept("ticket.created", "1");

        PluginInfo enabled = platform.server.plugins().enable("recorder").await();

        assertThat(enabled.state()).isEqualTo("STARTED");
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("recorder")).containsExactly("v1 " + eventId));
        assertThat(platform.server.plugins().disable("recorder").await().state()).isEqualTo("DISABLED");
        assertThat(platform.server.plugins().reload("recorder").await().state()).isEqualTo("DISABLED");
    }

    @Test
    void adminActionsOnAnUnknownPluginFail() {
        platform = PluginHostFixture.start(base);

        assertThatThrownBy(() -> platform.server.plugins().enable("nope").await())
                .isInstanceOf(UnknownPluginException.class).hasMessageContaining("no plugin 'nope'");
        assertThatThrownBy(() -> platform.server.plugins().reload("nope").await())
                .isInstanceOf(UnknownPluginException.class);
    }

    private HttpResponse<Buffer> get(String path) {
        return http.get(platform.server.port(), "127.0.0.1", path).send().await();
    }
}
