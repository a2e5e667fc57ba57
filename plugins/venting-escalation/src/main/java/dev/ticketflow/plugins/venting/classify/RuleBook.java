package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules: what the classifier runs. Built once by {@link RuleBookLoader}; patterns
 * are compiled there, never per message.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleBook {

    private final List<TextRule> rules;
    private final List<Suppressor> suppressors;
    private final int ventingThreshold;
    private final int threatThreshold;
    private final Map<String, String> guidance;
    private final KeywordIndex keywordIndex;
    private final int[] firstMatcherOfRule;
    private final int firstMatcherOfSuppressors;

    /**
     * Creates the rule book.
     *
     * @param rules the rules, in the order their signals are reported
     * @param suppressors the exceptions
     * @param ventingThreshold the venting score from which a message counts as venting
     * @param threatThreshold the threat score from which a message counts as a threat
     * @param guidance texts for the notes, by key ({@code venting}, {@code threat})
     */
    public RuleBook(List<TextRule> rules, List<Suppressor> suppressors, int ventingThreshold,
            int threatThreshold, Map<String, String> guidance) {
        this.rules = List.copyOf(rules);
        this.suppressors = List.copyOf(suppressors);
        this.ventingThreshold = ventingThreshold;
        this.threatThreshold = threatThreshold;
        this.guidance = Map.copyOf(guidance);
        // one matcher per alternative of a plain rule, one per window rule, one per suppressor
        List<Set<String>> keywords = new ArrayList<>();
        this.firstMatcherOfRule = new int[this.rules.size()];
        for (int i = 0; i < this.rules.size(); i++) {
            TextRule rule = this.rules.get(i);
            firstMatcherOfRule[i] = keywords.size();
            if (rule.isWindowRule()) {
                keywords.add(rule.keywords());
            } else {
                rule.anyOf().forEach(alternative -> keywords.add(alternative.keywords()));
            }
        }
        this.firstMatcherOfSuppressors = keywords.size();
        this.suppressors.forEach(suppressor -> keywords.add(suppressor.keywords()));
        this.keywordIndex = new KeywordIndex(keywords);
    }

    /** The rules. */
    public List<TextRule> rules() {
        return rules;
    }

    /** The suppressors; in the keyword index they follow the rules. */
    public List<Suppressor> suppressors() {
        return suppressors;
    }

    /** The venting score from which a message counts as venting. */
    public int ventingThreshold() {
        return ventingThreshold;
    }

    /** The threat score from which a message counts as a threat. */
    public int threatThreshold() {
        return threatThreshold;
    }

    /**
     * A guidance text for the notes.
     *
     * @param key {@code venting} or {@code threat}
     * @return the text, empty when the rules file has none
     */
    public String guidance(String key) {
        return guidance.getOrDefault(key, "");
    }

    KeywordIndex keywordIndex() {
        return keywordIndex;
    }

    /** The keyword-index position of a rule's first alternative (or of a window rule). */
    int matcherOfRule(int ruleIndex) {
        return firstMatcherOfRule[ruleIndex];
    }

    /** The keyword-index position of a suppressor. */
    int matcherOfSuppressor(int suppressorIndex) {
        return firstMatcherOfSuppressors + suppressorIndex;
    }
}
