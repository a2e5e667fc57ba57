package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.plugins.gitlab.fakes.Events;
import dev.ticketflow.plugins.gitlab.fakes.Linker;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DryRunTest {

    @Test
    void withoutAnyConfigurationThePluginStartsAndSaysItRunsDry(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, new JsonObject());

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("WARN DRY-RUN: no GitLab token configured (gitlab.token)"));
    }

    @Test
    void aBugIsLoggedWithTheSearchAndTheIssueItWouldCreateAndTheTicketIsLeftAlone(Vertx vertx) {
        JsonObject config = new JsonObject()
                .put("gitlab", new JsonObject().put("url", "https://gitlab.example.com").put("token", ""))
                .put("projects", new JsonArray().add("acme/app"));
        FakePluginContext plugin = Linker.start(vertx, config);

        plugin.deliver(Events.classified("ev-1", "4242", "CSV export crashes on large projects", "bug"), 1).await();

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("INFO DRY-RUN: ticket 4242 (bug): would search [acme/app] for \"projects crashes\"")
                .contains("or else create \"Customer report: CSV export crashes on large projects\" in acme/app")
                .contains("labels [customer, bug], confidential")
                .contains("tag the ticket gitlab-issue-linked and emit issue.linked"));
        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
        assertThat(plugin.store().values()).as("nothing remembered: a replay after set-up links for real").isEmpty();
    }

    @Test
    void aFeatureProposalIsLoggedWithTheTrackersItWouldOffer(Vertx vertx) {
        JsonObject config = new JsonObject()
                .put("gitlab", new JsonObject().put("url", "https://gitlab.example.com/"))
                .put("projects", new JsonArray().add("acme/app"));
        FakePluginContext plugin = Linker.start(vertx, config);

        plugin.deliver(Events.classified("ev-2", "4243", "Please add dark mode", "feature_proposal"), 1).await();

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("INFO DRY-RUN: ticket 4243 (feature proposal): would reply with the tracker links"
                        + " [https://gitlab.example.com/acme/app/-/issues] and tag the ticket feature-proposal-guided"));
        assertThat(plugin.helpDesks().calls()).isEmpty();
    }

    @Test
    void eventsThatAreNotForThePluginAreNotLogged(Vertx vertx) {
        FakePluginContext plugin = Linker.start(vertx, new JsonObject());

        plugin.deliver(Events.classified("ev-3", "4244", "Refund please", "refund"), 1).await();

        assertThat(plugin.log().lines()).noneSatisfy(line -> assertThat(line).contains("4244"));
    }

    @Test
    void aTokenWithoutProjectsIsRefusedNamingTheKey(Vertx vertx) {
        JsonObject config = new JsonObject()
                .put("gitlab", new JsonObject().put("url", "https://gitlab.example.com").put("token", Linker.TOKEN));

        assertThatThrownBy(() -> Linker.start(vertx, config)).hasMessageStartingWith("projects:");
    }

    @Test
    void aTokenWithoutUrlIsRefusedNamingTheKey(Vertx vertx) {
        JsonObject config = new JsonObject().put("gitlab", new JsonObject().put("token", Linker.TOKEN))
                .put("projects", new JsonArray(List.of("acme/app")));

        assertThatThrownBy(() -> Linker.start(vertx, config)).hasMessageContaining("gitlab.url");
    }
}
