package dev.ticketflow.plugins.gitlab.webhook;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /hooks/gitlab-issue-linker/webhook}: GitLab's Issue Hook. Authenticates the request,
 * skips deliveries already processed (by {@link DeliveryKey}), and tells linked tickets about
 * closed, reopened and milestone changes. Answers 2xx only once the tickets were told, so that a
 * failure is visible in GitLab's hook log and can be resent.
 */
public final class GitLabWebhookRoute {

    /** The path under the plugin's router. */
    public static final String PATH = "/webhook";

    private static final long MAX_BODY = 2L * 1024 * 1024;

    private final WebhookAuthenticator authenticator;
    private final IssueUpdateNotifier notifier;
    private final KeyValueStore store;
    private final Clock clock;
    private final Log log;

    /**
     * Creates the route.
     *
     * @param authenticator checks the token or signature
     * @param notifier tells linked tickets
     * @param store the plugin's store (processed deliveries)
     * @param clock for signature timestamps
     * @param log the plugin's log
     */
    public GitLabWebhookRoute(WebhookAuthenticator authenticator, IssueUpdateNotifier notifier, KeyValueStore store,
            Clock clock, Log log) {
        this.authenticator = authenticator;
        this.notifier = notifier;
        this.store = store;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Adds the route.
     *
     * @param router the plugin's router
     */
    public void mount(Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        Buffer buffer = routing.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        String refused = authenticator.check(routing.request().headers(), body, clock.instant());
        if (refused != null) {
            log.warn("refused a GitLab webhook: {}", refused);
            problem(routing, 401, "Webhook not authenticated", refused);
            return;
        }
        JsonObject payload;
        try {
            payload = new JsonObject(buffer == null ? Buffer.buffer() : buffer);
        } catch (DecodeException | ClassCastException e) {
            problem(routing, 400, "Not a JSON object", "the body must be GitLab's JSON payload");
            return;
        }
        Optional<IssueHook> hook = IssueHook.parse(payload);
        if (hook.isEmpty() || !hook.get().worthTelling()) {
            answer(routing, new JsonObject().put("result", "ignored"));
            return;
        }
        String deliveryKey = DeliveryKey.of(routing.request().headers(), body);
        String processed = "webhook/" + deliveryKey;
        store.get(processed)
                .compose(state -> state != null
                        ? Future.succeededFuture(new JsonObject().put("result", "duplicate"))
                        : notifier.notify(hook.get(), deliveryKey)
                                .compose(count -> store.put(processed, "done")
                                        .map(new JsonObject().put("result", "processed").put("tickets", count))))
                .onSuccess(result -> answer(routing, result))
                .onFailure(failure -> {
                    log.error("GitLab webhook {} failed: {}", deliveryKey, failure.getMessage(), failure);
                    problem(routing, 500, "Webhook processing failed", failure.getMessage());
                });
    }

    private static void answer(RoutingContext routing, JsonObject body) {
        routing.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(RoutingContext routing, int status, String title, String detail) {
        routing.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }
}
