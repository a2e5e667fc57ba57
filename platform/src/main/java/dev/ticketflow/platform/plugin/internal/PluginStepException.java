package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.platform.PlatformException;

/** A plugin's {@code register}, {@code onStart} or {@code onStop} threw or failed. */
public final class PluginStepException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final String step;

    PluginStepException(String pluginId, String step, Throwable cause) {
        super("plugin '" + pluginId + "' failed in " + step + ": " + PluginVerticle.describe(cause), cause);
        this.pluginId = pluginId;
        this.step = step;
    }

    public String pluginId() {
        return pluginId;
    }

    public String step() {
        return step;
    }
}
