package dev.ticketflow.platform.plugin.internal;

import java.util.Properties;
import org.pf4j.PluginDescriptor;
import org.pf4j.PropertiesPluginDescriptorFinder;

/** PF4J's {@code plugin.properties} reader, plus {@code plugin.subscriptions/permissions/configSchema}. */
final class PropertiesDescriptorFinder extends PropertiesPluginDescriptorFinder {

    @Override
    protected PluginDescriptor createPluginDescriptor(Properties properties) {
        TicketflowPluginDescriptor descriptor = (TicketflowPluginDescriptor) super.createPluginDescriptor(properties);
        DescriptorKeys.apply(descriptor, DescriptorKeys.SUBSCRIPTIONS,
                properties.getProperty(DescriptorKeys.SUBSCRIPTIONS),
                properties.getProperty(DescriptorKeys.PERMISSIONS),
                properties.getProperty(DescriptorKeys.CONFIG_SCHEMA));
        return descriptor;
    }

    @Override
    protected TicketflowPluginDescriptor createPluginDescriptorInstance() {
        return new TicketflowPluginDescriptor();
    }
}
