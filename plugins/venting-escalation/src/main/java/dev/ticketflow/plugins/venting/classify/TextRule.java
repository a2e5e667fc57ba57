package dev.ticketflow.plugins.venting.classify;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled classification rule. A plain rule fires when any of its alternatives matches (at
 * least {@code minCount} matches in all). A window rule fires when every pattern of
 * {@code allOf} matches within {@code window} consecutive sentences, which catches threats split
 * across sentences ("You have a son. Answer my ticket.").
 *
 * @param id unique id, also the signal's rule id
 * @param label the label the rule points to
 * @param weight venting weight of one match (0 for threat rules)
 * @param maxWeight what the rule adds at most, however many different texts it matched
 * @param onOriginal {@code true} to match the message as written instead of the folded text
 * @param anyOf the alternatives of a plain rule; empty for a window rule
 * @param allOf the patterns of a window rule; empty for a plain rule
 * @param window 0 for a plain rule, else the number of consecutive sentences
 * @param minCount matches needed for a plain rule to fire
 * @param keywords a window rule's keywords (those of its first pattern); empty: always tried
 * @param anchoredWindow for a window rule: its first pattern's matches start at its keywords
 * @param requires literal strings one of which must occur in the text for the rule to be tried
 *     (a cheap prefilter for rules without words, such as {@code !!}); empty: no prefilter
 */
public record TextRule(
        String id,
        Label label,
        int weight,
        int maxWeight,
        boolean onOriginal,
        List<Alternative> anyOf,
        List<Pattern> allOf,
        int window,
        int minCount,
        Set<String> keywords,
        boolean anchoredWindow,
        List<String> requires) {

    /**
     * One alternative of a plain rule.
     *
     * @param pattern what to match
     * @param keywords word prefixes one of which must occur near a match; empty: tried everywhere
     * @param anchored {@code true} when every match starts where a keyword starts, so the
     *     pattern is tried only there ({@code lookingAt}) instead of searched for around it
     */
    public record Alternative(Pattern pattern, Set<String> keywords, boolean anchored) {
        /** Copies the keywords. */
        public Alternative {
            keywords = Set.copyOf(keywords);
        }
    }

    /** Copies the collections. */
    public TextRule {
        anyOf = List.copyOf(anyOf);
        allOf = List.copyOf(allOf);
        keywords = Set.copyOf(keywords);
        requires = List.copyOf(requires);
    }

    /** Whether this is a window rule. */
    public boolean isWindowRule() {
        return window > 0;
    }
}
