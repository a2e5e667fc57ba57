package dev.ticketflow.api;

/**
 * The root of the exceptions the plugin API defines. Unchecked; subclasses carry data.
 *
 * @since 0.1
 */
public abstract class PluginApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     * @since 0.1
     */
    protected PluginApiException(String message) {
        super(message);
    }
}
