package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A help desk that records every call, for asserting what a plugin did to a ticket. */
final class FakeHelpDesk implements HelpDesk {

    final TicketRef ticket;
    final List<String> tags = new CopyOnWriteArrayList<>();
    final List<String> internalNotes = new CopyOnWriteArrayList<>();
    final List<String> publicReplies = new CopyOnWriteArrayList<>();
    final List<String> ccs = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    FakeHelpDesk(TicketRef ticket) {
        this.ticket = ticket;
    }

    @Override
    public TicketRef ticket() {
        return ticket;
    }

    @Override
    public Future<Void> addTags(String... added) {
        calls.add("addTags");
        tags.addAll(List.of(added));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> removeTags(String... removed) {
        calls.add("removeTags");
        tags.removeAll(List.of(removed));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> addInternalNote(String body) {
        calls.add("addInternalNote");
        internalNotes.add(body);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> addPublicReply(String body) {
        calls.add("addPublicReply");
        publicReplies.add(body);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> addCc(String... emails) {
        calls.add("addCc");
        ccs.addAll(List.of(emails));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> assignGroup(String group) {
        calls.add("assignGroup");
        return Future.succeededFuture();
    }

    @Override
    public Future<TicketSnapshot> read() {
        return Future.failedFuture(new UnsupportedOperationException("not needed by this plugin"));
    }
}
