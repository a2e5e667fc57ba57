package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.gitlab.client.GitLabClient;
import dev.ticketflow.plugins.gitlab.client.NewIssue;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.state.IssueLinks;
import dev.ticketflow.plugins.gitlab.state.Once;
import dev.ticketflow.plugins.gitlab.state.TicketKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A bug or product feedback: find a matching open issue and add a note, or create an issue;
 * record the link; tell the customer; tag the ticket; emit {@code issue.linked}.
 *
 * <p>Exactly once in effect: the first event to claim a ticket for a kind owns it (later events
 * about the same ticket change nothing); each step of the owning event is guarded by a store key
 * made of the event id and the step, so a retry or replay redoes only the steps that did not
 * complete; the issue chosen is remembered per event, and creation after an unclear failure first
 * looks for the ticket's marker in GitLab.
 */
public final class IssueLinkFlow {

    /** The type emitted after a ticket was linked. */
    public static final String ISSUE_LINKED = "issue.linked";

    private final LinkerSettings settings;
    private final GitLabClient gitlab;
    private final IssueFinder finder;
    private final KeyValueStore store;
    private final IssueLinks links;

    /**
     * Creates the flow.
     *
     * @param settings the configuration
     * @param gitlab the GitLab client
     * @param finder finds matching issues
     * @param store the plugin's store
     */
    public IssueLinkFlow(LinkerSettings settings, GitLabClient gitlab, IssueFinder finder, KeyValueStore store) {
        this.settings = settings;
        this.gitlab = gitlab;
        this.finder = finder;
        this.store = store;
        this.links = new IssueLinks(store);
    }

    /**
     * Handles a bug or product-feedback event.
     *
     * @param context the delivery
     * @param kind {@link FeedbackKind#BUG} or {@link FeedbackKind#PRODUCT_FEEDBACK}
     * @return completes when every step is done
     */
    public Future<Void> handle(EventContext context, FeedbackKind kind) {
        TicketEvent event = context.event();
        Ticket ticket = event.ticket();
        if (ticket.hasTag(settings.linkedTag())) {
            context.log().debug("ticket {} is already linked to an issue", ticket.id());
            return Future.succeededFuture();
        }
        TicketKey ticketKey = new TicketKey(event.source(), ticket.id(), ticket.url());
        String eventId = EventIds.of(event);
        return EventIds.claimTicket(store, kind, ticketKey, eventId).compose(owned -> {
            if (!owned) {
                context.log().debug("ticket {} was already handled as {} by another event", ticket.id(), kind);
                return Future.succeededFuture();
            }
            Once once = new Once(store, context.log());
            return CustomerMessage.of(context, settings.privacy().readTicket()).compose(message -> {
                Map<String, Object> base = baseContext(event, kind, message);
                return resolveIssue(context, kind, ticketKey, eventId, base)
                        .compose(linked -> linked == null
                                ? reply(once, context, eventId, kind, base, null).mapEmpty()
                                : linkAndTell(once, context, eventId, kind, ticketKey, linked, base));
            });
        });
    }

    private Future<Void> linkAndTell(Once once, EventContext context, String eventId, FeedbackKind kind,
            TicketKey ticketKey, LinkedIssue linked, Map<String, Object> base) {
        Map<String, Object> withIssue = new HashMap<>(base);
        withIssue.put("issue", TemplateContext.issue(linked.issue(), linked.project(), linked.created()));
        String noteMarker = "ticketflow-note:" + ticketKey.key();
        return links.link(linked.issue().projectId(), linked.issue().iid(), ticketKey)
                .compose(stored -> linked.created() ? Future.succeededFuture(false) : once.run(
                        EventIds.effect(eventId, "gitlab-note"),
                        () -> gitlab.addNote(linked.project(), linked.issue().iid(),
                                settings.templates().issueNote().render(withIssue) + hidden(noteMarker),
                                settings.issues().internalNotes(), noteMarker),
                        () -> gitlab.findNote(linked.project(), linked.issue().iid(), noteMarker)
                                .map(found -> found.isPresent())))
                .compose(noted -> reply(once, context, eventId, kind, base, withIssue))
                .compose(replied -> once.run(EventIds.effect(eventId, "tag"),
                        () -> context.helpDesk().addTags(settings.linkedTag())))
                .compose(tagged -> once.run(EventIds.effect(eventId, "emit"),
                        () -> context.emit(context.event().derive(ISSUE_LINKED, linkedData(kind, linked)))))
                .mapEmpty();
    }

    private Future<Boolean> reply(Once once, EventContext context, String eventId, FeedbackKind kind,
            Map<String, Object> base, Map<String, Object> withIssue) {
        String body = (kind == FeedbackKind.BUG ? settings.templates().bugReply()
                : settings.templates().productFeedbackReply()).render(withIssue == null ? base : withIssue);
        return once.run(EventIds.effect(eventId, "reply"), () -> context.helpDesk().addPublicReply(body));
    }

    /** The issue the event's ticket goes to: remembered, found, or created (or none). */
    private Future<LinkedIssue> resolveIssue(EventContext context, FeedbackKind kind, TicketKey ticketKey,
            String eventId, Map<String, Object> base) {
        String remembered = EventIds.effect(eventId, "issue");
        return store.get(remembered).compose(json -> {
            if (json != null) {
                return Future.succeededFuture(LinkedIssue.fromJson(new JsonObject(json)));
            }
            return finder.find(context.event().ticket().subject())
                    .compose(match -> {
                        if (match.isPresent()) {
                            return Future.succeededFuture(new LinkedIssue(match.get().project(), match.get().issue(), false));
                        }
                        if (kind == FeedbackKind.PRODUCT_FEEDBACK && !settings.issues().createForProductFeedback()) {
                            return Future.<LinkedIssue>succeededFuture(null);
                        }
                        return create(kind, ticketKey, eventId, base);
                    })
                    .compose(linked -> linked == null ? Future.succeededFuture(null)
                            : store.put(remembered, linked.toJson().encode()).map(linked));
        });
    }

    private Future<LinkedIssue> create(FeedbackKind kind, TicketKey ticketKey, String eventId, Map<String, Object> base) {
        String project = settings.createIn();
        String marker = "ticketflow-ticket:" + ticketKey.key();
        NewIssue issue = new NewIssue(settings.templates().issueTitle().render(base),
                settings.templates().issueDescription().render(base) + hidden(marker),
                settings.issues().labelsFor(kind), settings.issues().confidential());
        // a claim already present means an earlier attempt may have created the issue
        return store.putIfAbsent(EventIds.effect(eventId, "create"), "started")
                .compose(first -> first
                        ? gitlab.createIssue(project, issue, marker)
                        : gitlab.findByMarker(project, marker).compose(found -> found.isPresent()
                                ? Future.succeededFuture(found.get())
                                : gitlab.createIssue(project, issue, marker)))
                .map(created -> new LinkedIssue(project, created, true));
    }

    private Map<String, Object> baseContext(TicketEvent event, FeedbackKind kind, String message) {
        boolean personal = settings.privacy().includeCustomerDetails();
        Map<String, Object> base = new HashMap<>();
        base.put("ticket", TemplateContext.ticket(event.ticket()));
        base.put("summary", TicketSummary.of(event.ticket().subject(), message, event.ticket().requester(),
                personal, settings.privacy().summaryLength()));
        base.put("bug", kind == FeedbackKind.BUG);
        base.put("productFeedback", kind == FeedbackKind.PRODUCT_FEEDBACK);
        base.put("category", kind.category());
        if (personal) {
            base.put("customer", TemplateContext.customer(event.ticket().requester()));
        }
        return base;
    }

    private static Map<String, Object> linkedData(FeedbackKind kind, LinkedIssue linked) {
        Map<String, Object> data = new HashMap<>();
        data.put("kind", kind.category());
        data.put("project", linked.project());
        data.put("projectId", linked.issue().projectId());
        data.put("iid", linked.issue().iid());
        data.put("url", linked.issue().webUrl());
        data.put("title", linked.issue().title());
        data.put("created", linked.created());
        data.put("confidential", linked.issue().confidential());
        return data;
    }

    /** A marker GitLab's markdown does not show. */
    private static String hidden(String marker) {
        return "\n\n<!-- " + marker + " -->";
    }
}
