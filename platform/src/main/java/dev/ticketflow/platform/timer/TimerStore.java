package dev.ticketflow.platform.timer;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where pending timers are kept. Implementations never block the caller's event loop. The
 * SQLite implementation is {@code SqliteTimerStore}.
 */
public interface TimerStore {

    /**
     * Stores a timer, replacing the plugin's timer with the same key.
     *
     * @param timer the timer
     * @return completes once it is durable
     */
    Future<Void> put(StoredTimer timer);

    /**
     * Removes a plugin's timer.
     *
     * @param pluginId the plugin
     * @param key the key
     * @return the removed timer, or {@code null} when there was none
     */
    Future<StoredTimer> remove(String pluginId, String key);

    /**
     * Timers of some plugins that are due, earliest first.
     *
     * @param now the current time
     * @param pluginIds the plugins whose timers may fire
     * @param limit at most this many
     * @return the due timers
     */
    Future<List<StoredTimer>> due(Instant now, Collection<String> pluginIds, int limit);

    /**
     * When the next timer of some plugins is due.
     *
     * @param pluginIds the plugins
     * @return the earliest due time, or {@code null} when they have no timers
     */
    Future<Instant> nextDue(Collection<String> pluginIds);

    /**
     * Removes a timer that fired, unless it was rescheduled meanwhile.
     *
     * @param timer the timer as it was when it fired
     * @return {@code true} when removed, {@code false} when rescheduled or cancelled meanwhile
     */
    Future<Boolean> removeFired(StoredTimer timer);
}
