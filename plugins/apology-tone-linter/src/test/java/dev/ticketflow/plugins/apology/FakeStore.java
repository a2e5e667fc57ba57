package dev.ticketflow.plugins.apology;

import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory key/value store. */
final class FakeStore implements KeyValueStore {

    final Map<String, String> values = new ConcurrentHashMap<>();

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
