package dev.ticketflow.plugins.venting.classify;

/** A rules file that cannot be used; the message names the file, the entry and the fix. */
public final class RuleBookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public RuleBookException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the parser's or the regex compiler's complaint
     */
    public RuleBookException(String message, Throwable cause) {
        super(message, cause);
    }
}
