package dev.ticketflow.plugins.zendesk.inbound;

import dev.ticketflow.plugins.zendesk.ZendeskConnectorException;

/** A webhook payload that cannot become a Ticketflow event; names the field at fault. */
public final class UnmappablePayloadException extends ZendeskConnectorException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public UnmappablePayloadException(String field, String reason) {
        super("'" + field + "' " + reason);
        this.field = field;
    }

    /** The JSON path of the missing or unusable field, e.g. {@code event.comment.is_public}. */
    public String field() {
        return field;
    }

    static UnmappablePayloadException missing(String field) {
        return new UnmappablePayloadException(field, "is missing");
    }
}
