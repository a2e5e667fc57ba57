package dev.ticketflow.plugins.apology.lint;

/** A linter rules file that cannot be used; the message names the file, the entry and the fix. */
public final class LinterRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public LinterRulesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and where
     * @param cause the parser's or the regex compiler's complaint
     */
    public LinterRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
