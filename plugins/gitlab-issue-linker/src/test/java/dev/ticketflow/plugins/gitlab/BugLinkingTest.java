package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.gitlab.fakes.Events;
import dev.ticketflow.plugins.gitlab.fakes.FakeGitLab;
import dev.ticketflow.plugins.gitlab.fakes.Linker;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.RecordingHelpDesk;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BugLinkingTest {

    private FakeGitLab gitlab;

    @BeforeEach
    void startGitLab(Vertx vertx) {
        gitlab = FakeGitLab.start(vertx, Linker.TOKEN, false).await();
    }

    @AfterEach
    void noShapeViolations() {
        assertThat(gitlab.violations).isEmpty();
        gitlab.close().await();
    }

    @Test
    void bugMatchingAnOpenIssueAddsANoteRepliesWithTheLinkTagsAndEmitsIssueLinked(Vertx vertx) {
        JsonObject existing = gitlab.addIssue("Export to CSV crashes on large projects", "Stack trace attached", List.of("bug"));
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-1", "5158", "CSV export crashes for big project", "bug"), 1).await();

        assertThat(gitlab.createdIssues()).isEmpty();
        List<JsonObject> notes = gitlab.notesOf(existing.getLong("iid"));
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note.getString("body")).contains("https://acme.zendesk.com/agent/tickets/5158")
                    .contains("CSV export crashes for big project").doesNotContain("Jane").doesNotContain("jane.roe");
            assertThat(note.getBoolean("internal")).isFalse();
        });
        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains(existing.getString("web_url")).contains("subscribe").contains("take part"));
        assertThat(plugin.helpDesks().calls("addTags")).extracting(RecordingHelpDesk.Call::text).containsExactly("gitlab-issue-linked");
        assertThat(plugin.emitted()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("issue.linked");
            assertThat(event.data()).containsEntry("iid", existing.getLong("iid")).containsEntry("created", false)
                    .containsEntry("url", existing.getString("web_url")).containsEntry("kind", "bug");
        });
    }

    @Test
    void bugWithoutAMatchCreatesAConfidentialIssueFromTheTemplateWithoutPersonalData(Vertx vertx) {
        gitlab.addIssue("Dark mode request", "Unrelated", List.of("feature"));
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));
        TicketEvent event = Events.created("ev-2", "6001", "Login fails with SAML timeout", List.of("feedback"),
                "Hi, I am Jane Roe (jane.roe@customer.example, +1 555 123 4567). SAML login times out after 30s.")
                .withComment(Events.customerComment(
                        "Hi, I am Jane Roe (jane.roe@customer.example, +1 555 123 4567). SAML login times out after 30s."));
        plugin.deliver(new TicketEvent(event.id(), "feedback.classified", event.occurredAt(), event.source(),
                event.ticket(), event.comment(), null, null, java.util.Map.of("category", "bug")), 1).await();

        assertThat(gitlab.createdIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.getString("title")).isEqualTo("Customer report: Login fails with SAML timeout");
            assertThat(issue.getBoolean("confidential")).isTrue();
            assertThat(issue.getJsonArray("labels").getList()).containsExactly("customer", "bug");
            assertThat(issue.getString("description"))
                    .contains("[#6001](https://acme.zendesk.com/agent/tickets/6001)")
                    .contains("SAML login times out after 30s")
                    .doesNotContain("Jane").doesNotContain("jane.roe@customer.example").doesNotContain("555 123")
                    .contains("ticketflow-ticket:zendesk:acme/6001");
        });
        assertThat(gitlab.notes).isEmpty();
        JsonObject created = gitlab.createdIssues().get(0);
        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains(created.getString("web_url")).contains("confidential"));
        assertThat(plugin.emitted()).singleElement()
                .satisfies(linked -> assertThat(linked.data()).containsEntry("created", true));
    }

    @Test
    void customerDetailsReachGitLabOnlyWhenConfigured(Vertx vertx) {
        JsonObject config = Linker.config(gitlab).put("privacy", new JsonObject().put("includeCustomerDetails", true));
        FakePluginContext plugin = Linker.start(vertx, config);
        plugin.helpDesks().putTicket("7001", Ticket.withId("7001"), List.of(Events.customerComment("Jane Roe here: the importer drops rows")));

        plugin.deliver(Events.classified("ev-3", "7001", "Importer drops rows", "bug"), 1).await();

        assertThat(gitlab.createdIssues()).singleElement().satisfies(issue -> assertThat(issue.getString("description"))
                .contains("Jane Roe here: the importer drops rows").contains("jane.roe&#64;customer.example"));
    }

    @Test
    void theSameEventDeliveredAgainCreatesNoSecondIssueNoteReplyOrEvent(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));
        TicketEvent event = Events.classified("ev-4", "8001", "Webhooks stop after upgrade", "bug");

        plugin.deliver(event, 1).await();
        plugin.deliver(event, 2).await();
        plugin.deliver(event, 3).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        assertThat(plugin.helpDesks().calls("addPublicReply")).hasSize(1);
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void anotherEventAboutTheSameTicketChangesNothing(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-5", "8101", "Webhooks stop after upgrade", "bug"), 1).await();
        plugin.deliver(Events.classified("ev-6", "8101", "Webhooks stop after upgrade", "bug"), 1).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        assertThat(plugin.helpDesks().calls("addPublicReply")).hasSize(1);
    }

    @Test
    void aSecondTicketAboutTheSameBugGetsANoteOnTheIssueTheFirstOneCreated(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-7", "9001", "Pipeline editor freezes on save", "bug"), 1).await();
        plugin.deliver(Events.classified("ev-8", "9002", "Pipeline editor freezes when I save", "bug"), 1).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        long iid = gitlab.createdIssues().get(0).getLong("iid");
        assertThat(gitlab.notesOf(iid)).singleElement()
                .satisfies(note -> assertThat(note.getString("body")).contains("tickets/9002"));
        assertThat(plugin.store().values()).containsKeys("link/42#" + iid + "/0", "link/42#" + iid + "/1");
    }

    @Test
    void aReplyThatFailedIsRetriedWithoutASecondIssue(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));
        TicketEvent event = Events.classified("ev-9", "9101", "Merge trains skip jobs", "bug");
        plugin.helpDesks().failNext("addPublicReply", 1);

        assertThat(plugin.deliver(event, 1).toCompletionStage().toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(30));
        plugin.deliver(event, 2).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        assertThat(plugin.helpDesks().calls("addPublicReply")).hasSize(1);
        assertThat(plugin.helpDesks().calls("addTags")).hasSize(1);
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void anIssueCreatedWhoseResponseWasLostIsFoundByItsMarkerInsteadOfCreatedAgain(Vertx vertx) {
        gitlab.loseNextWriteResponse = true;
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-10", "9201", "Runner cache upload fails", "bug"), 1).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains(gitlab.createdIssues().get(0).getString("web_url")));
    }

    @Test
    void aTaggedTicketTriggersWhenTagsAreConfigured(Vertx vertx) {
        JsonObject config = Linker.config(gitlab).put("triggers", new JsonObject()
                .put("bug", new JsonObject().put("tags", new io.vertx.core.json.JsonArray().add("bug_report"))));
        FakePluginContext plugin = Linker.start(vertx, config);

        plugin.deliver(Events.created("ev-11", "9301", "Search ignores archived projects", List.of("bug_report"), "Search is wrong"), 1).await();
        plugin.deliver(Events.created("ev-12", "9302", "Search ignores archived projects", List.of("question"), "Search?"), 1).await();

        assertThat(gitlab.createdIssues()).hasSize(1);
        assertThat(plugin.helpDesks().calls()).allMatch(call -> call.ticketId().equals("9301"));
    }

    @Test
    void aTicketAlreadyTaggedAsLinkedIsLeftAlone(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));
        TicketEvent event = Events.classified("ev-13", "9401", "Wiki search broken", "bug");
        TicketEvent linked = new TicketEvent(event.id(), event.type(), event.occurredAt(), event.source(),
                event.ticket().withTags(List.of("gitlab-issue-linked")), null, null, null, event.data());

        plugin.deliver(linked, 1).await();

        assertThat(gitlab.requests).isEmpty();
        assertThat(plugin.helpDesks().calls()).isEmpty();
    }
}
