package dev.ticketflow.platform.plugin;

import dev.ticketflow.platform.PlatformException;

/** No plugin with that id is known. */
public final class UnknownPluginException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public UnknownPluginException(String pluginId) {
        super("no plugin '" + pluginId + "' is loaded; GET /admin/plugins lists the known ones");
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
