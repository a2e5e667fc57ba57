package dev.ticketflow.api.port;

import io.vertx.core.Future;

/**
 * The mail port: sends e-mail through the platform's configured SMTP server. Permission
 * {@code mail:send}. Thread-safe.
 *
 * @since 0.1
 */
public interface Mail {

    /**
     * Sends a message.
     *
     * @param message the message
     * @return completes when the SMTP server accepted it
     * @since 0.1
     */
    Future<Void> send(MailMessage message);
}
