package dev.ticketflow.plugins.venting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
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
class VentingEscalationPluginTest {

    private static final String VENTING = "This is the worst support I have ever had. Fix it!!";
    private static final String THREAT = "I know where you live. Close my ticket again and see what happens.";

    private FakePluginContext plugin;

    @BeforeEach
    void startPlugin(Vertx vertx) {
        plugin = FakePluginContext.builder("venting-escalation").vertx(vertx).config(new JsonObject()
                .put("managerEmails", new JsonArray().add("lead@support.example.com").add("safety@support.example.com"))
                .put("escalateAfter", 2)).build();
        VentingEscalationPlugin extension = new VentingEscalationPlugin();
        extension.register(plugin);
        extension.onStart(plugin).await();
    }

    @Test
    void subscribesToNewTicketsAndComments() {
        assertThat(plugin.subscribedPatterns())
                .containsExactlyInAnyOrder(EventTypes.TICKET_CREATED, EventTypes.TICKET_COMMENT_ADDED);
    }

    @Test
    void ventingCommentIsTaggedAndGetsADeEscalationNoteWithItsSignals() {
        plugin.deliver(Events.customerComment("e1", "100", VENTING)).await();

        RecordingHelpDesk desk = plugin.helpDesks();
        assertThat(desk.tags("100")).containsExactly("venting", "feedback");
        assertThat(desk.internalNotes("100")).singleElement().satisfies(note -> assertThat(note)
                .contains("Allow the customer to vent", "taken very seriously", "Signals:",
                        "venting.negative_verdict \"worst\""));
        assertThat(desk.ccs("100")).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
        assertThat(plugin.log().lines()).anyMatch(line -> line.contains("classified venting"));
    }

    @Test
    void threatCopiesTheManagersTagsNotesAndRaisesAHighEscalation() {
        plugin.deliver(Events.customerComment("e2", "200", THREAT)).await();

        RecordingHelpDesk desk = plugin.helpDesks();
        assertThat(desk.ccs("200")).containsExactly("lead@support.example.com", "safety@support.example.com");
        assertThat(desk.actionsOn("200").get(0)).as("the managers are copied first").isEqualTo("addCc");
        assertThat(desk.tags("200")).containsExactly("threat");
        assertThat(desk.internalNotes("200")).singleElement().satisfies(note -> assertThat(note)
                .contains("threatened or harassed", "lead@support.example.com", "threat.doxxing"));
        assertThat(plugin.emitted()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("escalation.raised");
            assertThat(event.ticketId()).isEqualTo("200");
            assertThat(event.data()).containsEntry("severity", "high").containsEntry("label", "threat");
            assertThat((List<?>) event.data().get("signals")).isNotEmpty();
        });
    }

    @Test
    void repeatedVentingOnOneTicketRaisesOneLowEscalation() {
        plugin.deliver(Events.customerComment("e3", "300", VENTING)).await();
        assertThat(plugin.emitted()).isEmpty();

        plugin.deliver(Events.customerComment("e4", "300", "Still broken. Still no update. This is ridiculous.")).await();
        plugin.deliver(Events.customerComment("e5", "300", "UNACCEPTABLE. I AM DONE WAITING.")).await();

        assertThat(plugin.emitted()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("escalation.raised");
            assertThat(event.data()).containsEntry("severity", "low").containsEntry("reason", "repeated_venting")
                    .containsEntry("ventingCount", 2);
            assertThat((List<?>) event.data().get("signals")).isNotEmpty();
        });
        assertThat(plugin.helpDesks().internalNotes("300")).hasSize(3);
    }

    @Test
    void aRedeliveredVentingMessageIsCountedOnce() {
        TicketEvent event = Events.customerComment("e6", "400", VENTING);
        plugin.deliver(event).await();
        plugin.deliver(event).await();

        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void ventingOnOtherTicketsDoesNotAddUp() {
        plugin.deliver(Events.customerComment("e7", "500", VENTING)).await();
        plugin.deliver(Events.customerComment("e8", "501", VENTING)).await();

        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void aNormalMessageLeavesTheTicketAlone() {
        plugin.deliver(Events.customerComment("e9", "600",
                "The runner keeps getting OOM killed; I had to kill the process by hand. Any idea?")).await();

        assertThat(plugin.helpDesks().actionsOn("600")).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void agentCommentsAreNotClassified() {
        plugin.deliver(Events.comment("e10", "700", AuthorRole.AGENT, true, THREAT)).await();
        plugin.deliver(Events.comment("e11", "700", AuthorRole.AGENT, false, VENTING)).await();

        assertThat(plugin.helpDesks().actionsOn("700")).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void aNewTicketIsClassifiedByItsFirstComment() {
        Comment first = new Comment("c1", new Author("c1", "Casey", "casey@example.com", AuthorRole.END_USER),
                THREAT, true);
        plugin.deliver(Events.created("e12", "800", "Question about runners", first)).await();

        assertThat(plugin.helpDesks().tags("800")).containsExactly("threat");
    }

    @Test
    void aNewTicketWithoutACommentIsClassifiedByItsSubject() {
        plugin.deliver(Events.created("e13", "900", "WORST SERVICE EVER, FIX YOUR RUNNERS", null)).await();

        assertThat(plugin.helpDesks().tags("900")).containsExactly("venting", "feedback");
    }

    @Test
    void theAssigneesNameCountsAsAPersonToThreaten() {
        plugin.deliver(Events.customerComment("e14", "1000", "Tell Priya I will hurt Priya if this happens again.")).await();

        assertThat(plugin.helpDesks().tags("1000")).containsExactly("threat");
    }

    @Test
    void withoutConfiguredManagersAThreatIsStillTaggedNotedAndEscalated(Vertx vertx) {
        FakePluginContext bare = FakePluginContext.builder("venting-escalation").vertx(vertx).config(new JsonObject()).build();
        VentingEscalationPlugin extension = new VentingEscalationPlugin();
        extension.register(bare);
        extension.onStart(bare).await();

        bare.deliver(Events.customerComment("e15", "1100", THREAT)).await();

        RecordingHelpDesk desk = bare.helpDesks();
        assertThat(desk.ccs("1100")).isEmpty();
        assertThat(desk.internalNotes("1100")).singleElement().satisfies(note -> assertThat(note).contains("managerEmails"));
        assertThat(bare.emitted()).singleElement()
                .satisfies(event -> assertThat(event.data()).containsAllEntriesOf(Map.of("severity", "high")));
    }
}
