package dev.ticketflow.api;

/**
 * A port call the plugin did not declare the permission for. The call never reached the port.
 *
 * @since 0.1
 */
public final class PermissionDeniedException extends PluginApiException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final String permission;

    /**
     * Creates the exception.
     *
     * @param pluginId the calling plugin
     * @param permission the missing permission
     * @since 0.1
     */
    public PermissionDeniedException(String pluginId, String permission) {
        super("plugin '" + pluginId + "' lacks permission '" + permission
                + "': add it to plugin.permissions in its descriptor");
        this.pluginId = pluginId;
        this.permission = permission;
    }

    /**
     * The calling plugin.
     *
     * @return the plugin id
     * @since 0.1
     */
    public String pluginId() {
        return pluginId;
    }

    /**
     * The missing permission.
     *
     * @return the permission
     * @since 0.1
     */
    public String permission() {
        return permission;
    }
}
