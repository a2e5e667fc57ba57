package dev.ticketflow.plugins.tagger;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import org.pf4j.Extension;

/** Tags every new ticket with the configured tag. */
@Extension
public final class NewTicketTagger implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        String tag = plugin.config().getString("tag", "new");
        plugin.on(EventTypes.TICKET_CREATED, ctx -> ctx.helpDesk().addTags(tag));
    }
}
