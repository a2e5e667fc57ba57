package dev.ticketflow.plugins.apology.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints the apologies in an agent's reply, as the handbook asks: sincere apologies only, none
 * that are script-like, unnecessary, excessive, guilt-admitting, or non-apologies. A sincere,
 * specific apology where the company is at fault passes; a reply without an apology passes. Pure
 * and fast: no I/O, no Vert.x, patterns compiled once in {@link LinterRules}.
 *
 * <p>Thread-safe.
 */
public final class ApologyLinter {

    /** How far around an apology word a phrase that is no apology is looked for. */
    private static final int NOT_APOLOGY_REACH = 40;

    private final LinterRules rules;

    /**
     * Creates a linter.
     *
     * @param rules the compiled rules
     */
    public ApologyLinter(LinterRules rules) {
        this.rules = rules;
    }

    /** The rules this linter runs. */
    public LinterRules rules() {
        return rules;
    }

    /**
     * Lints a reply.
     *
     * @param reply the reply as the agent wrote it
     * @param context what the ticket says about whose problem it was
     * @return the findings, in order of position; empty when the reply is fine
     */
    public List<Finding> lint(String reply, ReplyContext context) {
        ReplyText text = ReplyText.of(reply, rules.masks());
        List<int[]> apologies = new ArrayList<>();
        Matcher matcher = rules.apology().matcher(text.text());
        while (matcher.find()) {
            if (!isNoApology(text.text(), matcher.start(), matcher.end())) {
                apologies.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (apologies.isEmpty()) {
            return List.of();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        for (int i = 0; i < apologies.size(); i++) {
            int[] next = i + 1 < apologies.size() ? apologies.get(i + 1) : null;
            lintCandidate(text, apologies.get(i), next, context, findings);
        }
        if (apologies.size() >= rules.overApologyThreshold()) {
            int start = apologies.get(0)[0];
            int end = apologies.get(apologies.size() - 1)[1];
            findings.add(finding(rules.rule("over_apology"), text, start, end));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.ruleId().compareTo(b.ruleId()));
        return sorted;
    }

    private void lintCandidate(ReplyText text, int[] apology, int[] next, ReplyContext context,
            Set<Finding> findings) {
        int sentence = text.sentenceOf(apology[0]);
        int sentenceStart = text.sentenceStart(sentence);
        int sentenceEnd = text.sentenceEnd(sentence);
        // the clause of this apology ends where the next apology of the same sentence starts
        int clauseEnd = next != null && next[0] < sentenceEnd ? next[0] : sentenceEnd;
        int scopeEnd = clauseEnd;
        if (clauseEnd == sentenceEnd && text.hasSentenceAfter(sentence)
                && text.text().substring(sentenceEnd).stripLeading().toLowerCase(Locale.ROOT).startsWith("but")) {
            scopeEnd = text.sentenceEnd(sentence + 1);
        }
        // fault wording in the next sentence belongs to this apology unless that sentence has its own
        int guiltEnd = text.hasSentenceAfter(sentence) && clauseEnd == sentenceEnd
                && (next == null || next[0] >= text.sentenceEnd(sentence + 1))
                ? text.sentenceEnd(sentence + 1) : scopeEnd;
        LintRule decided = null;
        if (matches(rules.rule("non_apology"), text, sentenceStart, scopeEnd, apology[0])) {
            decided = rules.rule("non_apology");
        } else if (context.companyNotAtFault()
                && matches(rules.rule("guilt_admission"), text, sentenceStart, guiltEnd, apology[0])) {
            decided = rules.rule("guilt_admission");
        } else if (context.companyNotAtFault()
                || matches(rules.rule("unnecessary_apology"), text, sentenceStart, scopeEnd, apology[0])) {
            decided = rules.rule("unnecessary_apology");
        }
        if (decided != null) {
            findings.add(finding(decided, text, apology[0], clauseEnd));
        }
        if (matches(rules.rule("scripted_apology"), text, sentenceStart, scopeEnd, apology[0])) {
            findings.add(finding(rules.rule("scripted_apology"), text, apology[0], clauseEnd));
        }
    }

    /** Whether an apology word is part of a phrase that is no apology ("no need to apologize"). */
    private boolean isNoApology(String text, int start, int end) {
        int from = Math.max(0, start - NOT_APOLOGY_REACH);
        int to = Math.min(text.length(), end + NOT_APOLOGY_REACH);
        for (Pattern phrase : rules.notApologies()) {
            Matcher matcher = phrase.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
            while (matcher.find()) {
                if (matcher.start() < end && start < matcher.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a rule matches in the region and the match reaches past the apology's start. */
    private static boolean matches(LintRule rule, ReplyText text, int from, int to, int apologyStart) {
        for (int i = 0; i < rule.patterns().size(); i++) {
            Pattern pattern = rule.patterns().get(i);
            if (rule.anchoredAtApology().get(i)) {
                // it starts with the apology word: try it right there
                Matcher matcher = pattern.matcher(text.text()).region(apologyStart, to)
                        .useTransparentBounds(true).useAnchoringBounds(false);
                if (matcher.lookingAt()) {
                    return true;
                }
                continue;
            }
            Matcher matcher = pattern.matcher(text.text()).region(from, to)
                    .useTransparentBounds(true).useAnchoringBounds(false);
            while (matcher.find()) {
                if (matcher.end() > apologyStart) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Finding finding(LintRule rule, ReplyText text, int start, int end) {
        String original = text.original();
        int trimmedEnd = end;
        while (trimmedEnd > start && Character.isWhitespace(original.charAt(trimmedEnd - 1))) {
            trimmedEnd--;
        }
        return new Finding(rule.id(), rule.severity(), start, trimmedEnd,
                original.substring(start, trimmedEnd), rule.hint());
    }
}
