package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ticketflow.api.Addresses;
import dev.ticketflow.platform.config.DryRun;
import dev.ticketflow.platform.mail.MailSettings;
import dev.ticketflow.platform.plugin.testplugins.FakeConnectorPlugin;
import dev.ticketflow.platform.plugin.testplugins.PortCallerPlugin;
import dev.ticketflow.platform.port.HelpDeskCommand;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Dry run, for the whole platform and per plugin: outward actions are recorded, not sent. */
class DryRunTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @TempDir
    Path base;

    private PluginHostFixture platform;
    /** Every help-desk command that was put on the bus, whoever would have answered it. */
    private final Queue<String> helpDeskTraffic = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void inGlobalDryRunWritesAndMailsAreRecordedAsWouldHaveWhileReadsStillGoThrough() {
        connector();
        caller("tagger", "helpdesk:tag");
        caller("mailer", "mail:send");
        caller("reader", "helpdesk:read");
        platform = PluginHostFixture.start(base, config -> config
                .withDryRun(new DryRun(true, List.of()))
                .withMail(smtp())
                .withPlugins(actions("tagger", "tag", "mailer", "mail", "reader", "read")));
        watchHelpDeskTraffic();

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            assertThat(platform.records("tagger")).containsExactly("ok null");
            assertThat(platform.records("mailer")).containsExactly("ok null");
            assertThat(platform.records("reader")).containsExactly("ok Subject of 7");
            List<JsonObject> timeline = platform.timeline("7");
            JsonObject tagged = one(timeline, "helpdesk.add_tags", "tagger");
            assertThat(tagged.getString("outcome")).isEqualTo("dry-run");
            assertThat(tagged.getString("summary")).isEqualTo("would have added tags [seen-by-tagger]");
            JsonObject mailed = one(timeline, "mail.send", "mailer");
            assertThat(mailed.getString("outcome")).isEqualTo("dry-run");
            assertThat(mailed.getString("summary")).isEqualTo("would have sent mail 'Hi' to [a@example.com]");
            assertThat(one(timeline, "helpdesk.read", "reader").getString("outcome")).isEqualTo("succeeded");
        });
        assertThat(helpDeskTraffic).containsExactly("READ reader");
        assertThat(platform.records("connector")).containsExactly("read 7");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPluginInDryRunOnlyRecordsWhileTheOthersAct() {
        connector();
        caller("careful", "helpdesk:tag");
        caller("bold", "helpdesk:tag");
        platform = PluginHostFixture.start(base, config -> config
                .withDryRun(new DryRun(false, List.of("careful")))
                .withPlugins(actions("careful", "tag", "bold", "tag")));
        watchHelpDeskTraffic();

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            List<JsonObject> timeline = platform.timeline("7");
            assertThat(one(timeline, "helpdesk.add_tags", "careful").getString("outcome")).isEqualTo("dry-run");
            assertThat(one(timeline, "helpdesk.add_tags", "bold").getString("outcome")).isEqualTo("succeeded");
        });
        assertThat(helpDeskTraffic).containsExactly("ADD_TAGS bold");
        assertThat(platform.records("connector")).containsExactly("addTags 7 [seen-by-bold]");
    }

    @Test
    void dryRunStillRefusesACallOutsideThePermissions() {
        caller("replier", "helpdesk:tag");
        platform = PluginHostFixture.start(base, config -> config
                .withDryRun(new DryRun(true, List.of()))
                .withPlugins(actions("replier", "reply")));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("replier")).singleElement()
                .asString().startsWith("PermissionDeniedException"));
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(one(platform.timeline("7"), "helpdesk.public_reply", "replier").getString("outcome"))
                        .isEqualTo("failed"));
    }

    private void watchHelpDeskTraffic() {
        platform.vertx.eventBus().addOutboundInterceptor(delivery -> {
            if (Addresses.HELP_DESK.equals(delivery.message().address())
                    && delivery.message().body() instanceof HelpDeskCommand command) {
                helpDeskTraffic.add(command.action() + " " + command.callerPluginId());
            }
            delivery.next();
        });
    }

    private static MailSettings smtp() {
        return new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), MailSettings.TlsMode.NONE, null, null,
                "Ticketflow <ticketflow@example.com>", false);
    }

    private void connector() {
        PluginJar.plugin("connector").extension(FakeConnectorPlugin.class).permissions("helpdesk:provide")
                .writeTo(PluginHostFixture.pluginsDir(base));
    }

    private void caller(String id, String permissions) {
        PluginJar.plugin(id).extension(PortCallerPlugin.class).subscriptions("ticket.*,test.*")
                .permissions(permissions).writeTo(PluginHostFixture.pluginsDir(base));
    }

    static Map<String, JsonObject> actions(String... idsAndActions) {
        Map<String, JsonObject> sections = new HashMap<>();
        for (int i = 0; i < idsAndActions.length; i += 2) {
            sections.put(idsAndActions[i], new JsonObject().put("action", idsAndActions[i + 1]));
        }
        return sections;
    }

    static JsonObject one(List<JsonObject> entries, String kind, String plugin) {
        List<JsonObject> matching = entries.stream()
                .filter(entry -> kind.equals(entry.getString("kind")) && plugin.equals(entry.getString("plugin")))
                .toList();
        assertThat(matching).as("%s by %s in %s", kind, plugin, entries).hasSize(1);
        return matching.get(0);
    }
}
