package dev.ticketflow.platform.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Carries an immutable object across the local event bus as the same instance: no copy, no
 * Java serialization, no class-loader trouble between plugins. Refuses the wire, since
 * Ticketflow's messages never leave the JVM in a single-node deployment.
 *
 * @param <T> the immutable message type
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {

    private final String name;

    public LocalCodec(Class<T> type) {
        this.name = "ticketflow-local-" + type.getName();
    }

    @Override
    public void encodeToWire(Buffer buffer, T message) {
        throw new UnsupportedOperationException(name + " is local only");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(name + " is local only");
    }

    @Override
    public T transform(T message) {
        return message;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
