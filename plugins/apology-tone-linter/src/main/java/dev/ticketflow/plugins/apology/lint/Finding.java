package dev.ticketflow.plugins.apology.lint;

/**
 * One problem with an apology in a reply.
 *
 * @param ruleId which rule: {@code scripted_apology}, {@code unnecessary_apology},
 *     {@code over_apology}, {@code guilt_admission} or {@code non_apology}
 * @param severity how much it matters
 * @param start start offset in the reply
 * @param end end offset (exclusive)
 * @param text the flagged text as written
 * @param hint how to rewrite it
 */
public record Finding(String ruleId, Severity severity, int start, int end, String text, String hint) {

    /** A one-line rendering for notes: {@code [rule, severity] chars a-b: "text" -> hint}. */
    public String describe() {
        return "[" + ruleId + ", " + severity.id() + "] chars " + start + "-" + end + ": \""
                + text.replaceAll("\\s+", " ") + "\" -> " + hint;
    }
}
