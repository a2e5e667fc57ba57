package dev.ticketflow.plugins.feedback;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles {@code ticket.created}, {@code ticket.updated} and {@code ticket.comment_added}:
 * classifies the ticket and, when its category is new or changed, tags it, routes a refund and
 * announces {@code feedback.classified}.
 *
 * <p>Idempotent per ticket: the category last announced is kept in the store, so a redelivered
 * or repeated event with the same outcome does nothing. The store is written only after every
 * action succeeded, so a failed action is retried with the delivery (at least once; tags and
 * group assignment repeat harmlessly).
 */
public final class TriageHandler {

    /** The type of the event announcing a category. */
    public static final String CLASSIFIED = "feedback.classified";

    private final TriageSettings settings;
    private final FeedbackClassifier classifier;

    public TriageHandler(TriageSettings settings, FeedbackClassifier classifier) {
        this.settings = settings;
        this.classifier = classifier;
    }

    /** The store key of a ticket's state. */
    public static String stateKey(TicketEvent event) {
        return "ticket:" + event.source() + ":" + event.ticketId();
    }

    public Future<Void> handle(EventContext context) {
        TicketEvent event = context.event();
        String key = stateKey(event);
        return context.store().get(key).compose(stored -> {
            TriageState before = TriageState.fromJson(stored);
            TriageState seen = readFirstComment(before, event);
            List<Signal> signals = new ArrayList<>(classifier.ticketSignals(event.ticket()));
            signals.addAll(seen.commentSignals());
            Optional<Classification> verdict = classifier.decide(signals);
            if (verdict.isEmpty() || verdict.get().category() == before.category()) {
                return seen.equals(before) ? Future.succeededFuture() : context.store().put(key, seen.toJson());
            }
            Classification classification = verdict.get();
            return announce(context, before, classification)
                    .compose(routed -> context.store().put(key,
                            seen.classifiedAs(classification.category(), routed).toJson()));
        });
    }

    private TriageState readFirstComment(TriageState before, TicketEvent event) {
        Comment comment = event.comment();
        boolean commentEvent = event.type().equals(EventTypes.TICKET_CREATED)
                || event.type().equals(EventTypes.TICKET_COMMENT_ADDED);
        // an agent's comment is never the customer's first word; a description without author is
        if (before.firstCommentSeen() || !commentEvent || comment == null || comment.byAgent()
                || comment.body() == null || comment.body().isBlank()) {
            return before;
        }
        return before.withFirstComment(classifier.commentSignals(comment.body()));
    }

    /** Tags, routes and emits; completes with whether the refund was routed now. */
    private Future<Boolean> announce(EventContext context, TriageState before, Classification classification) {
        HelpDesk helpDesk = context.helpDesk();
        Category previous = before.category();
        String newTag = settings.tagOf(classification.category());
        Future<Void> tagged = helpDesk.addTags(settings.feedbackTag(), newTag);
        if (previous != null && !settings.tagOf(previous).equals(newTag)) {
            tagged = tagged.compose(v -> helpDesk.removeTags(settings.tagOf(previous)));
        }
        boolean routeRefund = classification.category() == Category.REFUND && !before.refundRouted();
        return tagged
                .compose(v -> routeRefund ? routeRefund(helpDesk, classification) : Future.<Void>succeededFuture())
                .compose(v -> context.emit(context.event().derive(CLASSIFIED,
                        classification.toEventData(previous))))
                .map(emittedId -> {
                    context.log().info("ticket {} classified as {} (was {}), event {}",
                            context.event().ticketId(), classification.category().id(),
                            previous == null ? "unclassified" : previous.id(), emittedId);
                    return routeRefund;
                });
    }

    private Future<Void> routeRefund(HelpDesk helpDesk, Classification classification) {
        RefundSettings refunds = settings.refunds();
        Future<Void> assigned = refunds.group() == null
                ? Future.succeededFuture()
                : helpDesk.assignGroup(refunds.group());
        return assigned.compose(v -> helpDesk.addInternalNote(refunds.noteFor(classification)));
    }
}
