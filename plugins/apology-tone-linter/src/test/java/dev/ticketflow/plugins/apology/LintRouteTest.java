package dev.ticketflow.plugins.apology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.HookServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lint route, mounted under /hooks/apology-tone-linter/ as the platform mounts it, over real HTTP. */
@ExtendWith(VertxExtension.class)
class LintRouteTest {

    private HookServer hooks;

    @BeforeEach
    void start(Vertx vertx) {
        FakePluginContext plugin = FakePluginContext.builder("apology-tone-linter").vertx(vertx).config(new JsonObject()).build();
        ApologyToneLinterPlugin extension = new ApologyToneLinterPlugin();
        extension.register(plugin);
        extension.onStart(plugin).await();
        hooks = HookServer.serve(plugin);
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    private HttpResponse<Buffer> post(String body) {
        return hooks.postJson("lint", body);
    }

    @Test
    void lintsADraftWithAContextId() {
        HttpResponse<Buffer> response = post(new JsonObject()
                .put("text", "I'm sorry, but that's how the feature is designed to work.")
                .put("context", "works_as_intended").encode());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("context")).isEqualTo("works_as_intended");
        assertThat(body.getBoolean("clean")).isFalse();
        JsonObject finding = body.getJsonArray("findings").getJsonObject(0);
        assertThat(finding.getString("rule")).isEqualTo("non_apology");
        assertThat(finding.getString("severity")).isEqualTo("high");
        assertThat(finding.getInteger("start")).as("the span starts at the apology word").isEqualTo(4);
        assertThat(finding.getString("text")).startsWith("sorry, but that's how");
        assertThat(finding.getString("hint")).isNotBlank();
    }

    @Test
    void resolvesTheContextFromTicketTagsAndFields() {
        JsonObject body = post(new JsonObject()
                .put("text", "Sorry, that was our error: your token had expired.")
                .put("context", new JsonObject().put("tags", new JsonArray().add("user-error"))).encode())
                .bodyAsJsonObject();

        assertThat(body.getString("context")).isEqualTo("customer_error");
        assertThat(body.getJsonArray("findings").getJsonObject(0).getString("rule")).isEqualTo("guilt_admission");
    }

    @Test
    void aCleanDraftHasNoFindings() {
        JsonObject body = post(new JsonObject().put("text", "The fix is live; your pipelines should pass now.").encode())
                .bodyAsJsonObject();

        assertThat(body.getString("context")).isEqualTo("unknown");
        assertThat(body.getBoolean("clean")).isTrue();
        assertThat(body.getJsonArray("findings")).isEmpty();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertProblem(post("{not json"), 400);
    }

    @Test
    void rejectsABodyWithoutText() {
        assertProblem(post(new JsonObject().put("context", "unknown").encode()), 400);
    }

    @Test
    void rejectsAnUnknownContext() {
        HttpResponse<Buffer> response = post(new JsonObject().put("text", "hi").put("context", "blame_the_moon").encode());

        assertProblem(response, 400);
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("works_as_intended");
    }

    @Test
    void rejectsTagsThatAreNotAnArray() {
        assertProblem(post(new JsonObject().put("text", "hi")
                .put("context", new JsonObject().put("tags", "bug")).encode()), 400);
    }

    private static void assertProblem(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("detail")).isNotBlank();
    }
}
