package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A comment added to a ticket: a customer message, a public reply or an internal note.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the help desk's id of the comment, may be {@code null}
 * @param author who wrote it
 * @param body the text of the comment (plain text)
 * @param isPublic {@code true} when the customer can see it; JSON name {@code public}
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comment(
        String id, Author author, String body, @JsonProperty("public") boolean isPublic) {

    /**
     * Whether the customer wrote this comment.
     *
     * @return {@code true} for an end-user author
     * @since 0.1
     */
    public boolean byEndUser() {
        return author != null && author.role() == AuthorRole.END_USER;
    }

    /**
     * Whether an agent wrote this comment.
     *
     * @return {@code true} for an agent author
     * @since 0.1
     */
    public boolean byAgent() {
        return author != null && author.role() == AuthorRole.AGENT;
    }
}
