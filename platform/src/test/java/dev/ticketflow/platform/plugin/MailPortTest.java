package dev.ticketflow.platform.plugin;

import static dev.ticketflow.platform.plugin.DryRunTest.actions;
import static dev.ticketflow.platform.plugin.DryRunTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ticketflow.platform.mail.MailSettings;
import dev.ticketflow.platform.plugin.testplugins.PortCallerPlugin;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mail port wired to the configured SMTP server (a real one, GreenMail). */
class MailPortTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

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
    void aPluginWithMailSendSendsThroughTheConfiguredSmtpServer() throws Exception {
        mailer("mail:send");
        platform = start();

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("mailer"))
                .containsExactly("ok null"));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Hi");
        assertThat(received[0].getFrom()[0].toString()).contains("ticketflow@example.com");
        assertThat(received[0].getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("a@example.com");
        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            JsonObject sent = one(platform.timeline("7"), "mail.send", "mailer");
            assertThat(sent.getString("outcome")).isEqualTo("succeeded");
            assertThat(sent.getString("summary")).isEqualTo("sent mail 'Hi' to [a@example.com]");
        });
    }

    @Test
    void withoutMailSendTheMailIsRefusedAndNothingIsSent() {
        mailer("helpdesk:tag");
        platform = start();

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("mailer")).containsExactly(
                "PermissionDeniedException: plugin 'mailer' lacks permission 'mail:send':"
                        + " add it to plugin.permissions in its descriptor"));
        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            JsonObject refused = one(platform.timeline("7"), "mail.send", "mailer");
            assertThat(refused.getString("outcome")).isEqualTo("failed");
            assertThat(refused.getString("summary")).isEqualTo("could not send mail 'Hi' to [a@example.com]");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private PluginHostFixture start() {
        MailSettings smtp = new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), MailSettings.TlsMode.NONE, null,
                null, "Ticketflow <ticketflow@example.com>", false);
        return PluginHostFixture.start(base, config -> config.withMail(smtp).withPlugins(actions("mailer", "mail")));
    }

    private void mailer(String permissions) {
        PluginJar.plugin("mailer").extension(PortCallerPlugin.class).subscriptions("ticket.*,test.*")
                .permissions(permissions).writeTo(PluginHostFixture.pluginsDir(base));
    }
}
