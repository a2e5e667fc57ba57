package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.provision.ProvisioningResult.Outcome;
import dev.ticketflow.plugins.zendesk.provision.ProvisioningResult;
import dev.ticketflow.plugins.zendesk.provision.ZendeskProvisioner;
import dev.ticketflow.plugins.zendesk.support.ConnectorHarness;
import dev.ticketflow.plugins.zendesk.support.FakeZendesk;
import dev.ticketflow.plugins.zendesk.support.Fixtures;
import dev.ticketflow.plugins.zendesk.support.RecordedRequest;
import dev.ticketflow.testkit.fakes.InMemoryStore;
import dev.ticketflow.testkit.fakes.RecordingLog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ZendeskProvisionerTest {

    private static final String AUTH = new Credentials.ApiToken("admin@acme.test", "admin-token").authorizationHeader();
    private static final URI PUBLIC_URL = URI.create("https://ticketflow.acme.test/");
    private static final String ENDPOINT = "https://ticketflow.acme.test/hooks/zendesk-connector/acme";

    private FakeZendesk zendesk;
    private InMemoryStore store;
    private JsonObject config;
    private ZendeskProvisioner provisioner;

    @BeforeEach
    void start(Vertx vertx) {
        zendesk = FakeZendesk.start(vertx, AUTH);
        store = new InMemoryStore();
        config = new JsonObject().put("instances", new JsonObject().put("acme", new JsonObject()
                .put("baseUrl", zendesk.baseUrl())
                .put("auth", new JsonObject().put("email", "admin@acme.test").put("apiToken", "admin-token"))
                .put("requestsPerMinute", 60_000)));
        provisioner = new ZendeskProvisioner(vertx, config, store, new RecordingLog());
    }

    @AfterEach
    void stop() {
        provisioner.close();
        zendesk.close().await();
        assertThat(zendesk.violations()).as("requests Zendesk would refuse").isEmpty();
    }

    @Test
    void theFirstRunCreatesBothWebhooksAndTheSatisfactionTriggerAndStoresTheSecrets() {
        ProvisioningResult result = provisioner.install("acme", PUBLIC_URL).await();

        assertThat(result.endpoint()).isEqualTo(ENDPOINT);
        assertThat(result.items()).extracting(ProvisioningResult.Item::kind, ProvisioningResult.Item::outcome).containsExactly(
                tuple("webhook", Outcome.CREATED), tuple("webhook", Outcome.CREATED), tuple("trigger", Outcome.CREATED));
        Map<String, JsonObject> webhooks = zendesk.webhooks();
        JsonObject events = byName(webhooks, "Ticketflow events (acme)");
        JsonObject triggers = byName(webhooks, "Ticketflow triggers (acme)");
        assertThat(events.getString("endpoint")).isEqualTo(ENDPOINT);
        assertThat(events.getJsonArray("subscriptions").getList())
                .contains("zen:event-type:ticket.created", "zen:event-type:ticket.comment_added", "zen:event-type:ticket.status_changed");
        assertThat(triggers.getJsonArray("subscriptions").getList()).containsExactly("conditional_ticket_events");
        JsonObject trigger = zendesk.triggers().values().iterator().next();
        assertThat(trigger.getString("title")).isEqualTo("Ticketflow: satisfaction rating (acme)");
        JsonArray action = trigger.getJsonArray("actions").getJsonObject(0).getJsonArray("value");
        assertThat(action.getString(0)).isEqualTo(triggers.getString("id"));
        assertThat(new JsonObject(action.getString(1)).getString("event_type")).isEqualTo("ticket.rated");
        assertThat(action.getString(1)).contains("{{satisfaction.current_rating}}");
        assertThat(result.signingSecrets()).containsExactly(
                FakeZendesk.secretOf(events.getString("id")), FakeZendesk.secretOf(triggers.getString("id")));
        assertThat(new JsonArray(store.values().get("webhook-secrets:acme")).getList()).containsExactlyElementsOf(result.signingSecrets());
        assertThat(result.toString()).doesNotContain(result.signingSecrets().get(0));
    }

    @Test
    void aSecondRunFindsEverythingByNameAndCreatesNothingTwice() {
        provisioner.install("acme", PUBLIC_URL).await();
        int writesAfterFirstRun = zendesk.writes().size();

        ProvisioningResult second = provisioner.install("acme", PUBLIC_URL).await();

        assertThat(second.changedAnything()).isFalse();
        assertThat(second.items()).extracting(ProvisioningResult.Item::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(zendesk.writes()).hasSize(writesAfterFirstRun);
        assertThat(zendesk.webhooks()).hasSize(2);
        assertThat(zendesk.triggers()).hasSize(1);
        assertThat(new JsonArray(store.values().get("webhook-secrets:acme"))).hasSize(2);
    }

    @Test
    void aWebhookChangedInZendeskIsPutBackInsteadOfDuplicated() {
        provisioner.install("acme", PUBLIC_URL).await();
        String eventsId = byName(zendesk.webhooks(), "Ticketflow events (acme)").getString("id");
        zendesk.editWebhook(eventsId, "endpoint", "https://old-host.acme.test/hooks/zendesk-connector/acme");

        ProvisioningResult again = provisioner.install("acme", PUBLIC_URL).await();

        assertThat(again.items()).filteredOn(item -> item.outcome() == Outcome.UPDATED)
                .extracting(ProvisioningResult.Item::id).containsExactly(eventsId);
        assertThat(zendesk.webhooks().get(eventsId).getString("endpoint")).isEqualTo(ENDPOINT);
        assertThat(zendesk.webhooks()).hasSize(2);
        List<RecordedRequest> puts = zendesk.writes().stream().filter(request -> request.method().equals("PUT")).toList();
        assertThat(puts).singleElement().satisfies(put -> assertThat(put.path()).isEqualTo("/api/v2/webhooks/" + eventsId));
    }

    @Test
    void anInstanceWithoutCredentialsCannotBeInstalled(Vertx vertx) {
        ZendeskProvisioner dry = new ZendeskProvisioner(vertx,
                new JsonObject().put("instances", new JsonObject().put("acme", new JsonObject().put("subdomain", "acme"))),
                store, new RecordingLog());
        try {
            Throwable failure = catchThrowable(() -> dry.install("acme", PUBLIC_URL).await());

            assertThat(failure).hasMessageContaining("has no credentials");
            assertThat(zendesk.requests()).isEmpty();
        } finally {
            dry.close();
        }
    }

    @Test
    void aWebhookSignedWithTheInstalledSecretIsAcceptedByTheConnector(Vertx vertx) {
        ProvisioningResult result = provisioner.install("acme", PUBLIC_URL).await();
        ConnectorHarness harness = ConnectorHarness.start(vertx, config);
        try {
            // the connector reads the same store the installer wrote to
            harness.plugin().store().put("webhook-secrets:acme", store.values().get("webhook-secrets:acme"));

            var response = harness.postSigned("acme", result.signingSecrets().get(1), Fixtures.read("trigger-rated-bad.json"), "inv-9");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(harness.plugin().ingested()).singleElement()
                    .satisfies(ingested -> assertThat(ingested.event().rating().isBad()).isTrue());
        } finally {
            harness.close();
        }
    }

    private static JsonObject byName(Map<String, JsonObject> webhooks, String name) {
        return webhooks.values().stream().filter(webhook -> webhook.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
