package dev.ticketflow.platform.eventlog;

import dev.ticketflow.platform.PlatformException;

/**
 * An append that the event log could not make durable: the log is closed, too many appends are
 * waiting, or the store failed to write. Nothing of the event was kept, so the sender may retry.
 */
public final class EventLogUnavailableException extends PlatformException {

    private static final long serialVersionUID = 1L;

    public EventLogUnavailableException(String message) {
        super(message);
    }

    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
