package dev.ticketflow.platform.plugin.internal;

import java.util.List;
import java.util.Objects;
import org.pf4j.DefaultPluginDescriptor;

/**
 * A PF4J descriptor plus Ticketflow's own keys: the event types the plugin subscribes to, the
 * permissions it declares and the JSON Schema resource its configuration must match.
 */
public final class TicketflowPluginDescriptor extends DefaultPluginDescriptor {

    private List<String> subscriptions = List.of();
    private List<String> permissions = List.of();
    private String configSchema;

    public List<String> subscriptions() {
        return subscriptions;
    }

    public List<String> permissions() {
        return permissions;
    }

    /** The schema's resource path inside the plugin, or {@code null} when it declares none. */
    public String configSchema() {
        return configSchema;
    }

    void setSubscriptions(List<String> patterns) {
        this.subscriptions = List.copyOf(patterns);
    }

    void setPermissions(List<String> declared) {
        this.permissions = List.copyOf(declared);
    }

    void setConfigSchema(String resource) {
        this.configSchema = resource;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TicketflowPluginDescriptor that && super.equals(that)
                && subscriptions.equals(that.subscriptions) && permissions.equals(that.permissions)
                && Objects.equals(configSchema, that.configSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), subscriptions, permissions, configSchema);
    }
}
