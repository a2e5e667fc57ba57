package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.support.FakeZendesk;
import dev.ticketflow.plugins.zendesk.support.ZendeskContract;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake Zendesk really refuses what Zendesk would refuse, so the outbound tests can fail. */
@ExtendWith(VertxExtension.class)
class ContractGuardTest {

    private static final String AUTH = new Credentials.ApiToken("a@b.test", "t").authorizationHeader();

    @Test
    void theContractDocumentIsPresentBesideTheCheckout() {
        String file = System.getProperty(ZendeskContract.PROPERTY);
        assertThat(file).as("system property " + ZendeskContract.PROPERTY).isNotBlank();
        assertThat(Files.isRegularFile(Path.of(file))).as("Zendesk's OpenAPI document at " + file).isTrue();
    }

    @Test
    void aRequestZendeskWouldRefuseIsAnswered400AndRecordedAsAViolation(Vertx vertx) {
        FakeZendesk zendesk = FakeZendesk.start(vertx, AUTH);
        zendesk.addTicket(1, "x", 2);
        WebClient client = WebClient.create(vertx);
        try {
            HttpResponse<Buffer> response = client.putAbs(zendesk.baseUrl() + "/api/v2/tickets/1")
                    .putHeader("Authorization", AUTH)
                    .sendJsonObject(new JsonObject().put("ticket", new JsonObject().put("priority", "HIGH")))
                    .await();

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(zendesk.violations()).singleElement().asString().contains("validation.request.body.schema.enum");
        } finally {
            client.close();
            zendesk.close().await();
        }
    }

    @Test
    void onlyTheListedGapsAreRelaxed() {
        ZendeskContract contract = ZendeskContract.load();
        Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", AUTH);

        assertThat(contract.violations("PUT", "/api/v2/tickets/1/tags", Map.of(), json,
                "{\"tags\":[\"a\"],\"updated_stamp\":\"2025-01-01T00:00:00Z\",\"safe_update\":\"true\"}"))
                .as("tag bodies: documented by Zendesk, missing from the document").isEmpty();
        assertThat(contract.violations("PUT", "/api/v2/tickets/1", Map.of(), json,
                "{\"ticket\":{\"additional_tags\":[\"a\"]}}"))
                .as("unknown ticket fields are still refused").isNotEmpty();
        assertThat(contract.violations("PUT", "/api/v2/tickets/1.json", Map.of(), json, "{\"ticket\":{}}"))
                .as("suffixed paths are refused").isNotEmpty();
        assertThat(contract.violations("POST", "/api/v2/triggers", Map.of(), json,
                "{\"trigger\":{\"title\":\"t\",\"actions\":[]}}"))
                .as("a trigger without conditions is refused").isNotEmpty();
        assertThat(contract.violations("POST", "/api/v2/webhooks", Map.of(), json,
                "{\"webhook\":{\"name\":\"w\",\"status\":\"on\",\"endpoint\":\"https://x\",\"http_method\":\"POST\","
                        + "\"request_format\":\"json\",\"subscriptions\":[\"conditional_ticket_events\"]}}"))
                .as("a webhook with an unknown status is refused").isNotEmpty();
        assertThat(contract.violations("GET", "/api/v2/search", Map.of("query", List.of("type:ticket")), json, null)).isEmpty();
    }
}
