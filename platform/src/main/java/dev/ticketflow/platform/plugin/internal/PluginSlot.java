package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import dev.ticketflow.platform.plugin.PluginInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What the host knows about one file of the plugins folder: the copy it loaded, the plugin's
 * descriptor when it could be read, its state and last error, and its runtime while started.
 * Changed only by the host's serialized operations; read by anyone (fields are volatile).
 */
public final class PluginSlot {

    /** Running: receives events. */
    public static final String STARTED = "STARTED";
    /** Loaded but not started, by configuration or by the admin API. */
    public static final String DISABLED = "DISABLED";
    /** Could not be loaded or started; see the last error. Not loaded. */
    public static final String FAILED = "FAILED";

    private final String fileName;
    private volatile FileStamp stamp;
    private volatile String sha256;
    private volatile Path copy;
    private volatile TicketflowPluginDescriptor descriptor;
    private volatile boolean loaded;
    private volatile PluginRuntime runtime;
    private volatile PluginDeliveries lastDeliveries;
    private volatile String state = FAILED;
    private volatile String lastError;

    public PluginSlot(String fileName, FileStamp stamp) {
        this.fileName = fileName;
        this.stamp = stamp;
    }

    public String fileName() {
        return fileName;
    }

    public FileStamp stamp() {
        return stamp;
    }

    public void stamp(FileStamp newStamp) {
        this.stamp = newStamp;
    }

    public String sha256() {
        return sha256;
    }

    public Path copy() {
        return copy;
    }

    void copied(Path newCopy, String newSha256) {
        this.copy = newCopy;
        this.sha256 = newSha256;
    }

    /** The plugin id, or {@code null} when the descriptor could not be read. */
    public String pluginId() {
        TicketflowPluginDescriptor known = descriptor;
        return known == null ? null : known.getPluginId();
    }

    public TicketflowPluginDescriptor descriptor() {
        return descriptor;
    }

    void descriptor(TicketflowPluginDescriptor read) {
        this.descriptor = read;
    }

    /** Whether PF4J holds the plugin (and its class loader). */
    public boolean loaded() {
        return loaded;
    }

    void loaded(boolean isLoaded) {
        this.loaded = isLoaded;
    }

    public PluginRuntime runtime() {
        return runtime;
    }

    public String state() {
        return state;
    }

    public void started(PluginRuntime newRuntime) {
        this.runtime = newRuntime;
        this.lastDeliveries = newRuntime.deliveries();
        this.state = STARTED;
        this.lastError = null;
    }

    public void stopped(String newState) {
        this.runtime = null;
        this.state = newState;
    }

    public void failed(String reason) {
        this.runtime = null;
        this.state = FAILED;
        this.lastError = reason;
    }

    public PluginInfo info() {
        TicketflowPluginDescriptor known = descriptor;
        PluginDeliveries counts = lastDeliveries;
        return new PluginInfo(
                known == null ? fileName : known.getPluginId(),
                known == null ? null : known.getVersion(),
                state,
                fileName,
                known == null ? List.of() : known.subscriptions(),
                known == null ? List.of() : known.permissions(),
                lastError,
                counts == null ? 0 : counts.delivered(),
                counts == null ? 0 : counts.failed(),
                counts == null ? null : counts.circuit());
    }
}
