package dev.ticketflow.platform.config;

import dev.ticketflow.platform.PlatformException;

/** The configuration cannot be used; the message names the key (or variable) and what to fix. */
public final class ConfigException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** The dotted configuration key or environment variable the problem is about. */
    public String key() {
        return key;
    }
}
