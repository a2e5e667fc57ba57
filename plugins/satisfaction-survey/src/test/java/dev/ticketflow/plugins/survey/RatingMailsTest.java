package dev.ticketflow.plugins.survey;

import static dev.ticketflow.plugins.survey.TicketEvents.rated;
import static dev.ticketflow.plugins.survey.TicketEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingMailsTest {

    private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");

    private static RatingMails mails(JsonObject config) {
        return new RatingMails(SurveySettings.fromJson(config));
    }

    private static JsonObject withManagers() {
        return new JsonObject().put("managers", new JsonArray().add("zendesk-manager@example.com"));
    }

    @Test
    void theMailTellsScoreCommentAndLink() {
        MailMessage mail = mails(withManagers()).mailFor(
                rated("r1", AT, ticket("7"), "bad", "Took three days & nobody <really> helped")).orElseThrow();

        assertThat(mail.to()).containsExactly("alex@example.com", "zendesk-manager@example.com");
        assertThat(mail.subject()).isEqualTo("[Bad rating] Ticket #7: Pipeline stuck on pending");
        assertThat(mail.text())
                .contains("the customer rated ticket #7 bad.")
                .contains("Link:     https://acme.zendesk.com/agent/tickets/7")
                .contains("Engineer: Alex Agent")
                .contains("Customer: Casey Customer <casey@example.com>")
                // plain text: nothing is HTML-escaped
                .contains("Took three days & nobody <really> helped")
                .contains("the on-call SSAT manager follows it up");
        assertThat(mail.html()).isNull();
    }

    @Test
    void aGoodRatingWithoutCommentSaysSo() {
        MailMessage mail = mails(withManagers()).mailFor(rated("r1", AT, ticket("7"), "good", null)).orElseThrow();

        assertThat(mail.subject()).startsWith("[Good rating]");
        assertThat(mail.text()).contains("(no comment)").doesNotContain("SSAT manager");
    }

    @Test
    void anUnassignedTicketGoesToTheManagersOnly() {
        MailMessage mail = mails(withManagers()).mailFor(rated("r1", AT, ticket("7", null), "good", "ok"))
                .orElseThrow();

        assertThat(mail.to()).containsExactly("zendesk-manager@example.com");
        assertThat(mail.text()).contains("Engineer: (unassigned)");
    }

    @Test
    void anUnknownCustomerIsSaidToBeUnknown() {
        Ticket noRequester = new Ticket("7", null, null, "solved", null, List.of(), null,
                new Person("200", "Alex Agent", "alex@example.com"), null, null, Map.of());

        MailMessage mail = mails(new JsonObject()).mailFor(rated("r1", AT, noRequester, "good", null)).orElseThrow();

        assertThat(mail.subject()).isEqualTo("[Good rating] Ticket #7: (no subject)");
        assertThat(mail.text()).contains("Customer: (unknown)").contains("Link:     (the help desk sent no link)");
    }

    @Test
    void thereIsNoMailWithoutAnyRecipient() {
        assertThat(mails(new JsonObject()).mailFor(rated("r1", AT, ticket("7", new Person("1", "No Mail", null)),
                "good", "ok"))).isEmpty();
    }

    @Test
    void theOperatorsTemplatesReplaceTheShippedOnes() {
        RatingMails mails = mails(withManagers().put("mail", new JsonObject()
                .put("subject", "CSAT {{score}}\nfor {{ticketId}}")
                .put("body", "{{#comment}}\"{{comment}}\"{{/comment}} {{ticketUrl}}")));

        MailMessage mail = mails.mailFor(rated("r1", AT, ticket("7"), "good", "Great help")).orElseThrow();

        assertThat(mail.subject()).isEqualTo("CSAT good for 7");
        assertThat(mail.text()).isEqualTo("\"Great help\" https://acme.zendesk.com/agent/tickets/7");
    }

    @Test
    void aBrokenTemplateIsNamedAtStart() {
        assertThatThrownBy(() -> mails(new JsonObject().put("mail", new JsonObject().put("body", "{{#comment}}open"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.body");
    }
}
