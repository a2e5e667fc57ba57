package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Promise;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * Takes a few milliseconds per event (asynchronously, so other tickets can interleave) and records
 * "ticket seq" when done.
 */
@Extension
public final class OrderRecordingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.*", ctx -> {
            String channel = plugin.pluginId();
            Probe.enter(channel);
            Promise<Void> done = Promise.promise();
            plugin.vertx().setTimer(1 + ThreadLocalRandom.current().nextInt(4), timer -> {
                Probe.record(channel, ctx.event().ticketId() + " " + ctx.event().data().get("seq"));
                Probe.exit(channel);
                done.complete();
            });
            return done.future();
        });
    }
}
