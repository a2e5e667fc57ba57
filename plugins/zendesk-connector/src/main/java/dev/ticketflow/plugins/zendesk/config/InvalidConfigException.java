package dev.ticketflow.plugins.zendesk.config;

import dev.ticketflow.plugins.zendesk.ZendeskConnectorException;

/** The connector's configuration cannot be used; the message names the field. */
public final class InvalidConfigException extends ZendeskConnectorException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
