package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import org.pf4j.Extension;

/** Throws from register. */
@Extension
public final class ThrowsInRegisterPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        throw new IllegalStateException("cannot register without a vendor token");
    }
}
