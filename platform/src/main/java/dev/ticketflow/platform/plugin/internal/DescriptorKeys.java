package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.event.EventTypes;
import java.util.Arrays;
import java.util.List;
import org.pf4j.InvalidPluginDescriptorException;

/**
 * Reads Ticketflow's descriptor values (the same in {@code plugin.properties} and in the manifest)
 * into a {@link TicketflowPluginDescriptor}, refusing what cannot work at run time.
 */
final class DescriptorKeys {

    static final String SUBSCRIPTIONS = "plugin.subscriptions";
    static final String PERMISSIONS = "plugin.permissions";
    static final String CONFIG_SCHEMA = "plugin.configSchema";
    static final String MANIFEST_SUBSCRIPTIONS = "Plugin-Subscriptions";
    static final String MANIFEST_PERMISSIONS = "Plugin-Permissions";
    static final String MANIFEST_CONFIG_SCHEMA = "Plugin-Config-Schema";

    private DescriptorKeys() {}

    /**
     * Applies the values.
     *
     * @param subscriptionsKey the key name, for messages
     * @throws InvalidPluginDescriptorException when a subscription is not a valid pattern
     */
    static void apply(TicketflowPluginDescriptor descriptor, String subscriptionsKey,
            String subscriptions, String permissions, String configSchema) {
        List<String> patterns = split(subscriptions);
        for (String pattern : patterns) {
            if (!EventTypes.isValidPattern(pattern)) {
                throw new InvalidPluginDescriptorException(subscriptionsKey + ": '" + pattern
                        + "' is not an event type pattern (lowercase dotted words such as ticket.created,"
                        + " optionally ending in .*, or * alone)");
            }
        }
        descriptor.setSubscriptions(patterns);
        descriptor.setPermissions(split(permissions));
        descriptor.setConfigSchema(configSchema == null || configSchema.isBlank() ? null : configSchema.trim());
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
