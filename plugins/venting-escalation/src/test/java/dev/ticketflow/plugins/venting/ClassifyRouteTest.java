package dev.ticketflow.plugins.venting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.HookServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The classify route, mounted under /hooks/venting-escalation/ as the platform mounts it, over real HTTP. */
@ExtendWith(VertxExtension.class)
class ClassifyRouteTest {

    private HookServer hooks;

    @BeforeEach
    void start(Vertx vertx) {
        FakePluginContext plugin = FakePluginContext.builder("venting-escalation").vertx(vertx).config(new JsonObject()).build();
        VentingEscalationPlugin extension = new VentingEscalationPlugin();
        extension.register(plugin);
        extension.onStart(plugin).await();
        hooks = HookServer.serve(plugin);
    }

    @AfterEach
    void stop() {
        hooks.close();
    }

    private HttpResponse<Buffer> post(String body) {
        return hooks.postJson("classify", body);
    }

    @Test
    void classifiesAThreatAndExplainsWhy() {
        HttpResponse<Buffer> response = post(new JsonObject()
                .put("text", "it would be a shame if something happened to your kids").encode());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("label")).isEqualTo("threat");
        assertThat(body.getJsonArray("signals")).isNotEmpty();
        JsonObject signal = body.getJsonArray("signals").getJsonObject(0);
        assertThat(signal.getString("rule")).startsWith("threat.");
        assertThat(signal.getString("text")).isNotBlank();
        assertThat(signal.getInteger("end")).isGreaterThan(signal.getInteger("start"));
    }

    @Test
    void classifiesAPlainQuestionAsNormalWithoutSignals() {
        JsonObject body = post(new JsonObject().put("text", "How do I kill a stuck pipeline from the API?").encode())
                .bodyAsJsonObject();

        assertThat(body.getString("label")).isEqualTo("normal");
        assertThat(body.getJsonArray("signals")).isEmpty();
    }

    @Test
    void staffNamesInTheRequestCountAsTargets() {
        JsonObject body = post(new JsonObject().put("text", "I will hurt Dana.")
                .put("staffNames", new io.vertx.core.json.JsonArray().add("Dana")).encode()).bodyAsJsonObject();

        assertThat(body.getString("label")).isEqualTo("threat");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertProblem(post("this is not json"), 400);
    }

    @Test
    void rejectsABodyWithoutText() {
        HttpResponse<Buffer> response = post(new JsonObject().put("message", "hi").encode());

        assertProblem(response, 400);
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("'text'");
    }

    @Test
    void rejectsTextThatIsNotAString() {
        assertProblem(post(new JsonObject().put("text", 42).encode()), 400);
    }

    @Test
    void rejectsStaffNamesThatAreNotStrings() {
        assertProblem(post(new JsonObject().put("text", "hi").put("staffNames", "Dana").encode()), 400);
    }

    @Test
    void rejectsAnOversizedBody() {
        assertProblem(post(new JsonObject().put("text", "a".repeat(ClassifyRoute.MAX_BODY_BYTES)).encode()), 413);
    }

    private static void assertProblem(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("https://ticketflow.dev/problems/");
        assertThat(problem.getString("detail")).isNotBlank();
    }
}
