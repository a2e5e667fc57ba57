package dev.ticketflow.plugins.gitlab.webhook;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.plugins.gitlab.client.GitLabClient;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.state.IssueLinks;
import dev.ticketflow.plugins.gitlab.state.Once;
import dev.ticketflow.plugins.gitlab.state.TicketKey;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells every ticket linked to an issue that the issue was closed, reopened or put on a
 * milestone: an internal note, and a public reply when configured. Each ticket's note and reply
 * are guarded by the delivery key, so a redelivered or resent hook adds nothing twice, and a
 * delivery that failed half-way adds only what is missing when GitLab resends it.
 */
public final class IssueUpdateNotifier {

    private final LinkerSettings settings;
    private final GitLabClient gitlab;
    private final KeyValueStore store;
    private final IssueLinks links;
    private final Function<TicketRef, HelpDesk> helpDesks;
    private final Log log;

    /**
     * Creates the notifier.
     *
     * @param settings the configuration
     * @param gitlab for milestone titles
     * @param store the plugin's store
     * @param helpDesks the help desk of a ticket (the plugin context's {@code helpDesk})
     * @param log the plugin's log
     */
    public IssueUpdateNotifier(LinkerSettings settings, GitLabClient gitlab, KeyValueStore store,
            Function<TicketRef, HelpDesk> helpDesks, Log log) {
        this.settings = settings;
        this.gitlab = gitlab;
        this.store = store;
        this.links = new IssueLinks(store);
        this.helpDesks = helpDesks;
        this.log = log;
    }

    /**
     * Notifies the linked tickets.
     *
     * @param hook the change
     * @param deliveryKey identifies the GitLab event across redeliveries
     * @return how many tickets are linked to the issue
     */
    public Future<Integer> notify(IssueHook hook, String deliveryKey) {
        return links.ticketsOf(hook.projectId(), hook.iid()).compose(tickets -> {
            if (tickets.isEmpty()) {
                return Future.succeededFuture(0);
            }
            return milestone(hook).compose(milestone -> {
                Map<String, Object> model = model(hook, milestone);
                return notifyEach(tickets, 0, model, deliveryKey).map(tickets.size());
            });
        });
    }

    private Future<Void> notifyEach(List<TicketKey> tickets, int index, Map<String, Object> model, String deliveryKey) {
        if (index >= tickets.size()) {
            return Future.succeededFuture();
        }
        TicketKey ticket = tickets.get(index);
        HelpDesk helpDesk = helpDesks.apply(ticket.ref());
        Once once = new Once(store, log);
        String prefix = "effect/gitlab-hook/" + deliveryKey + "/" + ticket.key();
        String note = settings.templates().issueUpdateNote().render(model);
        Future<Boolean> noted = once.run(prefix + "/note", () -> helpDesk.addInternalNote(note));
        Future<Boolean> told = !settings.webhook().publicUpdates() ? noted : noted.compose(done -> once.run(
                prefix + "/reply", () -> helpDesk.addPublicReply(settings.templates().issueUpdateReply().render(model))));
        return told.compose(done -> notifyEach(tickets, index + 1, model, deliveryKey));
    }

    private Future<String> milestone(IssueHook hook) {
        if (hook.milestoneId() == null) {
            return Future.succeededFuture(null);
        }
        return gitlab.milestoneTitle(hook.projectId(), hook.milestoneId()).recover(failure -> {
            log.warn("could not read milestone {} of project {}: {}", hook.milestoneId(), hook.projectId(),
                    failure.getMessage());
            return Future.succeededFuture("#" + hook.milestoneId());
        });
    }

    private static Map<String, Object> model(IssueHook hook, String milestone) {
        Map<String, Object> issue = new HashMap<>();
        issue.put("iid", hook.iid());
        issue.put("url", hook.url());
        issue.put("project", hook.projectPath());
        issue.put("reference", hook.projectPath() + "#" + hook.iid());
        Map<String, Object> change = new HashMap<>();
        change.put("closed", hook.closed());
        change.put("reopened", hook.reopened());
        change.put("milestone", milestone);
        change.put("by", hook.by());
        Map<String, Object> model = new HashMap<>();
        model.put("issue", issue);
        model.put("change", change);
        return model;
    }
}
