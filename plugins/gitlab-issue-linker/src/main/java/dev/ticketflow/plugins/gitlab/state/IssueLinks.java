package dev.ticketflow.plugins.gitlab.state;

import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket ↔ issue links, in the plugin's store.
 *
 * <p>The store has no lists and no scans, and tickets about one issue are handled concurrently,
 * so an issue's tickets are kept in numbered slots ({@code link/<project>#<iid>/<n>}), each
 * claimed with {@code putIfAbsent}: two tickets linking at once take different slots, and no
 * read-modify-write can lose one. A ticket's own issue is a plain key.
 */
public final class IssueLinks {

    private final KeyValueStore store;

    /**
     * Creates the link book.
     *
     * @param store the plugin's store
     */
    public IssueLinks(KeyValueStore store) {
        this.store = store;
    }

    /**
     * Links a ticket to an issue; linking the same pair again changes nothing.
     *
     * @param projectId the issue's numeric project id
     * @param iid the issue's iid
     * @param ticket the ticket
     * @return completes when stored
     */
    public Future<Void> link(long projectId, long iid, TicketKey ticket) {
        return store.put("ticket-issue/" + ticket.key() + "/" + projectId + "#" + iid,
                        new JsonObject().put("project_id", projectId).put("iid", iid).encode())
                .compose(stored -> claimSlot(issueKey(projectId, iid), 0, ticket));
    }

    /**
     * The tickets linked to an issue, in the order they were linked.
     *
     * @param projectId the numeric project id
     * @param iid the issue's iid
     * @return the tickets, empty when none
     */
    public Future<List<TicketKey>> ticketsOf(long projectId, long iid) {
        List<TicketKey> tickets = new ArrayList<>();
        return collect(issueKey(projectId, iid), 0, tickets).map(done -> tickets);
    }

    private Future<Void> claimSlot(String issueKey, int slot, TicketKey ticket) {
        String value = ticket.toJson().encode();
        return store.get(issueKey + "/" + slot).compose(existing -> {
            if (existing != null) {
                return TicketKey.fromJson(new JsonObject(existing)).key().equals(ticket.key())
                        ? Future.succeededFuture()
                        : claimSlot(issueKey, slot + 1, ticket);
            }
            return store.putIfAbsent(issueKey + "/" + slot, value).compose(claimed -> claimed
                    ? Future.<Void>succeededFuture()
                    : claimSlot(issueKey, slot, ticket));
        });
    }

    private Future<Void> collect(String issueKey, int slot, List<TicketKey> tickets) {
        return store.get(issueKey + "/" + slot).compose(value -> {
            if (value == null) {
                return Future.succeededFuture();
            }
            tickets.add(TicketKey.fromJson(new JsonObject(value)));
            return collect(issueKey, slot + 1, tickets);
        });
    }

    private static String issueKey(long projectId, long iid) {
        return "link/" + projectId + "#" + iid;
    }
}
