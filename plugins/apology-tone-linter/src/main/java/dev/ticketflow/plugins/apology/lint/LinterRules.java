package dev.ticketflow.plugins.apology.lint;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The compiled linter rules, built once by {@link LinterRulesLoader}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param apology what counts as an apology expression
 * @param masks what is blanked out before linting (quotes, code)
 * @param notApologies phrases with an apology word that are no apology, tried around apology words
 * @param notAdmissions phrases that deny fault ("not our mistake"): a guilt_admission match they
 *     cover is no admission
 * @param rules the rules by id
 * @param overApology when a reply holds too many apologies
 */
public record LinterRules(Pattern apology, List<Pattern> masks, List<Pattern> notApologies,
        List<Pattern> notAdmissions, Map<String, LintRule> rules, OverApologyPolicy overApology) {

    /** The rule ids the linter knows, in the order they are reported. */
    public static final List<String> RULE_IDS = List.of("non_apology", "guilt_admission",
            "unnecessary_apology", "scripted_apology", "over_apology");

    /** Copies the collections. */
    public LinterRules {
        masks = List.copyOf(masks);
        notApologies = List.copyOf(notApologies);
        notAdmissions = List.copyOf(notAdmissions);
        rules = Map.copyOf(rules);
    }

    /** A rule by id. */
    public LintRule rule(String id) {
        return rules.get(id);
    }
}
