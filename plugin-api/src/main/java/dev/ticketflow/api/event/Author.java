package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The author of a comment, with the role that tells customers and agents apart.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the help desk's id of the author
 * @param name display name
 * @param email e-mail address
 * @param role customer or agent; never {@code null} in events the platform accepts
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Author(String id, String name, String email, AuthorRole role) {}
