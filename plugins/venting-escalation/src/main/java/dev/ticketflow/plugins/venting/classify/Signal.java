package dev.ticketflow.plugins.venting.classify;

/**
 * One piece of evidence: a rule that matched, and where.
 *
 * @param ruleId the rule's id, e.g. {@code threat.veiled_menace}
 * @param label the label the rule points to
 * @param weight how much one match of the rule counts towards its label's threshold
 * @param start start offset of the matched text in the original message
 * @param end end offset (exclusive)
 * @param text the matched text as the customer wrote it
 */
public record Signal(String ruleId, Label label, int weight, int start, int end, String text) {

    /** A one-line rendering for notes and logs: {@code rule "text" [start-end]}. */
    public String describe() {
        return ruleId + " \"" + text.replaceAll("\\s+", " ") + "\" [" + start + "-" + end + "]";
    }
}
