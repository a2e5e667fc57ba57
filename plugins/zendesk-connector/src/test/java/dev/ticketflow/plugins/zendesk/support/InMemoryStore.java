package dev.ticketflow.plugins.zendesk.support;

import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The plugin store, in a map. */
public final class InMemoryStore implements KeyValueStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    @Override
    public Future<String> get(String key) {
        return Future.succeededFuture(values.get(key));
    }

    @Override
    public Future<Void> put(String key, String value) {
        values.put(key, value);
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> putIfAbsent(String key, String value) {
        return Future.succeededFuture(values.putIfAbsent(key, value) == null);
    }

    @Override
    public Future<Boolean> delete(String key) {
        return Future.succeededFuture(values.remove(key) != null);
    }
}
