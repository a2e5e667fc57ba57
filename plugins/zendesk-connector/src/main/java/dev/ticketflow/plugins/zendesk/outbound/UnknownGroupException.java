package dev.ticketflow.plugins.zendesk.outbound;

import dev.ticketflow.plugins.zendesk.ZendeskConnectorException;

/** A group was named that the Zendesk instance does not have. */
public final class UnknownGroupException extends ZendeskConnectorException {

    private static final long serialVersionUID = 1L;

    public UnknownGroupException(String instance, String group) {
        super("Zendesk instance '" + instance + "' has no group named '" + group
                + "': use the group's exact name or its numeric id");
    }
}
