package dev.ticketflow.api.port;

import io.vertx.core.Future;

/**
 * Small per-plugin key/value state (idempotency markers, links between tickets and issues).
 * Each plugin sees only its own keys. Values are strings; store JSON text for structure.
 * Thread-safe.
 *
 * @since 0.1
 */
public interface KeyValueStore {

    /**
     * Reads a value.
     *
     * @param key the key
     * @return the value, or {@code null} when absent
     * @since 0.1
     */
    Future<String> get(String key);

    /**
     * Writes a value, replacing any previous one.
     *
     * @param key the key
     * @param value the value
     * @return completes when stored
     * @since 0.1
     */
    Future<Void> put(String key, String value);

    /**
     * Writes a value only when the key is absent: the building block of "do this once".
     *
     * @param key the key
     * @param value the value
     * @return {@code true} when this call stored it, {@code false} when the key existed
     * @since 0.1
     */
    Future<Boolean> putIfAbsent(String key, String value);

    /**
     * Deletes a key.
     *
     * @param key the key
     * @return {@code true} when the key existed
     * @since 0.1
     */
    Future<Boolean> delete(String key);
}
