package dev.ticketflow.plugins.apology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.RecordingHelpDesk;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApologyToneLinterPluginTest {

    private static final String SCRIPTED = "We apologize for any inconvenience. The runners are back online.";
    private static final String GUILTY = "Sorry, that was our mistake. Approvals reset on new commits, as designed.";
    private static final String SINCERE = "I'm sorry our outage on Tuesday blocked your release; the failover"
            + " took too long and we have fixed the check that should have caught it.";

    private FakePluginContext plugin;

    @BeforeEach
    void startPlugin(Vertx vertx) {
        plugin = FakePluginContext.builder("apology-tone-linter").vertx(vertx).config(new JsonObject()).build();
        ApologyToneLinterPlugin extension = new ApologyToneLinterPlugin();
        extension.register(plugin);
        extension.onStart(plugin).await();
    }

    private static TicketEvent reply(String ticketId, AuthorRole role, boolean isPublic, String body, List<String> tags,
            Map<String, Object> fields) {
        Ticket ticket = new Ticket(ticketId, null, "Pipelines", "open", "normal", tags, null, null, null, null, fields);
        Author author = new Author("a1", role == AuthorRole.AGENT ? "Agent" : "Customer", "x@example.com", role);
        return new TicketEvent("evt-" + ticketId, EventTypes.TICKET_COMMENT_ADDED, null, "test", ticket,
                new Comment("c-" + ticketId, author, body, isPublic), null, null, null);
    }

    @Test
    void subscribesToComments() {
        assertThat(plugin.subscribedPatterns()).containsExactly(EventTypes.TICKET_COMMENT_ADDED);
    }

    @Test
    void findingsOnAnAgentsPublicReplyBecomeOneInternalNote() {
        plugin.deliver(reply("1", AuthorRole.AGENT, true,
                SCRIPTED + " Sorry to bother you, but could you send the logs? Sorry again!", List.of(), Map.of())).await();

        RecordingHelpDesk desk = plugin.helpDesks();
        assertThat(desk.actionsOn("1")).containsExactly("addInternalNote");
        assertThat(desk.internalNotes("1")).singleElement().satisfies(note -> assertThat(note)
                .contains("[scripted_apology, medium]", "[unnecessary_apology, low]", "[over_apology, medium]",
                        "apologize for any inconvenience"));
    }

    @Test
    void aGuiltAdmissionIsFlaggedWhenTheTicketSaysWorksAsIntended() {
        plugin.deliver(reply("2", AuthorRole.AGENT, true, GUILTY, List.of("works-as-intended"), Map.of())).await();

        assertThat(plugin.helpDesks().internalNotes("2")).singleElement()
                .satisfies(note -> assertThat(note).contains("[guilt_admission, high]", "works_as_intended"));
    }

    @Test
    void theContextCanComeFromACustomField() {
        plugin.deliver(reply("3", AuthorRole.AGENT, true, GUILTY, List.of(), Map.of("resolution", "user_error"))).await();

        assertThat(plugin.helpDesks().internalNotes("3")).singleElement()
                .satisfies(note -> assertThat(note).contains("guilt_admission", "customer_error"));
    }

    @Test
    void aSincereApologyForARealOutageLeavesTheTicketAlone() {
        plugin.deliver(reply("4", AuthorRole.AGENT, true, SINCERE, List.of("outage"), Map.of())).await();

        assertThat(plugin.helpDesks().actionsOn("4")).isEmpty();
    }

    @Test
    void aReplyWithoutAnApologyLeavesTheTicketAlone() {
        plugin.deliver(reply("5", AuthorRole.AGENT, true,
                "Approvals reset when new commits are pushed; you can change that in the settings.",
                List.of("works-as-intended"), Map.of())).await();

        assertThat(plugin.helpDesks().actionsOn("5")).isEmpty();
    }

    @Test
    void internalNotesOfAgentsAreIgnored() {
        plugin.deliver(reply("6", AuthorRole.AGENT, false, SCRIPTED, List.of(), Map.of())).await();

        assertThat(plugin.helpDesks().actionsOn("6")).isEmpty();
    }

    @Test
    void customerCommentsAreIgnored() {
        plugin.deliver(reply("7", AuthorRole.END_USER, true, SCRIPTED, List.of(), Map.of())).await();

        assertThat(plugin.helpDesks().actionsOn("7")).isEmpty();
    }

    @Test
    void configuredTagsReplaceTheDefaults(Vertx vertx) {
        FakePluginContext custom = FakePluginContext.builder("apology-tone-linter").vertx(vertx).config(new JsonObject()
                .put("contextTags", new JsonObject().put("customer_error", new JsonArray().add("pebkac")))).build();
        ApologyToneLinterPlugin extension = new ApologyToneLinterPlugin();
        extension.register(custom);
        extension.onStart(custom).await();

        custom.deliver(reply("8", AuthorRole.AGENT, true, GUILTY, List.of("pebkac"), Map.of())).await();
        custom.deliver(reply("9", AuthorRole.AGENT, true, GUILTY, List.of("works-as-intended"), Map.of())).await();

        assertThat(custom.helpDesks().internalNotes("8")).singleElement()
                .satisfies(note -> assertThat(note).contains("guilt_admission"));
        assertThat(custom.helpDesks().internalNotes("9")).as("the default tag no longer counts").isEmpty();
    }
}
