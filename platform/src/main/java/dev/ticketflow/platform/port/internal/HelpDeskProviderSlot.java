package dev.ticketflow.platform.port.internal;

import java.util.concurrent.atomic.AtomicReference;

/** Which plugin provides the help desk; only one may at a time. Thread-safe. */
public final class HelpDeskProviderSlot {

    private final AtomicReference<String> holder = new AtomicReference<>();

    /**
     * Takes the slot for a plugin.
     *
     * @param pluginId the providing plugin
     * @throws IllegalStateException when another plugin already provides the help desk
     */
    public void claim(String pluginId) {
        if (!holder.compareAndSet(null, pluginId) && !pluginId.equals(holder.get())) {
            throw new IllegalStateException("plugin '" + holder.get() + "' already provides the help desk;"
                    + " only one help-desk connector can be loaded at a time, so plugin '" + pluginId
                    + "' cannot provide it too");
        }
    }

    /** Frees the slot if the plugin holds it. */
    public void release(String pluginId) {
        holder.compareAndSet(pluginId, null);
    }

    /** The providing plugin, or {@code null}. */
    public String holder() {
        return holder.get();
    }
}
