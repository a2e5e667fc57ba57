package dev.ticketflow.platform.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.json.EventJson;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events} for support tooling, and {@code GET /openapi.yaml} that documents it.
 * The checks run cheapest and least trusting first: media type, size, signature, JSON syntax,
 * schema; only then is the event appended and answered {@code 202}.
 */
public final class EventsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(EventsRoutes.class);

    /** The intake path. */
    public static final String PATH = "/events";
    /** Where the OpenAPI document is served. */
    public static final String OPENAPI_PATH = "/openapi.yaml";

    // a second JSON value after the event, or a member given twice, is a malformed body
    private static final ObjectReader JSON = EventJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private final Intake intake;
    private final PlatformMetrics metrics;
    private final StandardWebhooks webhooks;
    private final Future<EventSchema> loading;
    // set once loading completes, so that requests then take the schema without a hop
    private volatile EventSchema schema;
    private final long maxBodyBytes;
    private final Clock clock;

    private EventsRoutes(Intake intake, PlatformMetrics metrics, StandardWebhooks webhooks,
            Future<EventSchema> loading, long maxBodyBytes, Clock clock) {
        this.intake = intake;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.loading = loading
                .onSuccess(loaded -> schema = loaded)
                .onFailure(e -> LOG.error("{} cannot be loaded: POST {} answers 500", EventSchema.DOCUMENT, PATH, e));
    }

    /**
     * Adds the routes.
     *
     * @param router the platform's router
     * @param vertx the Vert.x instance
     * @param config webhook secrets and the body limit
     * @param intake where accepted events go
     * @param metrics counts each request's outcome
     */
    public static void mount(Router router, Vertx vertx, TicketflowConfig config, Intake intake,
            PlatformMetrics metrics) {
        StandardWebhooks webhooks = StandardWebhooks.of(config.webhookSecrets(),
                StandardWebhooks.DEFAULT_TOLERANCE);
        if (!webhooks.hasSecrets()) {
            LOG.warn("No webhook secret is configured: POST {} refuses every request until "
                    + "TICKETFLOW_WEBHOOK_SECRETS (or webhookSecrets in the config) is set", PATH);
        }
        // compiling the schema reads and walks the whole document: once, and off the event loop
        Future<EventSchema> loading = vertx.executeBlocking(EventSchema::load, false);
        EventsRoutes routes = new EventsRoutes(intake, metrics, webhooks, loading,
                config.maxBodyBytes(), Clock.systemUTC());
        // the media type is checked on a route of its own: Vert.x wants the body handler first
        // on its route, and a wrong type should be refused before any body is read
        router.post(PATH).handler(routes::requireJson);
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
                .handler(routes::receive);
        // any other method on the path is a 405 here, before the router's catch-all 404
        router.route(PATH).handler(ctx -> ctx.fail(405)).failureHandler(routes::failed);
        router.get(OPENAPI_PATH).handler(ctx -> routes.withSchema(ctx, loaded -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                .end(Buffer.buffer(loaded.document()))));
    }

    private void withSchema(RoutingContext ctx, Consumer<EventSchema> action) {
        EventSchema loaded = schema;
        if (loaded != null) {
            action.accept(loaded);
            return;
        }
        // only requests that arrive while the server is still starting get here
        loading.onComplete(result -> {
            if (result.succeeded()) {
                action.accept(result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private void requireJson(RoutingContext ctx) {
        String mismatch = MediaType.jsonMismatch(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (mismatch != null) {
            refuse(ctx, Refusal.unsupportedMediaType(mismatch));
            return;
        }
        ctx.next();
    }

    private void receive(RoutingContext ctx) {
        withSchema(ctx, loaded -> receive(ctx, loaded));
    }

    private void receive(RoutingContext ctx, EventSchema schema) {
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        String deliveryId = ctx.request().getHeader(StandardWebhooks.ID_HEADER);
        var signature = webhooks.check(deliveryId,
                ctx.request().getHeader(StandardWebhooks.TIMESTAMP_HEADER),
                ctx.request().getHeader(StandardWebhooks.SIGNATURE_HEADER), body, clock.instant());
        if (signature.isPresent()) {
            refuse(ctx, Refusal.signature(signature.get()));
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            refuse(ctx, Refusal.malformedJson(e));
            return;
        } catch (IOException e) {
            refuse(ctx, Refusal.emptyBody());
            return;
        }
        if (tree == null || tree.isMissingNode()) {
            refuse(ctx, Refusal.emptyBody());
            return;
        }
        EventSchema.Validation validation = schema.validate(tree);
        if (validation.unknownType()) {
            refuse(ctx, Refusal.unknownType(tree.path("type").asText(), schema.knownTypes(),
                    validation.errors()));
            return;
        }
        if (!validation.valid()) {
            refuse(ctx, Refusal.schemaViolation(validation.errors()));
            return;
        }
        TicketEvent event;
        try {
            event = EventJson.fromTree(tree);
        } catch (IOException e) {
            // the schema passed but the record did not take it: still the sender's field
            refuse(ctx, Refusal.schemaViolation(List.of(mappingError(e))));
            return;
        }
        intake.accept(event, deliveryId).onComplete(result -> answer(ctx, result));
    }

    private void answer(RoutingContext ctx, AsyncResult<Accepted> result) {
        if (result.failed()) {
            LOG.warn("POST {} could not store an event: {}", PATH, result.cause().toString());
            refuse(ctx, Refusal.logUnavailable(result.cause()));
            return;
        }
        Accepted accepted = result.result();
        metrics.intake(accepted.duplicate() ? "duplicate" : "accepted");
        ctx.response()
                .setStatusCode(202)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("id", accepted.eventId()).encode());
    }

    /** Failures raised by Vert.x itself on this path: the body limit, a wrong method, or a bug. */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            refuse(ctx, Refusal.bodyTooLarge(maxBodyBytes));
            return;
        }
        if (status == 405) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
        }
        if (status >= 500 || status < 0) {
            LOG.error("POST {} failed", PATH, ctx.failure());
        }
        metrics.intake(status >= 400 && status < 500 ? "http-" + status : "internal-error");
        Problem.handleFailure(ctx);
    }

    private void refuse(RoutingContext ctx, Refusal refusal) {
        metrics.intake(refusal.slug());
        refusal.problem().send(ctx);
    }

    private static FieldError mappingError(IOException e) {
        if (e instanceof MismatchedInputException mismatch) {
            StringBuilder pointer = new StringBuilder();
            mismatch.getPath().forEach(ref -> pointer.append('/')
                    .append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex())));
            return new FieldError(pointer.toString(), mismatch.getOriginalMessage());
        }
        return new FieldError("", e.getMessage());
    }
}
