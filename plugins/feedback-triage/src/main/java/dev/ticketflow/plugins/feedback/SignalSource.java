package dev.ticketflow.plugins.feedback;

import java.util.Locale;

/**
 * Where a classification signal was found. Field, form and tag are set on purpose by the
 * customer's choice or an agent and so outrank keywords found in free text.
 */
public enum SignalSource {
    FIELD(true),
    FORM(true),
    TAG(true),
    SUBJECT(false),
    COMMENT(false);

    private final boolean explicit;

    SignalSource(boolean explicit) {
        this.explicit = explicit;
    }

    /** Whether someone chose this value, as opposed to a keyword found in text. */
    public boolean explicit() {
        return explicit;
    }

    /** The lowercase name used in configuration and event data. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source with a lowercase name. */
    public static SignalSource fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
