package dev.ticketflow.api;

/**
 * Event-bus addresses the platform uses. Plugins do not need them to act (the ports do that);
 * they are public so that tools and tests can observe the bus.
 *
 * @since 0.1
 */
public final class Addresses {

    /** Where help-desk port calls are sent; the providing connector consumes it. @since 0.1 */
    public static final String HELP_DESK = "ticketflow.helpdesk";
    /** Every accepted event is published here after it was appended. @since 0.1 */
    public static final String EVENTS_ACCEPTED = "ticketflow.events.accepted";
    /** Prefix of each plugin's delivery address: {@code ticketflow.plugin.<id>.deliver}. @since 0.1 */
    public static final String PLUGIN_PREFIX = "ticketflow.plugin.";

    private Addresses() {}

    /**
     * The address on which a plugin's verticle receives deliveries.
     *
     * @param pluginId the plugin id
     * @return the address
     * @since 0.1
     */
    public static String deliveries(String pluginId) {
        return PLUGIN_PREFIX + pluginId + ".deliver";
    }
}
