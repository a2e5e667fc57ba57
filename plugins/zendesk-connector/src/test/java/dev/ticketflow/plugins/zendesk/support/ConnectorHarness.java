package dev.ticketflow.plugins.zendesk.support;

import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.plugins.zendesk.ZendeskConnector;
import dev.ticketflow.plugins.zendesk.inbound.ZendeskSignature;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The connector registered on a fake platform: its router mounted at
 * {@code /hooks/zendesk-connector/} of a real HTTP server on a free port, its register() run on a
 * Vert.x context as the platform runs it on the plugin's verticle.
 */
public final class ConnectorHarness {

    private final Vertx vertx;
    private final FakePluginContext plugin;
    private final ZendeskConnector connector = new ZendeskConnector();
    private final WebClient client;
    private HttpServer server;

    private ConnectorHarness(Vertx vertx, JsonObject config) {
        this.vertx = vertx;
        Router root = Router.router(vertx);
        Router hooks = Router.router(vertx);
        root.route("/hooks/zendesk-connector/*").subRouter(hooks);
        this.plugin = FakePluginContext.builder("zendesk-connector").vertx(vertx).config(config).router(hooks)
                .subscriptions(List.of()).build();
        this.client = WebClient.create(vertx);
        Context context = vertx.getOrCreateContext();
        Promise<Void> registered = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                connector.register(plugin);
                registered.complete();
            } catch (RuntimeException e) {
                registered.fail(e);
            }
        });
        registered.future().await();
        this.server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
    }

    public static ConnectorHarness start(Vertx vertx, JsonObject config) {
        return new ConnectorHarness(vertx, config);
    }

    public FakePluginContext plugin() {
        return plugin;
    }

    public HelpDeskProvider helpDesk() {
        return plugin.providedHelpDesk();
    }

    public void close() {
        connector.onStop().await();
        server.close().await();
        client.close();
    }

    /** Posts a body signed with {@code secret} at the current time. */
    public HttpResponse<Buffer> postSigned(String instance, String secret, String body, String invocationId) {
        return postSignedAt(instance, secret, body, invocationId, Instant.now().toString());
    }

    public HttpResponse<Buffer> postSignedAt(String instance, String secret, String body, String invocationId, String timestamp) {
        String signature = ZendeskSignature.sign(secret, timestamp, Buffer.buffer(body));
        return post(instance, body, Map.of(
                ZendeskSignature.SIGNATURE_HEADER, signature,
                ZendeskSignature.TIMESTAMP_HEADER, timestamp,
                "X-Zendesk-Webhook-Invocation-Id", invocationId));
    }

    public HttpResponse<Buffer> post(String instance, String body, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.post(server.actualPort(), "127.0.0.1", "/hooks/zendesk-connector/" + instance)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Zendesk Webhook");
        headers.forEach((name, value) -> {
            if (value != null) {
                request.putHeader(name, value);
            }
        });
        return request.sendBuffer(Buffer.buffer(body)).await();
    }
}
