package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer satisfaction rating.
 *
 * <p>Immutable and thread-safe.
 *
 * @param score {@code "good"} or {@code "bad"} (help desks with numeric scales map onto these)
 * @param comment what the customer wrote with the rating, may be {@code null}
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rating(String score, String comment) {

    /** The score of a satisfied customer. @since 0.1 */
    public static final String GOOD = "good";
    /** The score of a dissatisfied customer. @since 0.1 */
    public static final String BAD = "bad";

    /**
     * Whether this is a bad rating.
     *
     * @return {@code true} when {@link #score()} is {@value #BAD}
     * @since 0.1
     */
    public boolean isBad() {
        return BAD.equals(score);
    }
}
