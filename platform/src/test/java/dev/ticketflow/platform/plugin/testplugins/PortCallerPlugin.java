package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.port.MailMessage;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * On each {@code ticket.created} makes the port call named by config {@code action} and records
 * "ok <result>" or "<exception class>: <message>" under its id; events of other types it receives
 * are recorded as "got <type>".
 */
@Extension
public final class PortCallerPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        String action = plugin.config().getString("action", "tag");
        plugin.on("ticket.created", ctx -> call(action, ctx)
                .onComplete(done -> Probe.record(plugin.pluginId(), done.succeeded()
                        ? "ok " + done.result()
                        : done.cause().getClass().getSimpleName() + ": " + done.cause().getMessage()))
                .mapEmpty());
        plugin.on(List.of("ticket.*", "test.*"), ctx -> {
            if (!ctx.event().type().equals("ticket.created")) {
                Probe.record(plugin.pluginId(), "got " + ctx.event().type());
            }
            return Future.succeededFuture();
        });
    }

    private static Future<?> call(String action, EventContext ctx) {
        return switch (action) {
            case "reply" -> ctx.helpDesk().addPublicReply("Thanks for writing in");
            case "read" -> ctx.helpDesk().read().map(snapshot -> snapshot.ticket().subject());
            case "assign" -> ctx.helpDesk().assignGroup("nowhere");
            case "mail" -> ctx.mail().send(MailMessage.text(List.of("a@example.com"), "Hi", "Hello"));
            case "emit" -> ctx.emit(ctx.event().derive("feedback.classified", Map.of("category", "bug")));
            case "schedule" -> ctx.schedule().schedule("reminder", Instant.now().plusMillis(100),
                    ctx.event().derive("test.reminder", Map.of()));
            case "store" -> ctx.store().putIfAbsent("seen:" + ctx.event().ticketId(), ctx.event().id())
                    .compose(first -> ctx.store().get("seen:" + ctx.event().ticketId()).map(value -> first + " " + value));
            default -> ctx.helpDesk().addTags("seen-by-" + ctx.plugin().pluginId());
        };
    }
}
