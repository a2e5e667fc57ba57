package dev.ticketflow.testkit.fakes;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * A plugin's routes served over real HTTP on a free port, mounted at {@code /hooks/<plugin-id>/}
 * as the platform mounts them, with a client to call them. For unit tests of a plugin's routes
 * on a {@link FakePluginContext} built with a Vert.x instance; {@link #close()} it after the test.
 */
public final class HookServer implements AutoCloseable {

    private final String pluginId;
    private final HttpServer server;
    private final WebClient client;

    private HookServer(String pluginId, HttpServer server, WebClient client) {
        this.pluginId = pluginId;
        this.server = server;
        this.client = client;
    }

    /**
     * Starts a server for a plugin's router (call after the plugin registered its routes).
     *
     * @param plugin the context the plugin registered on
     * @return the running server
     */
    public static HookServer serve(FakePluginContext plugin) {
        Vertx vertx = plugin.vertx();
        Router root = Router.router(vertx);
        root.route("/hooks/" + plugin.pluginId() + "/*").subRouter(plugin.router());
        HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
        return new HookServer(plugin.pluginId(), server, WebClient.create(vertx));
    }

    /** @return the port the server listens on */
    public int port() {
        return server.actualPort();
    }

    /** @return a client for requests of the test's own making */
    public WebClient client() {
        return client;
    }

    /**
     * Posts a JSON body to one of the plugin's routes and waits for the answer.
     *
     * @param path the route below {@code /hooks/<plugin-id>/}, e.g. {@code "lint"}
     * @param json the body
     * @return the response
     */
    public HttpResponse<Buffer> postJson(String path, String json) {
        return client.post(port(), "127.0.0.1", "/hooks/" + pluginId + "/" + path)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(json)).await();
    }

    /** Stops the client and the server. */
    @Override
    public void close() {
        client.close();
        server.close().await();
    }
}
