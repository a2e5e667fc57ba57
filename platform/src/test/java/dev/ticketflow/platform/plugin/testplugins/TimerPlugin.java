package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A survey-like plugin: on {@code ticket.solved} schedules {@code test.due} for the solve time
 * plus config {@code delay} (ISO-8601, default 24 h) under key {@code due:<ticket>}; on
 * {@code ticket.reopened} cancels it. Records "scheduled <solve id>", "cancelled <true|false>" and
 * "due <ticket> <solve id> <fired event id>".
 */
@Extension
public final class TimerPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        String id = plugin.pluginId();
        Duration delay = Duration.parse(plugin.config().getString("delay", "PT24H"));
        plugin.on("ticket.solved", ctx -> {
            TicketEvent solved = ctx.event();
            TicketEvent due = solved.derive("test.due", Map.of("solveId", solved.id()));
            return ctx.schedule().schedule(key(solved), solved.occurredAt().plus(delay), due)
                    .onSuccess(v -> Probe.record(id, "scheduled " + solved.id()));
        });
        plugin.on("ticket.reopened", ctx -> ctx.schedule().cancel(key(ctx.event()))
                .onSuccess(cancelled -> Probe.record(id, "cancelled " + cancelled))
                .mapEmpty());
        plugin.on("test.due", ctx -> {
            Probe.record(id, "due " + ctx.event().ticketId() + " " + ctx.event().data().get("solveId") + " "
                    + ctx.event().id());
            return Future.succeededFuture();
        });
    }

    private static String key(TicketEvent event) {
        return "due:" + event.ticketId();
    }
}
