package dev.ticketflow.platform;

/** The root of the platform's own exceptions. Unchecked; subclasses carry data. */
public abstract class PlatformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected PlatformException(String message) {
        super(message);
    }

    protected PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
