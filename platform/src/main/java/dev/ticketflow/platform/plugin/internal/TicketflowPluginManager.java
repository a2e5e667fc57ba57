package dev.ticketflow.platform.plugin.internal;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J configured for Ticketflow: Ticketflow's descriptor keys, the platform version for
 * {@code Plugin-Requires}, and no PF4J-side bookkeeping of its own. The host decides which files
 * to load (it passes each cached copy to {@link #loadPlugin(Path)}) and which plugins are
 * disabled, so PF4J's repository and {@code enabled.txt}/{@code disabled.txt} are switched off.
 *
 * <p>Not thread-safe: the host calls it from one operation at a time.
 */
public final class TicketflowPluginManager extends DefaultPluginManager {

    public TicketflowPluginManager(Path cacheDir, String systemVersion) {
        super(cacheDir);
        setSystemVersion(systemVersion);
        // plugins never depend on each other; a stray dependency must not poison other loads
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * Why the plugin cannot run on this platform version, or {@code null} when it can.
     *
     * @param plugin a loaded plugin
     * @return the reason, naming both versions
     */
    public String incompatibility(PluginWrapper plugin) {
        String requires = plugin.getDescriptor().getRequires();
        try {
            if (super.isPluginValid(plugin)) {
                return null;
            }
            return "plugin '" + plugin.getPluginId() + "' requires Ticketflow " + requires.trim()
                    + " (Plugin-Requires) but this is Ticketflow " + getSystemVersion();
        } catch (RuntimeException badConstraint) {
            return "plugin '" + plugin.getPluginId() + "' has an unreadable Plugin-Requires '" + requires
                    + "': " + badConstraint.getMessage();
        }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        // PF4J throws on an unparsable constraint after it created the class loader; report instead
        return incompatibility(plugin) == null;
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new TicketflowDescriptorFinder();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {}

            @Override
            public void enablePlugin(String pluginId) {}
        };
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return List.of();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        // the PF4J Plugin class is optional for Ticketflow plugins (the lifecycle is TicketflowPlugin)
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                String pluginClass = wrapper.getDescriptor().getPluginClass();
                return pluginClass == null || pluginClass.isBlank() ? new Plugin() : super.create(wrapper);
            }
        };
    }
}
