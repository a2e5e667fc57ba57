package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin file forms PF4J knows: jar with plugin.properties, jar with manifest, zip. */
class PluginPackagingTest {

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
    void aJarDescribedByItsManifestIsLoadedWithTicketflowsManifestKeys() {
        PluginJar.plugin("manifested").extension(RecordingPlugin.class).inManifest()
                .subscriptions("ticket.*").permissions("helpdesk:tag,helpdesk:read")
                .writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        PluginInfo info = platform.plugin("manifested").orElseThrow();
        assertThat(info.state()).isEqualTo("STARTED");
        assertThat(info.subscriptions()).containsExactly("ticket.*");
        assertThat(info.permissions()).containsExactly("helpdesk:tag", "helpdesk:read");
    }

    @Test
    void aManifestWithAnInvalidSubscriptionIsRefusedNamingTheManifestKey() {
        PluginJar.plugin("manifested").extension(RecordingPlugin.class).inManifest()
                .subscriptions("ticket.created,ticket.**").writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        assertThat(platform.plugin("manifested.jar").orElseThrow().lastError())
                .contains("Plugin-Subscriptions: 'ticket.**' is not an event type pattern");
    }

    @Test
    void aZipPluginIsLoadedAndReceivesEvents() {
        PluginJar.plugin("zipped").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeZipTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        assertThat(platform.awaitState("zipped", "STARTED").file()).isEqualTo("zipped.zip");
        String eventId = platform.accept("ticket.created", "1");
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("zipped")).containsExactly("v1 " + eventId));
    }

    @Test
    void aSecondFileWithTheSameIdFailsWithoutDisturbingTheFirst() {
        PluginJar.plugin("twin").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .fileName("a-twin.jar").writeTo(PluginHostFixture.pluginsDir(base));
        PluginJar.plugin("twin").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .fileName("b-twin.jar").writeTo(PluginHostFixture.pluginsDir(base));

        platform = PluginHostFixture.start(base);

        assertThat(platform.server.plugins().plugins())
                .extracting(PluginInfo::file, PluginInfo::state)
                .containsExactly(tuple("a-twin.jar", "STARTED"),
                        tuple("b-twin.jar", "FAILED"));
        assertThat(platform.server.plugins().plugins().get(1).lastError())
                .contains("plugin id 'twin' of b-twin.jar is already used");
    }

    @Test
    void aFileStillBeingWrittenIsLoadedOnlyOnceItStoppedChanging() throws Exception {
        platform = PluginHostFixture.start(base);
        Path jar = PluginJar.plugin("slow").extension(RecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(base.resolve("elsewhere"));
        byte[] bytes = Files.readAllBytes(jar);
        Path target = platform.pluginsDir.resolve("slow.jar");

        // an operator's copy in slow chunks: each scan sees a different size
        try (var out = Files.newOutputStream(target)) {
            int chunk = Math.max(1, bytes.length / 4);
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
                out.flush();
                Thread.sleep(120);
                assertThat(platform.plugin("slow.jar")).as("a half-written jar is not loaded").isEmpty();
            }
        }

        assertThat(platform.awaitState("slow", "STARTED").lastError()).isNull();
    }
}
