package dev.ticketflow.platform.plugin.internal;

import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;

/** PF4J's manifest reader, plus {@code Plugin-Subscriptions/Permissions/Config-Schema}. */
final class ManifestDescriptorFinder extends ManifestPluginDescriptorFinder {

    @Override
    protected PluginDescriptor createPluginDescriptor(Manifest manifest) {
        TicketflowPluginDescriptor descriptor = (TicketflowPluginDescriptor) super.createPluginDescriptor(manifest);
        Attributes attributes = manifest.getMainAttributes();
        DescriptorKeys.apply(descriptor, DescriptorKeys.MANIFEST_SUBSCRIPTIONS,
                attributes.getValue(DescriptorKeys.MANIFEST_SUBSCRIPTIONS),
                attributes.getValue(DescriptorKeys.MANIFEST_PERMISSIONS),
                attributes.getValue(DescriptorKeys.MANIFEST_CONFIG_SCHEMA));
        return descriptor;
    }

    @Override
    protected TicketflowPluginDescriptor createPluginDescriptorInstance() {
        return new TicketflowPluginDescriptor();
    }
}
