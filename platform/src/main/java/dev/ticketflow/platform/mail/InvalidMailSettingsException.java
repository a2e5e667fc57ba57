package dev.ticketflow.platform.mail;

import dev.ticketflow.platform.PlatformException;

/** The {@code mail:} section of the configuration is wrong; the message names the key. */
public final class InvalidMailSettingsException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidMailSettingsException(String key, String problem) {
        super("mail." + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The offending key inside the {@code mail:} section. */
    public String key() {
        return key;
    }

    /** What is wrong with the key and how to fix it. */
    public String problem() {
        return problem;
    }
}
