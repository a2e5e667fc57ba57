package dev.ticketflow.platform.plugin;

import io.vertx.core.Future;
import java.util.List;

/**
 * Loads, starts, watches and unloads the plugins of the plugins folder. A broken plugin is
 * reported (state {@code FAILED} with its reason) and never stops the platform.
 */
public interface PluginHost {

    /**
     * Loads and starts every plugin in the folder, then watches the folder.
     *
     * @return completes when the initial plugins were started (or failed)
     */
    Future<Void> start();

    /**
     * Every known plugin, loaded or failed.
     *
     * @return the plugins, sorted by id
     */
    List<PluginInfo> plugins();

    /**
     * Starts a disabled or stopped plugin.
     *
     * @param pluginId the plugin
     * @return its state afterwards; fails with {@link UnknownPluginException} for an unknown id
     */
    Future<PluginInfo> enable(String pluginId);

    /**
     * Stops a plugin after its in-flight deliveries, and keeps it stopped.
     *
     * @param pluginId the plugin
     * @return its state afterwards
     */
    Future<PluginInfo> disable(String pluginId);

    /**
     * Stops, unloads and loads the plugin again from its file.
     *
     * @param pluginId the plugin
     * @return its state afterwards
     */
    Future<PluginInfo> reload(String pluginId);

    /**
     * Stops every plugin and stops watching.
     *
     * @return completes when done
     */
    Future<Void> close();
}
