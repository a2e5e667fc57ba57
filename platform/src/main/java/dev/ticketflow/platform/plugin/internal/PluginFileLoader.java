package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking half of the host: copies a plugin file into the cache, loads it with PF4J, checks
 * it, and instantiates its {@link TicketflowPlugin}. Everything that makes a plugin unusable ends
 * as a {@link BrokenPluginException} whose message is the operator-facing reason, with the
 * plugin's class loader released again.
 *
 * <p>Blocking; called off the event loop. Synchronized, because PF4J's manager is not thread-safe.
 */
public final class PluginFileLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFileLoader.class);

    private final TicketflowPluginManager manager;
    private final PluginFileCache cache;
    private final TicketflowDescriptorFinder finder = new TicketflowDescriptorFinder();
    private final Function<String, JsonObject> configs;
    private final ThreadContextScrubber scrubber = new ThreadContextScrubber(PluginFileLoader.class.getClassLoader());

    public PluginFileLoader(TicketflowPluginManager manager, PluginFileCache cache, Function<String, JsonObject> configs) {
        this.manager = manager;
        this.cache = cache;
        this.configs = configs;
    }

    /**
     * Loads a plugin file into PF4J and checks version and configuration.
     *
     * @param slot the file's slot; its copy, descriptor and loaded flag are filled in as far as it gets
     * @param source the file in the plugins folder
     * @param idTaken whether another file already holds a plugin id
     * @throws BrokenPluginException when the plugin cannot be used
     */
    public synchronized void load(PluginSlot slot, Path source, Predicate<String> idTaken) {
        Path pluginPath;
        try {
            PluginFileCache.CachedCopy copy = cache.copy(source);
            slot.copied(copy.path(), copy.sha256());
            pluginPath = FileUtils.expandIfZip(copy.path());
        } catch (IOException e) {
            throw new BrokenPluginException("cannot read plugin file " + slot.fileName() + ": " + e.getMessage(), e);
        }
        TicketflowPluginDescriptor descriptor = readDescriptor(slot.fileName(), pluginPath);
        slot.descriptor(descriptor);
        String id = descriptor.getPluginId();
        if (!descriptor.getDependencies().isEmpty()) {
            throw new BrokenPluginException("plugin '" + id + "' declares plugin.dependencies; Ticketflow plugins"
                    + " must not depend on each other (they talk through events and ports)");
        }
        if (idTaken.test(id)) {
            throw new BrokenPluginException("plugin id '" + id + "' of " + slot.fileName()
                    + " is already used by another file in the plugins folder; remove one of them");
        }
        try {
            manager.loadPlugin(pluginPath);
        } catch (RuntimeException e) {
            unloadQuietly(id);
            throw new BrokenPluginException("plugin '" + id + "' cannot be loaded: " + e.getMessage(), e);
        }
        slot.loaded(true);
        PluginWrapper wrapper = manager.getPlugin(id);
        String problem = manager.incompatibility(wrapper);
        if (problem == null) {
            problem = ConfigSchemaCheck.problem(id, descriptor.configSchema(),
                    name -> ((URLClassLoader) wrapper.getPluginClassLoader()).findResource(name), configs.apply(id));
        }
        if (problem != null) {
            unload(slot);
            throw new BrokenPluginException(problem);
        }
    }

    /**
     * Starts the plugin in PF4J and creates its one {@link TicketflowPlugin} extension.
     *
     * @param slot a loaded plugin's slot
     * @return the plugin instance, from the plugin's class loader
     * @throws BrokenPluginException when there is not exactly one usable extension
     */
    public synchronized TicketflowPlugin instantiate(PluginSlot slot) {
        String id = slot.pluginId();
        PluginState state = manager.startPlugin(id);
        PluginWrapper wrapper = manager.getPlugin(id);
        if (state != PluginState.STARTED) {
            Throwable cause = wrapper.getFailedException();
            throw new BrokenPluginException("plugin '" + id + "' failed to start in PF4J"
                    + (cause == null ? "" : ": " + cause), cause);
        }
        List<Class<? extends TicketflowPlugin>> classes = manager.getExtensionClasses(TicketflowPlugin.class, id);
        if (classes.size() != 1) {
            manager.stopPlugin(id);
            throw new BrokenPluginException("plugin '" + id + "' must contain exactly one @Extension implementing "
                    + "TicketflowPlugin, found " + classes.size() + (classes.isEmpty()
                    ? " (is META-INF/extensions.idx in the jar, and plugin-api left out of it?)" : ": " + classes));
        }
        try {
            return manager.getExtensionFactory().create(classes.get(0));
        } catch (RuntimeException | LinkageError e) {
            manager.stopPlugin(id);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BrokenPluginException("plugin '" + id + "' cannot create " + classes.get(0).getName()
                    + ": " + PluginVerticle.describe(cause), e);
        }
    }

    /** Takes unloaded plugins' class loaders out of long-lived threads (see {@link ThreadContextScrubber}). */
    public void scrubThreads() {
        scrubber.scrub();
    }

    /** The class loader PF4J made for a loaded plugin. */
    public synchronized ClassLoader classLoader(PluginSlot slot) {
        return manager.getPluginClassLoader(slot.pluginId());
    }

    /** Stops the plugin in PF4J (after its runtime stopped); it stays loaded. */
    public synchronized void stop(PluginSlot slot) {
        if (slot.loaded()) {
            manager.stopPlugin(slot.pluginId());
        }
    }

    /** Unloads the plugin from PF4J, which closes its class loader, and deletes its cached copy. */
    public synchronized void unload(PluginSlot slot) {
        if (slot.loaded()) {
            ClassLoader pluginLoader = manager.getPluginClassLoader(slot.pluginId());
            unloadQuietly(slot.pluginId());
            slot.loaded(false);
            scrubber.forget(pluginLoader);
            scrubber.scrub();
        }
        if (slot.copy() != null) {
            try {
                cache.delete(slot.copy());
            } catch (RuntimeException e) {
                LOG.warn("Could not delete the cached copy {} of plugin file {}: {}", slot.copy(), slot.fileName(), e.toString());
            }
        }
    }

    private TicketflowPluginDescriptor readDescriptor(String fileName, Path pluginPath) {
        TicketflowPluginDescriptor descriptor;
        try {
            descriptor = finder.find(pluginPath);
        } catch (RuntimeException e) {
            throw new BrokenPluginException("bad plugin descriptor in " + fileName + ": " + e.getMessage(), e);
        }
        if (descriptor.getPluginId() == null || descriptor.getPluginId().isBlank()) {
            throw new BrokenPluginException("bad plugin descriptor in " + fileName
                    + ": plugin.id (Plugin-Id) is missing; is plugin.properties at the jar root?");
        }
        if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
            throw new BrokenPluginException("bad plugin descriptor in " + fileName + ": plugin.version (Plugin-Version) is missing");
        }
        return descriptor;
    }

    private void unloadQuietly(String id) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("Unloading plugin '{}' failed: {}", id, e.toString());
        }
    }
}
