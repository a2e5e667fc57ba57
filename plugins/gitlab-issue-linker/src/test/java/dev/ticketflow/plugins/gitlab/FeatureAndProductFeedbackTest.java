package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.plugins.gitlab.fakes.Events;
import dev.ticketflow.plugins.gitlab.fakes.FakeGitLab;
import dev.ticketflow.plugins.gitlab.fakes.Linker;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.RecordingHelpDesk;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FeatureAndProductFeedbackTest {

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
    void aFeatureProposalGetsTheTrackerLinksAndATagButNoIssue(Vertx vertx) {
        JsonObject config = Linker.config(gitlab).put("trackers", new JsonArray()
                .add(new JsonObject().put("name", "Community Edition").put("url", "https://gitlab.com/gitlab-org/gitlab-ce/issues"))
                .add(new JsonObject().put("name", "Enterprise Edition").put("url", "https://gitlab.com/gitlab-org/gitlab-ee/issues")));
        FakePluginContext plugin = Linker.start(vertx, config);

        plugin.deliver(Events.classified("ev-20", "3001", "Please add dark mode", "feature_proposal"), 1).await();
        plugin.deliver(Events.classified("ev-20", "3001", "Please add dark mode", "feature_proposal"), 2).await();

        assertThat(gitlab.requests).isEmpty();
        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains("Community Edition: https://gitlab.com/gitlab-org/gitlab-ce/issues")
                .contains("Enterprise Edition: https://gitlab.com/gitlab-org/gitlab-ee/issues")
                .contains("open them yourself"));
        assertThat(plugin.helpDesks().calls("addTags")).extracting(RecordingHelpDesk.Call::text).containsExactly("feature-proposal-guided");
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void withoutConfiguredTrackersTheProjectsIssueListIsOffered(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-21", "3002", "Bulk edit for labels", "feature_proposal"), 1).await();

        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains(gitlab.url() + "/acme/app/-/issues"));
    }

    @Test
    void productFeedbackIsAddedToAMatchingIssueAndTheCustomerIsAskedForMore(Vertx vertx) {
        JsonObject existing = gitlab.addIssue("Navigation sidebar is confusing", "Feedback collection", List.of("ux"));
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-22", "3003", "The new sidebar navigation is confusing", "product_feedback"), 1).await();

        assertThat(gitlab.createdIssues()).isEmpty();
        assertThat(gitlab.notesOf(existing.getLong("iid"))).singleElement().satisfies(note ->
                assertThat(note.getString("body")).startsWith("Customer feedback on this").contains("tickets/3003"));
        assertThat(plugin.helpDesks().calls("addPublicReply")).singleElement().satisfies(reply -> assertThat(reply.text())
                .contains("passed your feedback on to our product team").contains(existing.getString("web_url"))
                .contains("anything else"));
        assertThat(plugin.emitted()).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("kind", "product_feedback"));
    }

    @Test
    void productFeedbackWithoutAMatchOpensAnIssueWithTheFeedbackLabels(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-23", "3004", "Notification emails too frequent", "product_feedback"), 1).await();

        assertThat(gitlab.createdIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.getString("title")).isEqualTo("Customer feedback: Notification emails too frequent");
            assertThat(issue.getJsonArray("labels").getList()).containsExactly("customer", "feedback");
        });
    }

    @Test
    void otherCategoriesAreIgnored(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, Linker.config(gitlab));

        plugin.deliver(Events.classified("ev-24", "3005", "I want my money back", "refund"), 1).await();

        assertThat(gitlab.requests).isEmpty();
        assertThat(plugin.helpDesks().calls()).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotCompileStopsThePluginWithItsName(Vertx vertx) {
        JsonObject config = Linker.config(gitlab).put("templates", new JsonObject().put("bugReply", "See {{#issue}}{{url}}"));

        assertThatThrownBy(() -> Linker.start(vertx, config))
                .hasMessageContaining("templates.bugReply").hasMessageContaining("does not compile");
    }
}
