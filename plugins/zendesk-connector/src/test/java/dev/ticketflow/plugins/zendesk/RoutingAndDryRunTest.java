package dev.ticketflow.plugins.zendesk;

import static dev.ticketflow.plugins.zendesk.OutboundHelpDeskTest.portFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.support.ConnectorHarness;
import dev.ticketflow.plugins.zendesk.support.FakeZendesk;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RoutingAndDryRunTest {

    private static final String ACME_AUTH = new Credentials.ApiToken("agent@acme.test", "acme-token").authorizationHeader();
    private static final String GLOBEX_AUTH = new Credentials.OAuth("globex-oauth-token").authorizationHeader();

    private ConnectorHarness harness;
    private FakeZendesk acme;
    private FakeZendesk globex;

    @AfterEach
    void stop() {
        harness.close();
        for (FakeZendesk fake : new FakeZendesk[] {acme, globex}) {
            if (fake != null) {
                fake.close().await();
                assertThat(fake.violations()).as("requests Zendesk would refuse").isEmpty();
            }
        }
    }

    @Test
    void eachCallGoesToTheInstanceItsTicketCameFromWithThatInstancesCredentials(Vertx vertx) {
        acme = FakeZendesk.start(vertx, ACME_AUTH);
        globex = FakeZendesk.start(vertx, GLOBEX_AUTH);
        acme.addTicket(7, "acme ticket", 1);
        globex.addTicket(7, "globex ticket", 2);
        harness = ConnectorHarness.start(vertx, new JsonObject().put("instances", new JsonObject()
                .put("acme", live(acme).put("auth", new JsonObject().put("email", "agent@acme.test").put("apiToken", "acme-token")))
                .put("globex", live(globex).put("auth", new JsonObject().put("oauthToken", "globex-oauth-token")))));

        harness.helpDesk().addComment(new TicketRef("zendesk:acme", "7"), "for acme", false).await();
        harness.helpDesk().addComment(new TicketRef("zendesk:globex", "7"), "for globex", true).await();
        TicketSnapshot globexTicket = harness.helpDesk().read(new TicketRef("globex", "7")).await();

        assertThat(acme.comments(7)).extracting(comment -> comment.getString("body")).containsExactly("for acme");
        assertThat(globex.comments(7)).extracting(comment -> comment.getString("body")).containsExactly("for globex");
        assertThat(acme.requests()).allSatisfy(request -> assertThat(request.authorization()).isEqualTo(ACME_AUTH));
        assertThat(globex.requests()).allSatisfy(request -> assertThat(request.authorization()).isEqualTo(GLOBEX_AUTH));
        assertThat(globexTicket.ticket().subject()).isEqualTo("globex ticket");
    }

    @Test
    void aSourceNoInstanceIsConfiguredForIsAnInvalidRequestListingTheKnownOnes(Vertx vertx) {
        acme = FakeZendesk.start(vertx, ACME_AUTH);
        harness = ConnectorHarness.start(vertx, new JsonObject().put("instances", new JsonObject()
                .put("acme", live(acme).put("auth", new JsonObject().put("email", "agent@acme.test").put("apiToken", "acme-token")))
                .put("globex", new JsonObject().put("subdomain", "globex"))));

        var failure = portFailure(harness.helpDesk().addTags(new TicketRef("zendesk:initech", "7"), List.of("x")));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("zendesk:initech").contains("zendesk:acme").contains("zendesk:globex");
        assertThat(acme.requests()).isEmpty();
    }

    @Test
    void anInstanceWithoutCredentialsRunsDryLogsEveryActionAndSendsNothing(Vertx vertx) {
        acme = FakeZendesk.start(vertx, ACME_AUTH);
        acme.addTicket(7, "acme ticket", 1);
        // the environment variables behind auth are unset: empty strings reach the config
        harness = ConnectorHarness.start(vertx, new JsonObject().put("instances", new JsonObject()
                .put("acme", live(acme).put("auth", new JsonObject().put("email", "").put("apiToken", "")))));
        TicketRef ticket = new TicketRef("zendesk:acme", "7");

        harness.helpDesk().addTags(ticket, List.of("feedback")).await();
        harness.helpDesk().removeTags(ticket, List.of("new")).await();
        harness.helpDesk().addComment(ticket, "We are sorry for the trouble.", true).await();
        harness.helpDesk().addCc(ticket, List.of("manager@acme.test")).await();
        harness.helpDesk().assignGroup(ticket, "Refunds").await();
        TicketSnapshot snapshot = harness.helpDesk().read(ticket).await();

        assertThat(acme.requests()).isEmpty();
        String log = harness.plugin().log().all();
        assertThat(log).contains("DRY-RUN: Zendesk instance 'acme'").contains("has no credentials");
        assertThat(log).contains("[dry-run] zendesk:acme ticket 7: would add tags [feedback]")
                .contains("would remove tags [new]")
                .contains("would add a public reply: We are sorry for the trouble.")
                .contains("would add in copy [manager@acme.test]")
                .contains("would assign group 'Refunds'");
        assertThat(snapshot.ticket().id()).isEqualTo("7");
        assertThat(snapshot.comments()).isEmpty();
    }

    @Test
    void withNoInstanceConfiguredAtAllEveryActionRunsDry(Vertx vertx) {
        harness = ConnectorHarness.start(vertx, new JsonObject());

        harness.helpDesk().addTags(new TicketRef("zendesk:anything", "7"), List.of("feedback")).await();

        assertThat(harness.plugin().log().all()).contains("DRY-RUN: no Zendesk instance is configured")
                .contains("would add tags [feedback]");
    }

    @Test
    void secretsNeverReachTheLog(Vertx vertx) {
        acme = FakeZendesk.start(vertx, ACME_AUTH);
        harness = ConnectorHarness.start(vertx, new JsonObject().put("instances", new JsonObject()
                .put("acme", live(acme).put("webhookSecret", "whsec-very-secret")
                        .put("auth", new JsonObject().put("email", "agent@acme.test").put("apiToken", "acme-token")))));

        String log = harness.plugin().log().all();
        assertThat(log).contains("API token of agent@acme.test").doesNotContain("acme-token").doesNotContain("whsec-very-secret");
    }

    private static JsonObject live(FakeZendesk fake) {
        return new JsonObject().put("baseUrl", fake.baseUrl()).put("requestsPerMinute", 60_000).put("retryBaseDelayMillis", 10);
    }
}
