package dev.ticketflow.plugins.zendesk.outbound;

import dev.ticketflow.plugins.zendesk.ZendeskConnectorException;

/**
 * Zendesk answered a request with an error status (after the retries that status allows).
 * The message carries Zendesk's own error text and never a credential.
 */
public final class ZendeskApiException extends ZendeskConnectorException {

    private static final long serialVersionUID = 1L;

    private final String instance;
    private final int status;
    private final String zendeskError;

    public ZendeskApiException(String instance, int status, String zendeskError, String message) {
        super(message);
        this.instance = instance;
        this.status = status;
        this.zendeskError = zendeskError;
    }

    /** The instance that answered. */
    public String instance() {
        return instance;
    }

    /** The HTTP status, 0 when no answer came (network error, rate-limit queue full). */
    public int status() {
        return status;
    }

    /** Zendesk's error text as it gave it. */
    public String zendeskError() {
        return zendeskError;
    }

    /** Whether a safe update lost against a concurrent change. */
    public boolean isConflict() {
        return status == 409;
    }
}
