package dev.ticketflow.api.port;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send through the {@link Mail} port.
 *
 * <p>Immutable and thread-safe.
 *
 * @param to recipients, at least one
 * @param cc recipients in copy, may be empty
 * @param subject the subject line
 * @param text the plain-text body
 * @param html an HTML body, may be {@code null}
 * @since 0.1
 */
public record MailMessage(List<String> to, List<String> cc, String subject, String text, String html) {

    /** Requires recipients and a subject, copies the lists. */
    public MailMessage {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
        cc = cc == null ? List.of() : List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * A plain-text mail.
     *
     * @param to the recipients
     * @param subject the subject
     * @param text the body
     * @return the message
     * @since 0.1
     */
    public static MailMessage text(List<String> to, String subject, String text) {
        return new MailMessage(to, List.of(), subject, text, null);
    }
}
