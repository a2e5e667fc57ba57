package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.ref.WeakReference;
import org.pf4j.Extension;

/**
 * Takes config {@code delayMillis} (default 500) per event without blocking, recording "begin" and
 * "end" of each and "stop" when stopped; leaves a weak reference to its class loader in
 * {@link Probe} so a test can see it collected after unload.
 */
@Extension
public final class SlowPlugin implements TicketflowPlugin {

    private PluginContext context;

    @Override
    public void register(PluginContext plugin) {
        this.context = plugin;
        Probe.classLoader(plugin.pluginId(), new WeakReference<>(getClass().getClassLoader()));
        long delay = plugin.config().getLong("delayMillis", 500L);
        plugin.on("ticket.*", ctx -> {
            Probe.record(plugin.pluginId(), "begin " + ctx.event().id());
            Promise<Void> done = Promise.promise();
            plugin.vertx().setTimer(delay, timer -> {
                Probe.record(plugin.pluginId(), "end " + ctx.event().id());
                done.complete();
            });
            return done.future();
        });
    }

    @Override
    public Future<Void> onStop() {
        Probe.record(context.pluginId(), "stop");
        return Future.succeededFuture();
    }
}
