package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A plugin without PF4J: a consumer on the plugin's delivery address that records every
 * delivery and answers as the test's behaviour says (a failure becomes a failed reply, as the
 * real plugin verticle does).
 */
public final class FakePlugin {

    /** One delivery as the plugin saw it. */
    public record Seen(String eventId, String ticketId, int attempt, boolean replay) {}

    private final String pluginId;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile BiFunction<TicketEvent, Integer, Future<Void>> behaviour = (event, attempt) -> Future.succeededFuture();
    private MessageConsumer<TicketEvent> consumer;

    public FakePlugin(String pluginId) {
        this.pluginId = pluginId;
    }

    /** Starts consuming on the plugin's delivery address. */
    public FakePlugin register(Vertx vertx) {
        consumer = vertx.eventBus().consumer(Addresses.deliveries(pluginId), this::handle);
        consumer.completion().await();
        return this;
    }

    /** How the plugin answers from now on. */
    public FakePlugin behaves(BiFunction<TicketEvent, Integer, Future<Void>> answer) {
        this.behaviour = answer;
        return this;
    }

    public FakePlugin succeeds() {
        return behaves((event, attempt) -> Future.succeededFuture());
    }

    public FakePlugin fails() {
        return behaves((event, attempt) -> Future.failedFuture("broken on purpose"));
    }

    /** Never answers: the dispatcher's time-out ends each attempt. */
    public FakePlugin hangs() {
        return behaves((event, attempt) -> io.vertx.core.Promise.<Void>promise().future());
    }

    public String id() {
        return pluginId;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The event ids in the order they arrived, for one ticket. */
    public List<String> eventsOf(String ticketId) {
        return seen.stream().filter(s -> s.ticketId().equals(ticketId)).map(Seen::eventId).toList();
    }

    public void unregister() {
        if (consumer != null) {
            consumer.unregister().await();
        }
    }

    private void handle(Message<TicketEvent> message) {
        TicketEvent event = message.body();
        int attempt = Integer.parseInt(message.headers().get(PluginDeliveries.ATTEMPT_HEADER));
        seen.add(new Seen(event.id(), event.ticketId(), attempt,
                "true".equals(message.headers().get(PluginDeliveries.REPLAY_HEADER))));
        Future<Void> answer;
        try {
            answer = behaviour.apply(event, attempt);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        answer.onComplete(done -> {
            if (done.succeeded()) {
                message.reply(null);
            } else {
                message.fail(500, done.cause().getMessage());
            }
        });
    }
}
