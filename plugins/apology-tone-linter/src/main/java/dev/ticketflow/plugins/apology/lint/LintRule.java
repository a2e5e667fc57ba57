package dev.ticketflow.plugins.apology.lint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled linter rule.
 *
 * @param id the rule id
 * @param severity the severity of its findings
 * @param hint the rewrite hint of its findings
 * @param patterns its patterns (empty for {@code over_apology}, which counts instead)
 * @param anchoredAtApology for each pattern, whether it starts with the apology word, so it is
 *     tried right at the apology instead of searched for in the sentence
 */
public record LintRule(String id, Severity severity, String hint, List<Pattern> patterns,
        List<Boolean> anchoredAtApology) {

    /** Copies the pattern list. */
    public LintRule {
        patterns = List.copyOf(patterns);
        anchoredAtApology = List.copyOf(anchoredAtApology);
    }
}
