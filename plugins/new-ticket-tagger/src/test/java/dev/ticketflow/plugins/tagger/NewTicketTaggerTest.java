package dev.ticketflow.plugins.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.testkit.Published;
import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NewTicketTaggerTest {

    @RegisterExtension
    static TicketflowTestKit kit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
            .withConfig(new JsonObject().put("tag", "fresh"));

    @Test
    void tagsEveryNewTicketWithTheConfiguredTag() {
        Published published = kit.publish(TestEvents.created("42", "Printer on fire"));

        assertThat(published.allSucceeded()).isTrue();
        assertThat(published.outcome("new-ticket-tagger")).isNotNull();
        assertThat(kit.helpDesk().tagsAdded("42")).containsExactly("fresh");
    }

    @Test
    void leavesOtherEventsAlone() {
        Published published = kit.publish(TestEvents.customerComment("43", "Any news?"));

        assertThat(published.outcomes()).isEmpty();
        assertThat(kit.helpDesk().commands()).isEmpty();
    }

    @Test
    void aFailingHelpDeskFailsTheDelivery() {
        kit.helpDesk().failNext("Zendesk said 422");

        Published published = kit.publish(TestEvents.created("44", "Broken"));

        assertThat(published.allSucceeded()).isFalse();
        assertThat(published.outcome("new-ticket-tagger").error()).contains("Zendesk said 422");
    }

    @Test
    void refusesAConfigThatFailsItsSchemaNamingTheField() {
        TicketflowTestKit badKit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
                .withConfig(new JsonObject().put("tag", "Not A Tag!"));
        try (badKit) {
            assertThatThrownBy(badKit::start)
                    .hasMessageContaining("new-ticket-tagger")
                    .hasMessageContaining("tag");
        }
    }
}
