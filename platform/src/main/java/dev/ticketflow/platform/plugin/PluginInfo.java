package dev.ticketflow.platform.plugin;

import dev.ticketflow.platform.dispatch.CircuitStatus;
import java.util.List;

/**
 * What the admin API shows of one plugin.
 *
 * @param id plugin id (or the file name when the descriptor could not be read)
 * @param version plugin version
 * @param state {@code STARTED}, {@code STOPPED}, {@code DISABLED}, {@code FAILED}, ...
 * @param file the plugin file in the plugins folder
 * @param subscriptions the event types it subscribes to
 * @param permissions the permissions it declared
 * @param lastError why it failed, or {@code null}
 * @param delivered delivery attempts handled successfully since it started
 * @param failed delivery attempts failed since it started
 * @param circuit its deliveries' circuit breaker (closed when never started)
 */
public record PluginInfo(
        String id,
        String version,
        String state,
        String file,
        List<String> subscriptions,
        List<String> permissions,
        String lastError,
        long delivered,
        long failed,
        CircuitStatus circuit) {

    public PluginInfo {
        circuit = circuit == null ? CircuitStatus.closed() : circuit;
    }

    /** A plugin whose deliveries' circuit is closed. */
    public PluginInfo(String id, String version, String state, String file, List<String> subscriptions,
            List<String> permissions, String lastError, long delivered, long failed) {
        this(id, version, state, file, subscriptions, permissions, lastError, delivered, failed, CircuitStatus.closed());
    }
}
