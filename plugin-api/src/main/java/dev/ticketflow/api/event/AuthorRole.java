package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who wrote a comment: the customer or someone on the support team.
 *
 * @since 0.1
 */
public enum AuthorRole {
    /** The customer (Zendesk's "end-user"). */
    @JsonProperty("end-user")
    END_USER,
    /** An agent or admin of the support team. */
    @JsonProperty("agent")
    AGENT
}
