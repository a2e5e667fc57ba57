package dev.ticketflow.plugins.apology;

import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.Finding;
import dev.ticketflow.plugins.apology.lint.ReplyContext;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /hooks/apology-tone-linter/lint} lints a draft before it is sent. The body is
 * {@code {"text": "...", "context": ...}} where {@code context} is a context id
 * ({@code works_as_intended}), or {@code {"tags": [...], "customFields": {...}}} resolved like a
 * ticket's, or absent ({@code unknown}). The answer is
 * {@code {"context": id, "clean": bool, "findings": [{rule, severity, start, end, text, hint}]}}.
 */
final class LintRoute {

    /** The largest body accepted. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private LintRoute() {}

    static void mount(Router router, Supplier<ApologyLinter> linter, LinterSettings settings) {
        router.post("/lint")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .handler(ctx -> lint(ctx, linter.get(), settings))
                .failureHandler(ctx -> ProblemResponse.send(ctx, ctx.statusCode() == 413 ? 413 : 400,
                        ctx.statusCode() == 413 ? "payload-too-large" : "invalid-request",
                        ctx.statusCode() == 413 ? "Payload too large" : "Invalid request",
                        ctx.statusCode() == 413 ? "the body is larger than " + MAX_BODY_BYTES + " bytes"
                                : "the request could not be read"));
    }

    private static void lint(RoutingContext ctx, ApologyLinter linter, LinterSettings settings) {
        if (linter == null) {
            ProblemResponse.send(ctx, 503, "not-ready", "Not ready", "the apology rules are still loading; retry shortly");
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            invalid(ctx, "the body must be a JSON object like {\"text\": \"...\", \"context\": \"unknown\"}");
            return;
        }
        if (body == null) {
            invalid(ctx, "the body must be a JSON object like {\"text\": \"...\", \"context\": \"unknown\"}");
            return;
        }
        if (!(body.getValue("text") instanceof String text)) {
            invalid(ctx, "member 'text' is required and must be a string");
            return;
        }
        ReplyContext context;
        try {
            context = context(body.getValue("context"), settings);
        } catch (IllegalArgumentException e) {
            invalid(ctx, "member 'context': " + e.getMessage());
            return;
        }
        List<Finding> findings = linter.lint(text, context);
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("context", context.id())
                        .put("clean", findings.isEmpty())
                        .put("findings", FindingsNote.json(findings))
                        .encode());
    }

    private static ReplyContext context(Object value, LinterSettings settings) {
        if (value == null) {
            return ReplyContext.UNKNOWN;
        }
        if (value instanceof String id) {
            return ReplyContext.ofId(id);
        }
        if (value instanceof JsonObject ticket) {
            Object tags = ticket.getValue("tags");
            Object fields = ticket.getValue("customFields");
            if (tags != null && !(tags instanceof JsonArray)) {
                throw new IllegalArgumentException("'tags' must be an array of strings");
            }
            if (fields != null && !(fields instanceof JsonObject)) {
                throw new IllegalArgumentException("'customFields' must be an object");
            }
            List<String> tagList = new ArrayList<>();
            if (tags != null) {
                ((JsonArray) tags).forEach(tag -> tagList.add(String.valueOf(tag)));
            }
            Map<String, Object> fieldMap = fields == null ? Map.of() : ((JsonObject) fields).getMap();
            return settings.contextResolver().resolve(tagList, fieldMap);
        }
        throw new IllegalArgumentException("must be a context id or an object with tags and customFields");
    }

    private static void invalid(RoutingContext ctx, String detail) {
        ProblemResponse.send(ctx, 400, "invalid-request", "Invalid request", detail);
    }
}
