package dev.ticketflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PluginAdminGuardTest {

    private static final String TOKEN = "the-admin-token";

    private HttpServer server;
    private WebClient client;

    // a plugin's router mounted after the guard, as the plugin host does when a plugin loads
    @BeforeEach
    void startServer(Vertx vertx) {
        Router router = Router.router(vertx);
        PluginAdminGuard.mount(router, TOKEN);
        Router plugin = Router.router(vertx);
        plugin.post("/admin/install").handler(ctx -> ctx.response()
                .end("installed, checked=" + ctx.get(PluginAdminGuard.AUTHENTICATED)));
        plugin.post("/:instance").handler(ctx -> ctx.response().end("webhook " + ctx.pathParam("instance")));
        router.route("/hooks/some-plugin/*").subRouter(plugin);
        router.route().failureHandler(Problem::handleFailure);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close().await();
    }

    private HttpResponse<Buffer> post(String path, String authorization) {
        var request = client.post(server.actualPort(), "127.0.0.1", path);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.send().await();
    }

    @Test
    void aPluginAdminRouteAnswersOnlyToTheAdminToken() {
        HttpResponse<Buffer> missing = post("/hooks/some-plugin/admin/install", null);
        HttpResponse<Buffer> wrong = post("/hooks/some-plugin/admin/install", "Bearer not-it");
        HttpResponse<Buffer> right = post("/hooks/some-plugin/admin/install", "Bearer " + TOKEN);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(missing.bodyAsJsonObject().getString("detail")).contains("admin token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.bodyAsString()).isEqualTo("installed, checked=true");
    }

    @Test
    void thePluginsOtherRoutesStayOpen() {
        HttpResponse<Buffer> webhook = post("/hooks/some-plugin/acme", null);

        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.bodyAsString()).isEqualTo("webhook acme");
    }

    @Test
    void everythingBelowAdminIsGuardedButASegmentNamedAdminIsThePlugins() {
        assertThat(post("/hooks/some-plugin/admin/", null).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/some-plugin/admin/anything/else", null).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/some-plugin/admin", null).bodyAsString()).isEqualTo("webhook admin");
    }
}
