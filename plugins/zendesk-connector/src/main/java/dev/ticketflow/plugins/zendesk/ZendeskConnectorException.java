package dev.ticketflow.plugins.zendesk;

/** The root of the connector's own exceptions. Unchecked; subclasses carry data. */
public abstract class ZendeskConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ZendeskConnectorException(String message) {
        super(message);
    }

    protected ZendeskConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
