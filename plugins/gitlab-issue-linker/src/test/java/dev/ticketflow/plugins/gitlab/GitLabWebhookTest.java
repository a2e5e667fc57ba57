package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.gitlab.fakes.Events;
import dev.ticketflow.plugins.gitlab.fakes.FakeGitLab;
import dev.ticketflow.plugins.gitlab.fakes.Linker;
import dev.ticketflow.plugins.gitlab.webhook.StandardWebhookSignature;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.RecordingHelpDesk;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GitLabWebhookTest {

    private static final String SIGNING_SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private FakeGitLab gitlab;
    private HttpServer server;
    private WebClient web;

    @BeforeEach
    void start(Vertx vertx) {
        gitlab = FakeGitLab.start(vertx, Linker.TOKEN, false).await();
        web = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        assertThat(gitlab.violations).isEmpty();
        web.close();
        if (server != null) {
            server.close().await();
        }
        gitlab.close().await();
    }

    /** The plugin with its router served as the platform mounts it, and two tickets on one issue. */
    private FakePluginContext linkedPlugin(Vertx vertx, JsonObject config) {
        FakePluginContext plugin = Linker.start(vertx, config);
        Router root = Router.router(vertx);
        root.route("/hooks/gitlab-issue-linker/*").subRouter(plugin.router());
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
        plugin.deliver(Events.classified("ev-1", "101", "Geo replication stalls on large repos", "bug"), 1).await();
        plugin.deliver(Events.classified("ev-2", "102", "Geo replication stalls for big repos", "bug"), 1).await();
        plugin.deliver(Events.classified("ev-3", "103", "Dark theme contrast too low", "bug"), 1).await();
        assertThat(gitlab.createdIssues()).hasSize(2);
        plugin.helpDesks().clearCalls();
        return plugin;
    }

    private long geoIssue() {
        return gitlab.createdIssues().get(0).getLong("iid");
    }

    private static JsonObject issueHook(long iid, String action, JsonObject changes) {
        return new JsonObject().put("object_kind", "issue").put("event_type", "issue")
                .put("user", new JsonObject().put("id", 1).put("name", "Ada Admin").put("username", "ada"))
                .put("project", new JsonObject().put("id", FakeGitLab.PROJECT_ID).put("name", "App")
                        .put("path_with_namespace", FakeGitLab.PROJECT_PATH))
                .put("object_attributes", new JsonObject().put("id", 9000 + iid).put("iid", iid)
                        .put("project_id", FakeGitLab.PROJECT_ID).put("title", "Geo replication")
                        .put("state", "close".equals(action) ? "closed" : "opened").put("action", action)
                        .put("url", "https://gitlab.example.com/acme/app/-/issues/" + iid)
                        .put("labels", new JsonArray()))
                .put("changes", changes)
                .put("repository", new JsonObject().put("name", "App"));
    }

    private MultiMap gitlabHeaders(String token, String idempotencyKey) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json").add("X-Gitlab-Event", "Issue Hook")
                .add("X-Gitlab-Webhook-UUID", UUID.randomUUID().toString())
                .add("X-Gitlab-Event-UUID", "7e1b5c1e-0000-4000-8000-000000000001")
                .add("X-Gitlab-Instance", "https://gitlab.example.com");
        if (token != null) {
            headers.add("X-Gitlab-Token", token);
        }
        if (idempotencyKey != null) {
            headers.add("Idempotency-Key", idempotencyKey);
        }
        return headers;
    }

    private HttpResponse<Buffer> post(MultiMap headers, String body) {
        return web.post(server.actualPort(), "127.0.0.1", "/hooks/gitlab-issue-linker/webhook")
                .putHeaders(headers).sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    void aMissingOrWrongTokenIsRefusedAndChangesNothing(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));
        String body = issueHook(geoIssue(), "close", new JsonObject()).encode();

        HttpResponse<Buffer> missing = post(gitlabHeaders(null, "k-1"), body);
        HttpResponse<Buffer> wrong = post(gitlabHeaders("hook-secret-abcdeX", "k-1"), body);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(wrong.bodyAsString()).doesNotContain(Linker.HOOK_TOKEN);
        assertThat(plugin.helpDesks().calls()).isEmpty();
    }

    @Test
    void aClosedIssueAddsAnInternalNoteToEveryLinkedTicketAndNoOther(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));

        HttpResponse<Buffer> response = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-2"),
                issueHook(geoIssue(), "close", new JsonObject()).encode());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("result", "processed").put("tickets", 2));
        assertThat(plugin.helpDesks().calls("addInternalNote")).extracting(RecordingHelpDesk.Call::ticketId).containsExactly("101", "102");
        assertThat(plugin.helpDesks().calls("addInternalNote")).allSatisfy(note -> assertThat(note.text())
                .contains("acme/app#" + geoIssue()).contains("was closed").contains("by Ada Admin"));
        assertThat(plugin.helpDesks().calls("addPublicReply")).isEmpty();
    }

    @Test
    void aRedeliveredHookWithTheSameIdempotencyKeyAddsNothing(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));
        String body = issueHook(geoIssue(), "close", new JsonObject()).encode();

        post(gitlabHeaders(Linker.HOOK_TOKEN, "k-3"), body);
        HttpResponse<Buffer> again = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-3"), body);

        assertThat(again.bodyAsJsonObject().getString("result")).isEqualTo("duplicate");
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(2);
    }

    @Test
    void withoutAnIdempotencyKeyTheEventUuidAndBodyIdentifyTheEvent(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));
        String body = issueHook(geoIssue(), "reopen", new JsonObject()).encode();

        post(gitlabHeaders(Linker.HOOK_TOKEN, null), body);
        post(gitlabHeaders(Linker.HOOK_TOKEN, null), body);

        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(2)
                .allSatisfy(note -> assertThat(note.text()).contains("was reopened"));
    }

    @Test
    void aHookThatFailedHalfWayIsResentAndAddsOnlyTheMissingNote(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));
        String body = issueHook(geoIssue(), "close", new JsonObject()).encode();
        plugin.helpDesks().failNext("addInternalNote", "102", 1);

        HttpResponse<Buffer> failed = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-4"), body);
        assertThat(plugin.helpDesks().calls("addInternalNote")).extracting(RecordingHelpDesk.Call::ticketId).containsExactly("101");
        HttpResponse<Buffer> resent = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-4"), body);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(plugin.helpDesks().calls("addInternalNote")).extracting(RecordingHelpDesk.Call::ticketId).containsExactly("101", "102");
    }

    @Test
    void aHookThatFailsAnswers500SoGitLabCanResendIt(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));
        String body = issueHook(geoIssue(), "close", new JsonObject()).encode();
        plugin.helpDesks().failNext("addInternalNote", 1);

        HttpResponse<Buffer> failed = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-5"), body);
        HttpResponse<Buffer> resent = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-5"), body);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(plugin.helpDesks().calls("addInternalNote")).extracting(RecordingHelpDesk.Call::ticketId).containsExactly("101", "102");
    }

    @Test
    void aMilestoneIsToldByTitleAndPublicUpdatesGoOutWhenConfigured(Vertx vertx) {
        JsonObject config = Linker.config(gitlab);
        config.getJsonObject("webhook").put("publicUpdates", true);
        FakePluginContext plugin = linkedPlugin(vertx, config);
        gitlab.milestones.put(7L, "17.3");

        post(gitlabHeaders(Linker.HOOK_TOKEN, "k-6"), issueHook(geoIssue(), "update",
                new JsonObject().put("milestone_id", new JsonObject().putNull("previous").put("current", 7))).encode());

        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(2)
                .allSatisfy(note -> assertThat(note.text()).contains("was put on milestone 17.3"));
        assertThat(plugin.helpDesks().calls("addPublicReply")).hasSize(2)
                .allSatisfy(reply -> assertThat(reply.text()).contains("planned for milestone 17.3").doesNotContain("Ada"));
    }

    @Test
    void otherHooksAndOtherChangesAreAcknowledgedAndIgnored(Vertx vertx) {
        FakePluginContext plugin = linkedPlugin(vertx, Linker.config(gitlab));

        HttpResponse<Buffer> note = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-7"),
                new JsonObject().put("object_kind", "note").encode());
        HttpResponse<Buffer> titleEdit = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-8"), issueHook(geoIssue(), "update",
                new JsonObject().put("title", new JsonObject().put("previous", "a").put("current", "b"))).encode());

        assertThat(note.bodyAsJsonObject().getString("result")).isEqualTo("ignored");
        assertThat(titleEdit.bodyAsJsonObject().getString("result")).isEqualTo("ignored");
        assertThat(plugin.helpDesks().calls()).isEmpty();
    }

    @Test
    void aValidStandardWebhooksSignatureIsAcceptedAndABadOneRefusedEvenWithTheRightToken(Vertx vertx) {
        JsonObject config = Linker.config(gitlab);
        config.getJsonObject("webhook").put("signingSecrets", new JsonArray().add(SIGNING_SECRET));
        FakePluginContext plugin = linkedPlugin(vertx, config);
        String body = issueHook(geoIssue(), "close", new JsonObject()).encode();
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSignature.sign(SIGNING_SECRET, "msg_1", now, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<Buffer> bad = post(gitlabHeaders(Linker.HOOK_TOKEN, "k-9").add("webhook-id", "msg_1")
                .add("webhook-timestamp", String.valueOf(now)).add("webhook-signature", "v1,AAAA" + signature.substring(7)), body);
        HttpResponse<Buffer> good = post(gitlabHeaders(null, "k-9").add("webhook-id", "msg_1")
                .add("webhook-timestamp", String.valueOf(now)).add("webhook-signature", signature), body);

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(2);
    }

    @Test
    void theStandardWebhooksTestVectorVerifies() {
        byte[] body = "{\"type\":\"contact.created\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\",\"data\":{\"id\":\"1f81eb52-5198-4599-803e-771906343485\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StandardWebhookSignature.sign(SIGNING_SECRET, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1674087231L, body))
                .isEqualTo("v1,bAo/ZbQILxvdozo/ynbX/OmAvBCBNauT8tvtBLFrDCI=");
        assertThat(new StandardWebhookSignature(List.of(SIGNING_SECRET)).verify("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                "1674087231", "v1,bAo/ZbQILxvdozo/ynbX/OmAvBCBNauT8tvtBLFrDCI=", body, Instant.ofEpochSecond(1674087231L + 60)))
                .isNull();
    }
}
