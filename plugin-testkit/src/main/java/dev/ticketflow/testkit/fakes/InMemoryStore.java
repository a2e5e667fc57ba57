package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KeyValueStore} in a map, atomic like the real one ({@code putIfAbsent} and
 * {@code delete} answer whether they changed anything). Thread-safe.
 */
public final class InMemoryStore implements KeyValueStore {

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

    /**
     * Stores a value before the test runs, as if the plugin had written it earlier.
     *
     * @param key the key
     * @param value the value
     * @return this store
     */
    public InMemoryStore seed(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** @return a copy of the contents, sorted by key */
    public Map<String, String> values() {
        return new TreeMap<>(values);
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
