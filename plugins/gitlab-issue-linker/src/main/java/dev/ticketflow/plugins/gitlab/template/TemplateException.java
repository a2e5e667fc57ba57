package dev.ticketflow.plugins.gitlab.template;

/** A template that does not compile; the message names the template and the error. */
public final class TemplateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param name the template's name (its configuration key)
     * @param cause the compiler's error
     */
    public TemplateException(String name, Throwable cause) {
        super("template '" + name + "' does not compile: " + cause.getMessage(), cause);
    }
}
