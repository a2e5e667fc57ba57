package dev.ticketflow.plugins.zendesk.inbound;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.plugins.zendesk.WebhookSecrets;
import dev.ticketflow.plugins.zendesk.config.ConnectorConfig;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /hooks/zendesk-connector/<instance>}: verifies Zendesk's signature on the raw
 * body, maps the payload and answers {@code 202 {"id": …}} once the platform has appended the
 * event. The delivery id is the {@code X-Zendesk-Webhook-Invocation-Id} (retries of one
 * invocation keep it), else the event's own id, else a hash of the body — prefixed with the
 * instance, since two Zendesk accounts number their invocations independently.
 *
 * <p>A payload that cannot be mapped is answered 422 and kept in the plugin's store under
 * {@code unmapped:<instance>:<delivery>} for inspection. When the append does not complete in
 * time the answer is 503 with {@code Retry-After}, so Zendesk retries inside its 10 s limit and
 * the delivery id makes the retry harmless.
 */
public final class WebhookRoute {

    public static final String INVOCATION_HEADER = "X-Zendesk-Webhook-Invocation-Id";
    /** Zendesk bodies are at most 256 KB; the rest is headroom. */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_LOGGED_BODY = 4096;

    private final ConnectorConfig config;
    private final PluginContext plugin;
    private final WebhookSecrets secrets;

    public WebhookRoute(ConnectorConfig config, PluginContext plugin, WebhookSecrets secrets) {
        this.config = config;
        this.plugin = plugin;
        this.secrets = secrets;
    }

    public void mount(Router router) {
        router.post("/:instance")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String name = ctx.pathParam("instance");
        InstanceConfig instance = config.instance(name).orElse(null);
        if (instance == null) {
            Problems.send(ctx, Problems.of(404, "unknown-zendesk-instance", "Unknown Zendesk instance",
                    "no Zendesk instance named '" + name + "' is configured; configured are " + config.instances().keySet()));
            return;
        }
        Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        secrets.of(instance)
                .onSuccess(known -> verified(ctx, instance, body, known))
                .onFailure(failure -> unavailable(ctx, instance, "the signing secrets could not be read: " + failure.getMessage()));
    }

    private void verified(RoutingContext ctx, InstanceConfig instance, Buffer body, List<String> known) {
        SignatureCheck check = ZendeskSignature.verify(known,
                ctx.request().getHeader(ZendeskSignature.SIGNATURE_HEADER),
                ctx.request().getHeader(ZendeskSignature.TIMESTAMP_HEADER),
                body, Instant.now(), config.replayWindow());
        if (check != SignatureCheck.VALID) {
            plugin.log().warn("Zendesk webhook for instance {} refused: {}", instance.name(), check.detail());
            Problems.send(ctx, Problems.of(401, "invalid-zendesk-signature", "Invalid Zendesk webhook signature",
                    check.detail()).put("check", check.name().toLowerCase(Locale.ROOT)));
            return;
        }
        String invocation = ctx.request().getHeader(INVOCATION_HEADER);
        JsonObject payload;
        try {
            payload = body.toJsonObject();
        } catch (DecodeException | ClassCastException notAnObject) {
            keepUnmappable(ctx, instance, body, deliveryId(instance, invocation, null, body),
                    new UnmappablePayloadException("body", "is not a JSON object: " + notAnObject.getMessage()));
            return;
        }
        Mapping mapping;
        try {
            mapping = ZendeskPayloads.map(payload, instance);
        } catch (UnmappablePayloadException unmappable) {
            String payloadId = payload.getValue("id") instanceof String id ? id : null;
            keepUnmappable(ctx, instance, body, deliveryId(instance, invocation, payloadId, body), unmappable);
            return;
        }
        if (mapping instanceof Mapping.Ignored ignored) {
            plugin.log().info("Zendesk webhook for instance {} carries no event: {}", instance.name(), ignored.reason());
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("ignored", ignored.reason()).encode());
            return;
        }
        Mapping.Mapped mapped = (Mapping.Mapped) mapping;
        String deliveryId = deliveryId(instance, invocation, mapped.payloadId(), body);
        withinDeadline(plugin.ingest(mapped.event(), deliveryId))
                .onSuccess(accepted -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", accepted.eventId()).put("duplicate", accepted.duplicate()).encode()))
                .onFailure(failure -> unavailable(ctx, instance, "the event could not be stored: " + failure.getMessage()));
    }

    private Future<Accepted> withinDeadline(Future<Accepted> ingest) {
        Promise<Accepted> answer = Promise.promise();
        long timer = plugin.vertx().setTimer(config.ingestTimeout().toMillis(), id -> answer.tryFail(
                "the durable append took longer than " + config.ingestTimeout().toSeconds() + " s"));
        ingest.onComplete(result -> {
            plugin.vertx().cancelTimer(timer);
            if (result.succeeded()) {
                answer.tryComplete(result.result());
            } else {
                answer.tryFail(result.cause());
            }
        });
        return answer.future();
    }

    private void keepUnmappable(RoutingContext ctx, InstanceConfig instance, Buffer body, String deliveryId,
            UnmappablePayloadException unmappable) {
        String key = "unmapped:" + deliveryId.substring("zendesk:".length());
        JsonObject kept = new JsonObject()
                .put("instance", instance.name())
                .put("receivedAt", Instant.now().toString())
                .put("invocationId", ctx.request().getHeader(INVOCATION_HEADER))
                .put("field", unmappable.field())
                .put("reason", unmappable.getMessage())
                .put("body", body.toString(StandardCharsets.UTF_8));
        String logged = body.length() > MAX_LOGGED_BODY ? body.getString(0, MAX_LOGGED_BODY) + "…" : body.toString();
        plugin.log().warn("Zendesk webhook for instance {} could not be mapped ({}); kept as {}: {}",
                instance.name(), unmappable.getMessage(), key, logged);
        plugin.store().put(key, kept.encode())
                .onFailure(failure -> plugin.log().error("could not keep unmappable Zendesk webhook {}: {}", key, failure.toString()))
                .onComplete(stored -> Problems.send(ctx, Problems.of(422, "unmappable-zendesk-payload",
                                "Zendesk payload cannot be mapped to an event", unmappable.getMessage())
                        .put("field", unmappable.field())
                        .put("keptAs", stored.succeeded() ? key : null)));
    }

    private void unavailable(RoutingContext ctx, InstanceConfig instance, String why) {
        plugin.log().error("Zendesk webhook for instance {} not accepted, Zendesk will retry: {}", instance.name(), why);
        ctx.response().putHeader("Retry-After", "10");
        Problems.send(ctx, Problems.of(503, "ingest-unavailable", "Event not stored; retry", why));
    }

    static String deliveryId(InstanceConfig instance, String invocation, String payloadId, Buffer body) {
        String id;
        if (invocation != null && !invocation.isBlank()) {
            id = invocation.strip();
        } else if (payloadId != null && !payloadId.isBlank()) {
            id = "event-" + payloadId.strip();
        } else {
            id = "body-" + sha256(body);
        }
        return "zendesk:" + instance.name() + ":" + id;
    }

    private static String sha256(Buffer body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
