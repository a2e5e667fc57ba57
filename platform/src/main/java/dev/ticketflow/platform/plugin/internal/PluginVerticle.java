package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One plugin at run time. Deployed as a worker verticle on the plugin's own worker pool with the
 * plugin's class loader, so a plugin that blocks stalls only itself. Its start runs the plugin's
 * {@code register} and {@code onStart}, then consumes the plugin's delivery address; each
 * delivery runs the matching handlers one after another and replies ok, or fails with what went
 * wrong.
 */
public final class PluginVerticle extends VerticleBase {

    /** Failure code of a delivery whose handlers failed (HTTP-like: the plugin's own error). */
    public static final int HANDLER_FAILED = 500;

    private final TicketflowPlugin plugin;
    private final DefaultPluginContext pluginContext;

    public PluginVerticle(TicketflowPlugin plugin, DefaultPluginContext pluginContext) {
        this.plugin = plugin;
        this.pluginContext = pluginContext;
    }

    @Override
    public Future<?> start() {
        return call("register", () -> {
            plugin.register(pluginContext);
            return Future.succeededFuture();
        })
                .compose(registered -> call("onStart", () -> plugin.onStart(pluginContext)))
                .compose(started -> vertx.eventBus()
                        .<TicketEvent>consumer(Addresses.deliveries(pluginContext.pluginId()), this::deliver)
                        .completion());
    }

    @Override
    public Future<?> stop() {
        return call("onStop", plugin::onStop);
    }

    private void deliver(Message<TicketEvent> message) {
        TicketEvent event = message.body();
        DefaultEventContext context = new DefaultEventContext(pluginContext, event, attempt(message));
        List<String> failures = new ArrayList<>();
        Future<Void> all = Future.succeededFuture();
        for (EventHandler handler : pluginContext.handlersFor(event.type())) {
            all = all.transform(previous -> invoke(handler, context).recover(failure -> {
                synchronized (failures) {
                    failures.add(describe(failure));
                }
                return Future.succeededFuture();
            }));
        }
        all.onComplete(done -> {
            synchronized (failures) {
                if (failures.isEmpty()) {
                    message.reply(null);
                } else {
                    message.fail(HANDLER_FAILED, String.join("; ", failures));
                }
            }
        });
    }

    private Future<Void> invoke(EventHandler handler, DefaultEventContext context) {
        try {
            Future<Void> result = handler.handle(context);
            return result != null ? result : Future.failedFuture("handler returned null instead of a Future");
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            context.log().warn("Handler threw on {} event", context.event().type(), e);
            return Future.failedFuture(e);
        }
    }

    private static int attempt(Message<?> message) {
        String header = message.headers().get(PluginDeliveries.ATTEMPT_HEADER);
        try {
            return header == null ? 1 : Integer.parseInt(header);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private <T> Future<T> call(String step, Callable<Future<T>> work) {
        Future<T> result;
        try {
            result = work.call();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            return Future.failedFuture(new PluginStepException(pluginContext.pluginId(), step, e));
        }
        if (result == null) {
            return Future.failedFuture(new PluginStepException(pluginContext.pluginId(), step,
                    new IllegalStateException(step + " returned null instead of a Future")));
        }
        return result.recover(failure -> Future.failedFuture(failure instanceof PluginStepException
                ? failure : new PluginStepException(pluginContext.pluginId(), step, failure)));
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return failure.getClass().getName();
        }
        // a plain failed future carries a NoStackTraceThrowable; its message is all there is
        return failure.getClass().getName().startsWith("io.vertx.") ? message
                : failure.getClass().getSimpleName() + ": " + message;
    }
}
