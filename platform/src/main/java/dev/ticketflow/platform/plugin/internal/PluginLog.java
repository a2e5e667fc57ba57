package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A plugin's logger: SLF4J category {@code ticketflow.plugin.<id>}, with the plugin id and (during
 * a delivery) the event id in the MDC ({@code plugin}, {@code event}) and the event id in front of
 * the message, so that a plain log line can be traced to its event too.
 */
public final class PluginLog implements Log {

    private final Logger logger;
    private final String pluginId;
    private final String eventId;

    private PluginLog(String pluginId, String eventId) {
        this.logger = LoggerFactory.getLogger("ticketflow.plugin." + pluginId);
        this.pluginId = pluginId;
        this.eventId = eventId;
    }

    public static PluginLog forPlugin(String pluginId) {
        return new PluginLog(pluginId, null);
    }

    public PluginLog forEvent(String newEventId) {
        return new PluginLog(pluginId, newEventId);
    }

    @Override
    public void debug(String message, Object... args) {
        if (logger.isDebugEnabled()) {
            withMdc(() -> logger.debug(tagged(message), args));
        }
    }

    @Override
    public void info(String message, Object... args) {
        if (logger.isInfoEnabled()) {
            withMdc(() -> logger.info(tagged(message), args));
        }
    }

    @Override
    public void warn(String message, Object... args) {
        if (logger.isWarnEnabled()) {
            withMdc(() -> logger.warn(tagged(message), args));
        }
    }

    @Override
    public void error(String message, Object... args) {
        if (logger.isErrorEnabled()) {
            withMdc(() -> logger.error(tagged(message), args));
        }
    }

    private String tagged(String message) {
        return eventId == null ? message : "[" + eventId + "] " + message;
    }

    private void withMdc(Runnable log) {
        // restore what was there: the logging thread may be in the middle of other tagged work
        String previousPlugin = MDC.get("plugin");
        String previousEvent = MDC.get("event");
        MDC.put("plugin", pluginId);
        if (eventId != null) {
            MDC.put("event", eventId);
        }
        try {
            log.run();
        } finally {
            restore("plugin", previousPlugin);
            restore("event", previousEvent);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
