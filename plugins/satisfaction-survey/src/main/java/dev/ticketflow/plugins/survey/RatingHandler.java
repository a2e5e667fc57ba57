package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Handles {@code ticket.rated}: e-mails the engineer and the managers; a bad rating also tags
 * the ticket and emits {@code ssat.review_needed} for the on-call SSAT manager.
 *
 * <p>Each step is marked done in the store under the rating event's id once it succeeded, so a
 * redelivery repeats only the steps that had not completed (at least once for each step).
 */
public final class RatingHandler {

    /** The type of the event asking the on-call SSAT manager to review a bad rating. */
    public static final String REVIEW_NEEDED = "ssat.review_needed";

    private final SurveySettings settings;
    private final RatingMails mails;

    public RatingHandler(SurveySettings settings, RatingMails mails) {
        this.settings = settings;
        this.mails = mails;
    }

    public Future<Void> onRated(EventContext context) {
        TicketEvent rated = context.event();
        Rating rating = rated.rating();
        if (rating == null) {
            context.log().warn("ticket.rated for ticket {} carries no rating; nothing to do", rated.ticketId());
            return Future.succeededFuture();
        }
        String marker = "rated:" + rated.source() + ":" + rated.ticketId() + ":" + rated.id();
        Future<Void> mailed = once(context.store(), marker + ":mail", () -> sendMail(context));
        if (!rating.isBad()) {
            return mailed;
        }
        return mailed.compose(v -> once(context.store(), marker + ":review", () -> askForReview(context)));
    }

    private Future<Void> sendMail(EventContext context) {
        Optional<MailMessage> mail = mails.mailFor(context.event());
        if (mail.isEmpty()) {
            context.log().warn("ticket {} was rated but has no assignee e-mail and no manager is "
                    + "configured: no rating mail sent", context.event().ticketId());
            return Future.succeededFuture();
        }
        return context.mail().send(mail.get())
                .onSuccess(v -> context.log().info("rating mail for ticket {} sent to {}",
                        context.event().ticketId(), mail.get().to()));
    }

    private Future<Void> askForReview(EventContext context) {
        TicketEvent rated = context.event();
        return context.helpDesk().addTags(settings.badRatingTag())
                .compose(v -> context.emit(rated.derive(REVIEW_NEEDED, reviewData(rated))))
                .mapEmpty();
    }

    private static Map<String, Object> reviewData(TicketEvent rated) {
        Ticket ticket = rated.ticket();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("score", rated.rating().score());
        if (rated.rating().comment() != null) {
            data.put("comment", rated.rating().comment());
        }
        if (ticket.url() != null) {
            data.put("ticketUrl", ticket.url());
        }
        if (ticket.assignee() != null && ticket.assignee().email() != null) {
            data.put("assignee", ticket.assignee().email());
        }
        data.put("ratingEventId", rated.id());
        return data;
    }

    private static Future<Void> once(KeyValueStore store, String key, Supplier<Future<Void>> step) {
        return store.get(key).compose(done -> done != null
                ? Future.succeededFuture()
                : step.get().compose(v -> store.put(key, "done")));
    }
}
