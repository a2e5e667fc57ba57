package dev.ticketflow.plugins.apology.eval;

import dev.ticketflow.plugins.apology.lint.ReplyContext;
import java.util.Set;

/**
 * One hand-labelled agent reply of the evaluation set.
 *
 * @param id the reply's id within its file
 * @param split {@code dev} (used while writing rules), {@code holdout} (kept aside) or {@code dev2}
 *     (written later in other words, to make the rules generalise)
 * @param kind what makes the reply interesting
 * @param context what the ticket says about whose problem it was
 * @param expected the rule ids that should fire; empty for a clean reply
 * @param text the reply
 */
public record LabelledReply(String id, String split, String kind, ReplyContext context, Set<String> expected,
        String text) {}
