package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.config.SearchSettings;
import dev.ticketflow.plugins.gitlab.config.Tracker;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * The dry-run: no GitLab token is configured, so each ticket the plugin would act on gets a log
 * line saying what it would search, create, note and reply, and nothing else happens — no
 * request to GitLab and no help-desk call (a reply promising an issue that does not exist would
 * mislead the customer). Nothing is remembered either, so a replay after the set-up acts for real.
 */
public final class DryRunFlow {

    private final LinkerSettings settings;

    /**
     * Creates the flow.
     *
     * @param settings the configuration (without a connection)
     */
    public DryRunFlow(LinkerSettings settings) {
        this.settings = settings;
    }

    /**
     * Logs what handling the event would do.
     *
     * @param context the delivery
     * @param kind what the event asks for
     * @return always succeeded
     */
    public Future<Void> handle(EventContext context, FeedbackKind kind) {
        Ticket ticket = context.event().ticket();
        if (kind == FeedbackKind.FEATURE_PROPOSAL) {
            context.log().info("DRY-RUN: ticket {} (feature proposal): would reply with the tracker links {} and tag"
                    + " the ticket {}", ticket.id(), settings.trackers().stream().map(Tracker::url).toList(),
                    settings.featureProposalTag());
            return Future.succeededFuture();
        }
        SearchSettings search = settings.search();
        Keywords keywords = Keywords.of(ticket.subject(), search);
        String query = keywords.isEmpty() ? "(no keywords: no search)"
                : "\"" + keywords.query(search.searchKeywords()) + "\"";
        String projects = settings.projects().isEmpty() ? "the configured projects (none yet: set projects)"
                : settings.projects().toString();
        String createIn = settings.createIn() == null ? "the first project" : settings.createIn();
        boolean creates = kind == FeedbackKind.BUG || settings.issues().createForProductFeedback();
        context.log().info("DRY-RUN: ticket {} ({}): would search {} for {} ({} issues, in {}{}), add a note to the"
                + " best match{}; then reply to the customer with the issue link, tag the ticket {} and emit {}",
                ticket.id(), kind.category(), projects, query, search.state(), search.in(),
                search.labels().isEmpty() ? "" : ", labels " + search.labels(),
                creates ? " or else create \"" + settings.templates().issueTitle().render(model(context, kind))
                        + "\" in " + createIn + " (labels " + settings.issues().labelsFor(kind) + ", "
                        + (settings.issues().confidential() ? "confidential" : "public") + ")" : "",
                settings.linkedTag(), IssueLinkFlow.ISSUE_LINKED);
        return Future.succeededFuture();
    }

    /** What the issue title template sees, from the event alone (the ticket is not read). */
    private Map<String, Object> model(EventContext context, FeedbackKind kind) {
        Ticket ticket = context.event().ticket();
        Comment comment = context.event().comment();
        String message = comment != null && comment.byEndUser() ? comment.body() : null;
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", TemplateContext.ticket(ticket));
        model.put("summary", TicketSummary.of(ticket.subject(), message, ticket.requester(),
                settings.privacy().includeCustomerDetails(), settings.privacy().summaryLength()));
        model.put("bug", kind == FeedbackKind.BUG);
        model.put("productFeedback", kind == FeedbackKind.PRODUCT_FEEDBACK);
        model.put("category", kind.category());
        return model;
    }
}
