package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person on a ticket: requester, assignee or comment author. Every field may be {@code null}
 * when the help desk did not say.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the help desk's id of the person, as a string
 * @param name display name
 * @param email e-mail address
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String id, String name, String email) {}
