package dev.ticketflow.platform.config;

import java.util.List;

/**
 * Which plugins act in dry run: their help-desk writes and mails are recorded in the ticket's
 * timeline as "would have" instead of being sent. Reads, emitted events, timers and the store
 * still work, so the rest of the workflow shows what it would do.
 *
 * @param everything {@code dryRun: true}: every plugin
 * @param plugins {@code pluginHost.dryRun}: these plugin ids
 */
public record DryRun(boolean everything, List<String> plugins) {

    /** Nothing in dry run. */
    public static final DryRun OFF = new DryRun(false, List.of());

    public DryRun {
        plugins = List.copyOf(plugins);
    }

    /**
     * Whether a plugin's outward port actions are only recorded.
     *
     * @param pluginId the plugin
     * @return {@code true} in dry run
     */
    public boolean appliesTo(String pluginId) {
        return everything || plugins.contains(pluginId);
    }
}
