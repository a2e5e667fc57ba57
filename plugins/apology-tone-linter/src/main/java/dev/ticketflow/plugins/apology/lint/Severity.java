package dev.ticketflow.plugins.apology.lint;

import java.util.Locale;

/** How much a finding matters. */
public enum Severity {
    /** Worth a look. */
    LOW,
    /** Should be reworded. */
    MEDIUM,
    /** Must be reworded before sending. */
    HIGH;

    /** The lower-case id used in JSON and rules files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
