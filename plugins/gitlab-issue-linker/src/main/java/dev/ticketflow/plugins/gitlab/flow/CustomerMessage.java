package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.Comment;
import io.vertx.core.Future;

/**
 * The customer's own words about the ticket: the comment the event carries when a customer
 * wrote it, otherwise (a derived event such as {@code feedback.classified} carries none) the
 * first customer comment on the ticket, read from the help desk when allowed.
 */
final class CustomerMessage {

    private CustomerMessage() {}

    static Future<String> of(EventContext context, boolean readTicket) {
        Comment comment = context.event().comment();
        if (comment != null && comment.byEndUser()) {
            return Future.succeededFuture(comment.body());
        }
        if (!readTicket) {
            return Future.succeededFuture(null);
        }
        return context.helpDesk().read()
                .map(snapshot -> snapshot.comments().stream().filter(Comment::byEndUser).map(Comment::body)
                        .findFirst().orElse(null))
                .recover(failure -> {
                    context.log().warn("could not read the ticket for a summary, using its subject: {}",
                            failure.getMessage());
                    return Future.succeededFuture(null);
                });
    }
}
