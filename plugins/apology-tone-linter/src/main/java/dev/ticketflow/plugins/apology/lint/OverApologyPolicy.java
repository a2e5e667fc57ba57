package dev.ticketflow.plugins.apology.lint;

/**
 * When a reply holds too many apologies. Three are always too many; two are too many in a short
 * reply, where they sit next to each other, or when one repeats the other ("sorry again"). Two
 * separate apologies for two different faults in a longer reply are fine: each names what went
 * wrong.
 *
 * @param minimum this many apologies or more are always too many
 * @param shortReplyMinimum this many or more are too many in a short reply or when one repeats another
 * @param shortReplyMaxSentences a reply of at most this many sentences (of three words or more) is short
 * @param shortReplyMaxWords a reply of at most this many words is short
 */
public record OverApologyPolicy(int minimum, int shortReplyMinimum, int shortReplyMaxSentences,
        int shortReplyMaxWords) {

    /** The defaults of the shipped rules file. */
    public static final OverApologyPolicy DEFAULTS = new OverApologyPolicy(3, 2, 3, 60);

    /** Checks the bounds. */
    public OverApologyPolicy {
        if (minimum < 1 || shortReplyMinimum < 1 || shortReplyMaxSentences < 0 || shortReplyMaxWords < 0) {
            throw new IllegalArgumentException("over-apology counts must be positive");
        }
    }

    /**
     * Whether the apologies of a reply are too many.
     *
     * @param apologies how many apologies the reply holds
     * @param repeated whether one of them repeats an earlier one
     * @param sentences how many sentences of three words or more the reply has
     * @param words how many words it has
     * @return whether to flag an over-apology
     */
    public boolean excessive(int apologies, boolean repeated, int sentences, int words) {
        if (apologies >= minimum) {
            return true;
        }
        if (apologies < shortReplyMinimum) {
            return false;
        }
        return repeated || sentences <= shortReplyMaxSentences || words <= shortReplyMaxWords;
    }
}
