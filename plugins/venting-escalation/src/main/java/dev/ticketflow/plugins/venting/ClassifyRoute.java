package dev.ticketflow.plugins.venting;

import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /hooks/venting-escalation/classify} with {@code {"text": "...", "staffNames": [...]}}
 * answers {@code {"label": ..., "signals": [...], "ventingScore": n, "threatScore": n}}, so tooling
 * can classify a message without a ticket. Classification is fast enough for the event loop.
 */
final class ClassifyRoute {

    /** The largest body accepted; a 2 KB message is typical. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private ClassifyRoute() {}

    static void mount(Router router, Vertx vertx, Supplier<MessageClassifier> classifier) {
        router.post("/classify")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(ctx -> classify(ctx, vertx, classifier.get()))
                .failureHandler(ctx -> ProblemResponse.send(ctx, ctx.statusCode() == 413 ? 413 : 400,
                        ctx.statusCode() == 413 ? "payload-too-large" : "invalid-request",
                        ctx.statusCode() == 413 ? "Payload too large" : "Invalid request",
                        ctx.statusCode() == 413 ? "the body is larger than " + MAX_BODY_BYTES + " bytes"
                                : "the request could not be read"));
    }

    private static void classify(RoutingContext ctx, Vertx vertx, MessageClassifier classifier) {
        if (classifier == null) {
            ProblemResponse.send(ctx, 503, "not-ready", "Not ready", "the venting rules are still loading; retry shortly");
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            invalid(ctx, "the body must be a JSON object like {\"text\": \"...\"}");
            return;
        }
        if (body == null) {
            invalid(ctx, "the body must be a JSON object like {\"text\": \"...\"}");
            return;
        }
        if (!(body.getValue("text") instanceof String text)) {
            invalid(ctx, "member 'text' is required and must be a string");
            return;
        }
        List<String> staffNames = new ArrayList<>();
        Object names = body.getValue("staffNames");
        if (names != null) {
            if (!(names instanceof JsonArray array) || !array.stream().allMatch(String.class::isInstance)) {
                invalid(ctx, "member 'staffNames' must be an array of strings");
                return;
            }
            array.forEach(name -> staffNames.add((String) name));
        }
        ClassifyOffLoop.classify(vertx, classifier, text, staffNames)
                .onSuccess(result -> respond(ctx, result))
                .onFailure(ctx::fail);
    }

    private static void respond(RoutingContext ctx, Classification result) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("label", result.label().id())
                        .put("signals", new JsonArray(new ArrayList<>(EscalationNotes.signalData(result.signals()))))
                        .put("ventingScore", result.ventingScore())
                        .put("threatScore", result.threatScore())
                        .encode());
    }

    private static void invalid(RoutingContext ctx, String detail) {
        ProblemResponse.send(ctx, 400, "invalid-request", "Invalid request", detail);
    }
}
