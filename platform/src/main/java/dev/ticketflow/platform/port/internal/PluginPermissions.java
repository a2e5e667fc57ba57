package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.PermissionDeniedException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/**
 * The permissions one plugin declared in its descriptor. Every port checks here before anything
 * leaves the plugin, so a refused call never reaches a connector.
 */
public final class PluginPermissions {

    private final String pluginId;
    private final Set<String> declared;

    public PluginPermissions(String pluginId, List<String> declared) {
        this.pluginId = pluginId;
        this.declared = Set.copyOf(declared);
    }

    public String pluginId() {
        return pluginId;
    }

    public boolean has(String permission) {
        return declared.contains(permission);
    }

    /**
     * Succeeds when the plugin declared the permission.
     *
     * @param permission the permission the call needs
     * @return a succeeded future, or one failed with {@link PermissionDeniedException}
     */
    public Future<Void> require(String permission) {
        return has(permission)
                ? Future.succeededFuture()
                : Future.failedFuture(new PermissionDeniedException(pluginId, permission));
    }
}
