package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Future;
import org.pf4j.Extension;

/**
 * Its handler blocks its thread (config {@code blockMillis}) before answering, for events matching
 * config {@code handle} (default ticket.*).
 */
@Extension
public final class BlockingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        long blockMillis = plugin.config().getLong("blockMillis", 1000L);
        plugin.on(plugin.config().getString("handle", "ticket.*"), ctx -> {
            try {
                Thread.sleep(blockMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Future.succeededFuture();
        });
    }
}
