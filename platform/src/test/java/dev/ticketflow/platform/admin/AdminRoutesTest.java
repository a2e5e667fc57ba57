package dev.ticketflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.http.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AdminRoutesTest {

    private static final String TOKEN = "the-admin-token";

    private final FakePluginHost host = new FakePluginHost()
            .with(FakePluginHost.plugin("new-ticket-tagger", "STARTED", null))
            .with(FakePluginHost.plugin("broken-plugin", "FAILED", "config.tag: does not match ^[a-z]+$"))
            .with(FakePluginHost.plugin("explodes-on-reload", "STARTED", null));

    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void startServer(Vertx vertx) {
        Router router = Router.router(vertx);
        AdminRoutes.mount(router, TOKEN, host);
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Problem::handleFailure);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close().await();
    }

    private HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.request(method, server.actualPort(), "127.0.0.1", path);
    }

    private HttpResponse<Buffer> authorized(HttpMethod method, String path) {
        return request(method, path).bearerTokenAuthentication(TOKEN).send().await();
    }

    @Test
    void aRequestWithoutTokenIsRefusedWith401ProblemAndABearerChallenge() {
        HttpResponse<Buffer> response = request(HttpMethod.GET, "/admin/plugins").send().await();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenIsRefusedWith401EvenForActionsAndUnknownPaths() {
        assertThat(request(HttpMethod.GET, "/admin/plugins").bearerTokenAuthentication(TOKEN + "x")
                .send().await().statusCode()).isEqualTo(401);
        assertThat(request(HttpMethod.GET, "/admin/plugins").putHeader("Authorization", "Basic " + TOKEN)
                .send().await().statusCode()).isEqualTo(401);
        assertThat(request(HttpMethod.POST, "/admin/plugins/new-ticket-tagger/disable")
                .bearerTokenAuthentication("wrong").send().await().statusCode()).isEqualTo(401);
        assertThat(request(HttpMethod.GET, "/admin/secrets").send().await().statusCode()).isEqualTo(401);
        assertThat(host.calls).isEmpty();
    }

    @Test
    void theRightTokenListsEveryPluginWithItsStateAndLastError() {
        HttpResponse<Buffer> response = authorized(HttpMethod.GET, "/admin/plugins");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonArray plugins = response.bodyAsJsonArray();
        assertThat(plugins).hasSize(3);
        JsonObject broken = plugins.getJsonObject(0);
        assertThat(broken.getString("id")).isEqualTo("broken-plugin");
        assertThat(broken.getString("state")).isEqualTo("FAILED");
        assertThat(broken.getString("lastError")).isEqualTo("config.tag: does not match ^[a-z]+$");
        JsonObject tagger = plugins.getJsonObject(2);
        assertThat(tagger.fieldNames()).containsExactlyInAnyOrder("id", "version", "state", "file",
                "subscriptions", "permissions", "lastError", "delivered", "failed", "circuit");
        assertThat(tagger.getJsonObject("circuit").getMap()).containsEntry("state", "closed")
                .containsEntry("consecutiveFailures", 0).containsEntry("openUntil", null);
        assertThat(tagger.getJsonArray("subscriptions").getList()).containsExactly("ticket.created");
        assertThat(tagger.getJsonArray("permissions").getList()).containsExactly("helpdesk:tag");
        assertThat(tagger.getLong("delivered")).isEqualTo(3);
        assertThat(tagger.getLong("failed")).isEqualTo(1);
        assertThat(tagger.containsKey("lastError")).isTrue();
    }

    @Test
    void onePluginCanBeReadById() {
        HttpResponse<Buffer> response = authorized(HttpMethod.GET, "/admin/plugins/new-ticket-tagger");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("state")).isEqualTo("STARTED");
    }

    @Test
    void enableDisableAndReloadAnswerThePluginAfterwards() {
        HttpResponse<Buffer> disabled = authorized(HttpMethod.POST, "/admin/plugins/new-ticket-tagger/disable");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.bodyAsJsonObject().getString("state")).isEqualTo("DISABLED");

        HttpResponse<Buffer> enabled = authorized(HttpMethod.POST, "/admin/plugins/broken-plugin/enable");
        assertThat(enabled.bodyAsJsonObject().getString("state")).isEqualTo("STARTED");

        HttpResponse<Buffer> reloaded = authorized(HttpMethod.POST, "/admin/plugins/new-ticket-tagger/reload");
        assertThat(reloaded.bodyAsJsonObject().getString("id")).isEqualTo("new-ticket-tagger");

        assertThat(host.calls).containsExactly("disable new-ticket-tagger", "enable broken-plugin",
                "reload new-ticket-tagger");
    }

    @Test
    void anUnknownPluginIsA404ProblemNamingIt() {
        HttpResponse<Buffer> action = authorized(HttpMethod.POST, "/admin/plugins/no-such-plugin/enable");
        HttpResponse<Buffer> read = authorized(HttpMethod.GET, "/admin/plugins/no-such-plugin");

        for (HttpResponse<Buffer> response : java.util.List.of(action, read)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
            assertThat(response.bodyAsJsonObject().getString("detail")).contains("no-such-plugin");
            assertThat(response.bodyAsJsonObject().getString("pluginId")).isEqualTo("no-such-plugin");
        }
    }

    @Test
    void aFailingActionIsAProblemWithTheReason() {
        HttpResponse<Buffer> response = authorized(HttpMethod.POST, "/admin/plugins/explodes-on-reload/reload");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.bodyAsJsonObject().getString("detail"))
                .contains("explodes-on-reload").contains("the plugin file vanished");
    }
}
