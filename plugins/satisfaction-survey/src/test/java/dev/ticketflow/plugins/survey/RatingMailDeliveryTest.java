package dev.ticketflow.plugins.survey;

import static dev.ticketflow.plugins.survey.TicketEvents.rated;
import static dev.ticketflow.plugins.survey.TicketEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.mail.MailSettings;
import dev.ticketflow.platform.mail.SmtpMail;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rating mail, built by the plugin, sent through the platform's SMTP port to a real server. */
class RatingMailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");

    private Vertx vertx;
    private SmtpMail mail;
    private FakePluginContext plugin;

    @BeforeEach
    void startPlugin() {
        vertx = Vertx.vertx();
        mail = SmtpMail.create(vertx, new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(),
                MailSettings.TlsMode.NONE, null, null, "Ticketflow <ticketflow@example.com>", false));
        MutableClock clock = new MutableClock(AT);
        plugin = FakePluginContext.builder("satisfaction-survey").config(new JsonObject().put("managers",
                new JsonArray().add("zendesk-manager@example.com").add("support-lead@example.com"))).clock(clock).mail(mail).build();
        new SatisfactionSurveyPlugin(clock).register(plugin);
    }

    @AfterEach
    void stop() {
        mail.close().await();
        vertx.close().await();
    }

    @Test
    void theEngineerAndTheManagersReceiveTheRatingMail() throws Exception {
        plugin.deliver(rated("r1", AT, ticket("4711"), "bad", "I waited a week for an answer")).await();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(Arrays.stream(received).flatMap(message -> {
            try {
                return Arrays.stream(message.getAllRecipients());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(Object::toString).distinct()).containsExactlyInAnyOrder(
                "alex@example.com", "zendesk-manager@example.com", "support-lead@example.com");
        MimeMessage first = received[0];
        assertThat(first.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(
                "alex@example.com", "zendesk-manager@example.com", "support-lead@example.com");
        assertThat(first.getSubject()).isEqualTo("[Bad rating] Ticket #4711: Pipeline stuck on pending");
        assertThat(GreenMailUtil.getBody(first))
                .contains("the customer rated ticket #4711 bad.")
                .contains("I waited a week for an answer")
                .contains("https://acme.zendesk.com/agent/tickets/4711");
        assertThat(plugin.helpDesks().lines()).containsExactly("addTags ssat-bad");
        assertThat(plugin.emitted()).extracting(TicketEvent::type).containsExactly("ssat.review_needed");
    }

    @Test
    void aGoodRatingIsMailedOnceEvenWhenDeliveredTwice() {
        TicketEvent rating = rated("r2", AT, ticket("4712"), "good", "Quick and friendly");

        plugin.deliver(rating).await();
        plugin.deliver(rating).await();

        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0])).contains("Quick and friendly");
        assertThat(plugin.emitted()).isEmpty();
    }
}
