package dev.ticketflow.platform.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The delivery policy of every plugin: one for all, and the plugins that differ
 * ({@code delivery.plugins.<id>} in the configuration file).
 *
 * @param defaults the policy of plugins without their own
 * @param plugins the plugins' own policies, by plugin id
 */
public record DeliverySettings(DeliveryPolicy defaults, Map<String, DeliveryPolicy> plugins) {

    public DeliverySettings {
        plugins = Map.copyOf(plugins);
    }

    /** The default policy for every plugin. */
    public static DeliverySettings defaultsForAll() {
        return of(DeliveryPolicy.defaults());
    }

    /** One policy for every plugin. */
    public static DeliverySettings of(DeliveryPolicy policy) {
        return new DeliverySettings(policy, Map.of());
    }

    /**
     * The policy of one plugin.
     *
     * @param pluginId the plugin
     * @return its own policy, or the default one
     */
    public DeliveryPolicy forPlugin(String pluginId) {
        return plugins.getOrDefault(pluginId, defaults);
    }

    public DeliverySettings withPlugin(String pluginId, DeliveryPolicy policy) {
        Map<String, DeliveryPolicy> copy = new HashMap<>(plugins);
        copy.put(pluginId, policy);
        return new DeliverySettings(defaults, copy);
    }
}
