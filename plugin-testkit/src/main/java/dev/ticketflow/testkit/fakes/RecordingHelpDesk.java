package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
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

/**
 * The help-desk port of every ticket, in memory: each call is recorded as a {@link Call}, the
 * tags of each ticket are kept up to date, {@link HelpDesk#read()} answers with the ticket and
 * comments the test put, and the next calls of an action can be made to fail with a
 * {@link PortCallException} ({@code VENDOR_ERROR}) as a refusing help desk would.
 *
 * <p>Actions are named after the {@link HelpDesk} methods: {@code addTags}, {@code removeTags},
 * {@code addInternalNote}, {@code addPublicReply}, {@code addCc}, {@code assignGroup}. A failed
 * call is not recorded. Thread-safe.
 */
public final class RecordingHelpDesk {

    /**
     * One successful call.
     *
     * @param ticketId the ticket it acted on
     * @param action the {@link HelpDesk} method's name
     * @param values its arguments (tags, e-mails, or the one body or group)
     */
    public record Call(String ticketId, String action, List<String> values) {
        /** Copies the values. */
        public Call {
            values = List.copyOf(values);
        }

        /** @return the values joined with commas: the body of a note, or {@code "a,b"} for tags */
        public String text() {
            return String.join(",", values);
        }

        /** @return {@code "action values"}, e.g. {@code "addTags csat-sent,vip"} */
        @Override
        public String toString() {
            return action + " " + text();
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, TicketSnapshot> snapshots = new ConcurrentHashMap<>();

    /**
     * Binds the port to one ticket, as the platform does for an event or a route.
     *
     * @param ticket the ticket
     * @return the port
     */
    public HelpDesk bind(TicketRef ticket) {
        return new Bound(ticket);
    }

    /**
     * Fails the next call of an action, on any ticket.
     *
     * @param action e.g. {@code "addTags"}
     * @return this help desk
     */
    public RecordingHelpDesk failNext(String action) {
        return failNext(action, 1);
    }

    /**
     * Fails the next {@code times} calls of an action, on any ticket.
     *
     * @param action e.g. {@code "addTags"}
     * @param times how many calls to fail
     * @return this help desk
     */
    public RecordingHelpDesk failNext(String action, int times) {
        failures.put(action, new AtomicInteger(times));
        return this;
    }

    /**
     * Fails the next {@code times} calls of an action on one ticket.
     *
     * @param action e.g. {@code "addInternalNote"}
     * @param ticketId the ticket
     * @param times how many calls to fail
     * @return this help desk
     */
    public RecordingHelpDesk failNext(String action, String ticketId, int times) {
        failures.put(action + "@" + ticketId, new AtomicInteger(times));
        return this;
    }

    /**
     * What {@link HelpDesk#read()} answers for a ticket; without one it answers the bare ticket
     * and no comments.
     *
     * @param ticketId the ticket
     * @param ticket the ticket as the help desk has it
     * @param comments its comments, oldest first
     * @return this help desk
     */
    public RecordingHelpDesk putTicket(String ticketId, Ticket ticket, List<Comment> comments) {
        snapshots.put(ticketId, new TicketSnapshot(ticket, new ArrayList<>(comments)));
        return this;
    }

    /** Forgets the calls recorded so far, e.g. those made while a test set the scene. */
    public void clearCalls() {
        calls.clear();
    }

    /** @return every successful call, oldest first */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * @param action the action
     * @return the successful calls of one action, on any ticket
     */
    public List<Call> calls(String action) {
        return calls.stream().filter(call -> call.action().equals(action)).toList();
    }

    /**
     * @param ticketId the ticket
     * @return the successful calls on one ticket
     */
    public List<Call> callsOn(String ticketId) {
        return calls.stream().filter(call -> call.ticketId().equals(ticketId)).toList();
    }

    /** @return every call as {@link Call#toString()} lines, oldest first */
    public List<String> lines() {
        return calls.stream().map(Call::toString).toList();
    }

    /**
     * @param ticketId the ticket
     * @return the names of the actions called on the ticket, oldest first
     */
    public List<String> actionsOn(String ticketId) {
        return callsOn(ticketId).stream().map(Call::action).toList();
    }

    /**
     * @param ticketId the ticket
     * @return the ticket's tags now: added ones, minus removed ones, in the order added
     */
    public List<String> tags(String ticketId) {
        List<String> tags = new ArrayList<>();
        for (Call call : callsOn(ticketId)) {
            if (call.action().equals("addTags")) {
                tags.addAll(call.values());
            } else if (call.action().equals("removeTags")) {
                tags.removeAll(call.values());
            }
        }
        return tags;
    }

    /**
     * @param ticketId the ticket
     * @return its internal notes, oldest first
     */
    public List<String> internalNotes(String ticketId) {
        return values(ticketId, "addInternalNote");
    }

    /**
     * @param ticketId the ticket
     * @return its public replies, oldest first
     */
    public List<String> publicReplies(String ticketId) {
        return values(ticketId, "addPublicReply");
    }

    /**
     * @param ticketId the ticket
     * @return the e-mails put in copy, oldest first
     */
    public List<String> ccs(String ticketId) {
        return values(ticketId, "addCc");
    }

    /**
     * @param ticketId the ticket
     * @return the groups it was assigned to, oldest first
     */
    public List<String> groups(String ticketId) {
        return values(ticketId, "assignGroup");
    }

    private List<String> values(String ticketId, String action) {
        return callsOn(ticketId).stream().filter(call -> call.action().equals(action))
                .flatMap(call -> call.values().stream()).toList();
    }

    private boolean shouldFail(String action, String ticketId) {
        AtomicInteger any = failures.get(action);
        AtomicInteger onTicket = failures.get(action + "@" + ticketId);
        return (any != null && any.getAndDecrement() > 0) || (onTicket != null && onTicket.getAndDecrement() > 0);
    }

    /** The port bound to one ticket. */
    private final class Bound implements HelpDesk {
        private final TicketRef ticket;

        Bound(TicketRef ticket) {
            this.ticket = ticket;
        }

        @Override
        public TicketRef ticket() {
            return ticket;
        }

        @Override
        public Future<Void> addTags(String... tags) {
            return record("addTags", tags);
        }

        @Override
        public Future<Void> removeTags(String... tags) {
            return record("removeTags", tags);
        }

        @Override
        public Future<Void> addInternalNote(String body) {
            return record("addInternalNote", body);
        }

        @Override
        public Future<Void> addPublicReply(String body) {
            return record("addPublicReply", body);
        }

        @Override
        public Future<Void> addCc(String... emails) {
            return record("addCc", emails);
        }

        @Override
        public Future<Void> assignGroup(String group) {
            return record("assignGroup", group);
        }

        @Override
        public Future<TicketSnapshot> read() {
            if (shouldFail("read", ticket.ticketId())) {
                return Future.failedFuture(new PortCallException(FailureCode.VENDOR_ERROR, "help desk refused read"));
            }
            return Future.succeededFuture(snapshots.getOrDefault(ticket.ticketId(),
                    new TicketSnapshot(Ticket.withId(ticket.ticketId()), List.of())));
        }

        private Future<Void> record(String action, String... values) {
            if (shouldFail(action, ticket.ticketId())) {
                return Future.failedFuture(new PortCallException(FailureCode.VENDOR_ERROR, "help desk refused " + action));
            }
            calls.add(new Call(ticket.ticketId(), action, List.of(values)));
            return Future.succeededFuture();
        }
    }
}
