package dev.ticketflow.plugins.gitlab.fakes;

import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every help-desk call of every ticket; can fail the next calls of one kind. */
public final class HelpDeskJournal {

    /** One call: {@code kind} is tags, internal-note, public-reply; {@code text} the body or tags. */
    public record Call(String kind, String ticketId, String text) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Comment>> comments = new ConcurrentHashMap<>();

    /** Fails the next {@code times} calls of a kind. */
    public void failNext(String kind, int times) {
        failures.put(kind, new AtomicInteger(times));
    }

    /** Fails the next {@code times} calls of a kind on one ticket. */
    public void failNext(String kind, String ticketId, int times) {
        failures.put(kind + "@" + ticketId, new AtomicInteger(times));
    }

    /** What {@code read()} returns for a ticket. */
    public void setComments(String ticketId, List<Comment> ticketComments) {
        comments.put(ticketId, List.copyOf(ticketComments));
    }

    public List<Call> of(String kind) {
        return calls.stream().filter(call -> call.kind().equals(kind)).toList();
    }

    public HelpDesk bind(TicketRef ticket) {
        return new HelpDesk() {
            @Override
            public TicketRef ticket() {
                return ticket;
            }

            @Override
            public Future<Void> addTags(String... tags) {
                return record("tags", String.join(",", tags));
            }

            @Override
            public Future<Void> removeTags(String... tags) {
                return record("remove-tags", String.join(",", tags));
            }

            @Override
            public Future<Void> addInternalNote(String body) {
                return record("internal-note", body);
            }

            @Override
            public Future<Void> addPublicReply(String body) {
                return record("public-reply", body);
            }

            @Override
            public Future<Void> addCc(String... emails) {
                return record("cc", String.join(",", emails));
            }

            @Override
            public Future<Void> assignGroup(String group) {
                return record("assign", group);
            }

            @Override
            public Future<TicketSnapshot> read() {
                return Future.succeededFuture(new TicketSnapshot(Ticket.withId(ticket.ticketId()),
                        new ArrayList<>(comments.getOrDefault(ticket.ticketId(), List.of()))));
            }

            private Future<Void> record(String kind, String text) {
                AtomicInteger left = failures.get(kind);
                AtomicInteger leftForTicket = failures.get(kind + "@" + ticket.ticketId());
                if ((left != null && left.getAndDecrement() > 0)
                        || (leftForTicket != null && leftForTicket.getAndDecrement() > 0)) {
                    return Future.failedFuture("help desk unavailable (" + kind + ")");
                }
                calls.add(new Call(kind, ticket.ticketId(), text));
                return Future.succeededFuture();
            }
        };
    }
}
