package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Acts on customer messages: venting is tagged and noted with de-escalation guidance, and after
 * enough venting on one ticket a low escalation is raised; a threat copies the managers, is
 * tagged and noted, and raises a high escalation. Every decision is noted and logged with its
 * signals. Only customer text is read: agent comments are ignored.
 */
final class VentingHandler implements EventHandler {

    /** The type of the event this plugin emits. */
    static final String ESCALATION_RAISED = "escalation.raised";

    private final Vertx vertx;
    private final Supplier<MessageClassifier> classifier;
    private final VentingSettings settings;
    private final String pluginId;

    VentingHandler(Vertx vertx, Supplier<MessageClassifier> classifier, VentingSettings settings, String pluginId) {
        this.vertx = vertx;
        this.classifier = classifier;
        this.settings = settings;
        this.pluginId = pluginId;
    }

    @Override
    public Future<Void> handle(EventContext ctx) {
        TicketEvent event = ctx.event();
        String text = customerText(event);
        if (text == null || text.isBlank()) {
            return Future.succeededFuture();
        }
        MessageClassifier current = classifier.get();
        if (current == null) {
            return Future.failedFuture(new IllegalStateException("the venting rules are still loading; retry"));
        }
        return ClassifyOffLoop.classify(vertx, current, text, staffNames(event))
                .compose(result -> act(ctx, event, result, current));
    }

    private Future<Void> act(EventContext ctx, TicketEvent event, Classification result, MessageClassifier current) {
        ctx.log().info("ticket {} classified {} (venting {}, threat {}): {}", event.ticketId(),
                result.label().id(), result.ventingScore(), result.threatScore(),
                MessageClassifier.ruleIds(result.signals()));
        return switch (result.label()) {
            case NORMAL -> Future.succeededFuture();
            case VENTING -> onVenting(ctx, result, current);
            case THREAT -> onThreat(ctx, result, current);
        };
    }

    /** The customer's words: an end-user comment, or for a new ticket its comment or subject. */
    static String customerText(TicketEvent event) {
        Comment comment = event.comment();
        if (EventTypes.TICKET_COMMENT_ADDED.equals(event.type())) {
            return comment != null && comment.byEndUser() ? comment.body() : null;
        }
        if (EventTypes.TICKET_CREATED.equals(event.type())) {
            if (comment != null) {
                return comment.byAgent() ? null : comment.body();
            }
            return event.ticket().subject();
        }
        return null;
    }

    private List<String> staffNames(TicketEvent event) {
        List<String> names = new ArrayList<>(settings.staffNames());
        Person assignee = event.ticket().assignee();
        if (assignee != null && assignee.name() != null && !assignee.name().isBlank()) {
            String full = assignee.name().strip();
            names.add(full);
            names.add(full.split("\\s+")[0]);
        }
        return names;
    }

    private Future<Void> onVenting(EventContext ctx, Classification result, MessageClassifier current) {
        return ctx.helpDesk().addTags(settings.ventingTags().toArray(String[]::new))
                .compose(v -> ctx.helpDesk().addInternalNote(EscalationNotes.venting(result, current.ruleBook())))
                .compose(v -> countVenting(ctx))
                .compose(count -> count >= settings.escalateAfter() ? escalateOnce(ctx, result, count)
                        : Future.succeededFuture());
    }

    private Future<Void> onThreat(EventContext ctx, Classification result, MessageClassifier current) {
        List<String> managers = settings.managerEmails();
        Future<Void> copied = managers.isEmpty() ? Future.succeededFuture()
                : ctx.helpDesk().addCc(managers.toArray(String[]::new));
        return copied
                .compose(v -> ctx.helpDesk().addTags(settings.threatTag()))
                .compose(v -> ctx.helpDesk().addInternalNote(EscalationNotes.threat(result, current.ruleBook(), managers)))
                .compose(v -> emit(ctx, "high", "threat_or_harassment", result, null));
    }

    /**
     * Counts the venting messages of the ticket, each event once even when it is delivered again.
     * Deliveries of one ticket arrive in order, so read-then-write does not race.
     */
    private Future<Integer> countVenting(EventContext ctx) {
        KeyValueStore store = ctx.store();
        String key = "venting:" + ctx.event().source() + ":" + ctx.event().ticketId();
        String eventKey = eventKey(ctx.event());
        return store.get(key).compose(value -> {
            JsonArray seen = value == null ? new JsonArray() : new JsonObject(value).getJsonArray("events");
            if (seen.contains(eventKey)) {
                return Future.succeededFuture(seen.size());
            }
            seen.add(eventKey);
            return store.put(key, new JsonObject().put("events", seen).encode()).map(v -> seen.size());
        });
    }

    /** Raises the low escalation once per ticket; a redelivery after a failed emit tries again. */
    private Future<Void> escalateOnce(EventContext ctx, Classification result, int count) {
        String key = "escalated-low:" + ctx.event().source() + ":" + ctx.event().ticketId();
        return ctx.store().get(key).compose(done -> done != null ? Future.succeededFuture()
                : emit(ctx, "low", "repeated_venting", result, count)
                        .compose(v -> ctx.store().put(key, eventKey(ctx.event()))));
    }

    private Future<Void> emit(EventContext ctx, String severity, String reason, Classification result,
            Integer ventingCount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("severity", severity);
        data.put("reason", reason);
        data.put("label", result.label().id());
        if (ventingCount != null) {
            data.put("ventingCount", ventingCount);
        }
        data.put("signals", EscalationNotes.signalData(result.signals()));
        data.put("plugin", pluginId);
        if (ctx.event().id() != null) {
            data.put("sourceEventId", ctx.event().id());
        }
        return ctx.emit(ctx.event().derive(ESCALATION_RAISED, data))
                .onSuccess(id -> ctx.log().info("raised {} escalation {} for ticket {}", severity, id,
                        ctx.event().ticketId()))
                .mapEmpty();
    }

    private static String eventKey(TicketEvent event) {
        if (event.id() != null) {
            return event.id();
        }
        Comment comment = event.comment();
        if (comment != null && comment.id() != null) {
            return "comment:" + comment.id();
        }
        return "text:" + Integer.toHexString(String.valueOf(customerText(event)).hashCode());
    }
}
