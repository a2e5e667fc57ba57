package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records help-desk calls as readable lines; can be told to fail the next call of an action. */
final class FakeHelpDesk {

    /** One call: the ticket, the action and its arguments. */
    record Call(String ticketId, String action, List<String> values) {
        @Override
        public String toString() {
            return action + " " + String.join(",", values);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> failNext = new CopyOnWriteArrayList<>();

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> lines() {
        return calls.stream().map(Call::toString).toList();
    }

    List<Call> calls(String action) {
        return calls.stream().filter(call -> call.action().equals(action)).toList();
    }

    void failNext(String action) {
        failNext.add(action);
    }

    HelpDesk bind(TicketRef ticket) {
        return new HelpDesk() {
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
                return record("internalNote", body);
            }

            @Override
            public Future<Void> addPublicReply(String body) {
                return record("publicReply", body);
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
                return Future.failedFuture(new PortCallException(FailureCode.INVALID_REQUEST, "not faked"));
            }

            private Future<Void> record(String action, String... values) {
                if (failNext.remove(action)) {
                    return Future.failedFuture(new PortCallException(FailureCode.VENDOR_ERROR,
                            "help desk refused " + action));
                }
                calls.add(new Call(ticket.ticketId(), action, List.of(values)));
                return Future.succeededFuture();
            }
        };
    }
}
