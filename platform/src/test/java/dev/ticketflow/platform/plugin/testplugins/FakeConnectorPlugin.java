package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import java.util.List;
import org.pf4j.Extension;

/** A help-desk connector that records every command under its id instead of calling a vendor. */
@Extension
public final class FakeConnectorPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        String id = plugin.pluginId();
        plugin.provideHelpDesk(new HelpDeskProvider() {
            @Override
            public Future<Void> addTags(TicketRef ticket, List<String> tags) {
                return recorded("addTags " + ticket.ticketId() + " " + tags);
            }

            @Override
            public Future<Void> removeTags(TicketRef ticket, List<String> tags) {
                return recorded("removeTags " + ticket.ticketId() + " " + tags);
            }

            @Override
            public Future<Void> addComment(TicketRef ticket, String body, boolean isPublic) {
                return recorded((isPublic ? "reply " : "note ") + ticket.ticketId() + " " + body);
            }

            @Override
            public Future<Void> addCc(TicketRef ticket, List<String> emails) {
                return recorded("cc " + ticket.ticketId() + " " + emails);
            }

            @Override
            public Future<Void> assignGroup(TicketRef ticket, String group) {
                return Future.failedFuture("no such group: " + group);
            }

            @Override
            public Future<TicketSnapshot> read(TicketRef ticket) {
                Probe.record(id, "read " + ticket.ticketId());
                return Future.succeededFuture(new TicketSnapshot(
                        new Ticket(ticket.ticketId(), null, "Subject of " + ticket.ticketId(), "open", null, null,
                                null, null, null, null, null), List.of()));
            }

            private Future<Void> recorded(String call) {
                Probe.record(id, call);
                return Future.succeededFuture();
            }
        });
    }
}
