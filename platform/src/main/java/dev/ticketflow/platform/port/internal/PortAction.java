package dev.ticketflow.platform.port.internal;

/**
 * How a port action reads in the timeline, in the three ways it can end.
 *
 * @param infinitive e.g. "add tags [feedback]"
 * @param pastTense e.g. "added tags [feedback]"
 */
public record PortAction(String infinitive, String pastTense) {

    /** "added tags [feedback]". */
    public String done() {
        return pastTense;
    }

    /** "would have added tags [feedback]". */
    public String wouldHave() {
        return "would have " + pastTense;
    }

    /** "could not add tags [feedback]". */
    public String failed() {
        return "could not " + infinitive;
    }
}
