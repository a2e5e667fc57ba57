package dev.ticketflow.plugins.apology.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints the apologies in an agent's reply, as the handbook asks: sincere apologies only, none
 * that are script-like, unnecessary, excessive, guilt-admitting, or non-apologies. A sincere,
 * specific apology where the company is at fault passes; a reply without an apology passes. Each
 * apology is decided by its own words first (an apology for a routine act, then a non-apology),
 * then by the context (a guilt admission or an unnecessary apology where the company is not at
 * fault); scripted wording and the count of apologies are judged on their own. The steps are told
 * in the header of the rules file. Pure and fast: no I/O, no Vert.x, patterns compiled once in
 * {@link LinterRules}.
 *
 * <p>Thread-safe.
 */
public final class ApologyLinter {

    /** How far before a match a phrase that undoes it ("you don't need to apologise") may start. */
    private static final int PHRASE_REACH_BEFORE = 45;
    /** How far after a match such a phrase may end ("apologies are not necessary"). */
    private static final int PHRASE_REACH_AFTER = 35;

    private final LinterRules rules;
    private final Alternation apologyWords;
    private final Alternation notApology;
    private final Alternation notAdmission;
    private final Alternation admission;

    /**
     * Creates a linter.
     *
     * @param rules the compiled rules
     */
    public ApologyLinter(LinterRules rules) {
        this.rules = rules;
        this.apologyWords = Alternation.of(List.of(rules.apology()));
        this.notApology = Alternation.of(rules.notApologies());
        this.notAdmission = Alternation.of(rules.notAdmissions());
        this.admission = Alternation.of(rules.rule("guilt_admission").patterns());
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
        for (int[] word : apologyWords.findAll(text.text())) {
            if (!notApology.covers(text.text(), word[0], word[1], PHRASE_REACH_BEFORE, PHRASE_REACH_AFTER)) {
                apologies.add(word);
            }
        }
        if (apologies.isEmpty()) {
            return List.of();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        List<Candidate> plain = new ArrayList<>();
        boolean repeated = false;
        for (int i = 0; i < apologies.size(); i++) {
            Candidate candidate = candidate(text, apologies, i);
            if (!lintCandidate(text, candidate, findings) && context.companyNotAtFault()) {
                plain.add(candidate);
            }
            repeated |= i > 0 && matches(rules.rule("over_apology"), text, candidate);
        }
        if (!plain.isEmpty()) {
            // where the company is not at fault, a plain apology is unnecessary, or, when the reply
            // admits fault around any of its apologies, an admission itself
            LintRule rule = rules.rule(admitsFault(text, apologies) ? "guilt_admission" : "unnecessary_apology");
            plain.forEach(candidate -> findings.add(finding(rule, text, candidate.start(), candidate.clauseEnd())));
        }
        if (rules.overApology().excessive(apologies.size(), repeated, text.sentenceCount(3), text.wordCount())) {
            int start = apologies.get(0)[0];
            int end = apologies.get(apologies.size() - 1)[1];
            findings.add(finding(rules.rule("over_apology"), text, start, end));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.ruleId().compareTo(b.ruleId()));
        return sorted;
    }

    /**
     * One apology and the text its rules look at.
     *
     * @param start where the apology word starts
     * @param end where it ends
     * @param clauseStart where its clause starts: its sentence, or the end of an earlier apology in it
     * @param clauseEnd where its clause ends: its sentence, or the start of a later apology in it
     * @param scopeEnd how far a pattern that starts at the apology word may read: the clause, plus
     *     the next sentence (up to an apology of its own) when the clause ends its sentence
     */
    private record Candidate(int start, int end, int clauseStart, int clauseEnd, int scopeEnd) {}

    private static Candidate candidate(ReplyText text, List<int[]> apologies, int index) {
        int[] apology = apologies.get(index);
        int[] previous = index > 0 ? apologies.get(index - 1) : null;
        int[] next = index + 1 < apologies.size() ? apologies.get(index + 1) : null;
        int sentence = text.sentenceOf(apology[0]);
        int sentenceStart = text.sentenceStart(sentence);
        int sentenceEnd = text.sentenceEnd(sentence);
        int clauseStart = previous != null && previous[1] > sentenceStart ? previous[1] : sentenceStart;
        int clauseEnd = next != null && next[0] < sentenceEnd ? next[0] : sentenceEnd;
        int scopeEnd = clauseEnd;
        if (clauseEnd == sentenceEnd && text.hasSentenceAfter(sentence)) {
            scopeEnd = next != null ? Math.min(next[0], text.sentenceEnd(sentence + 1)) : text.sentenceEnd(sentence + 1);
        }
        return new Candidate(apology[0], apology[1], clauseStart, clauseEnd, scopeEnd);
    }

    /**
     * Lints one apology with the rules its own words decide: an apology for a routine act
     * (decided before its "but": "sorry to bother you, but could you ..."), else a non-apology;
     * scripted on its own.
     *
     * @return whether one of the first two was found; if not, the context decides
     */
    private boolean lintCandidate(ReplyText text, Candidate apology, Set<Finding> findings) {
        LintRule decided = null;
        if (matches(rules.rule("unnecessary_apology"), text, apology)) {
            decided = rules.rule("unnecessary_apology");
        } else if (matches(rules.rule("non_apology"), text, apology)) {
            decided = rules.rule("non_apology");
        }
        if (decided != null) {
            findings.add(finding(decided, text, apology.start(), apology.clauseEnd()));
        }
        if (matches(rules.rule("scripted_apology"), text, apology)) {
            findings.add(finding(rules.rule("scripted_apology"), text, apology.start(), apology.clauseEnd()));
        }
        return decided != null;
    }

    /**
     * Whether the reply admits fault in the sentences around an apology (the one before, its own,
     * the one after), in words no denial covers.
     */
    private boolean admitsFault(ReplyText text, List<int[]> apologies) {
        String reply = text.text();
        int scanned = 0;
        for (int[] apology : apologies) {
            int sentence = text.sentenceOf(apology[0]);
            int from = Math.max(scanned, text.sentenceStart(Math.max(0, sentence - 1)));
            int to = text.hasSentenceAfter(sentence) ? text.sentenceEnd(sentence + 1) : text.sentenceEnd(sentence);
            if (from < to && admission.anyMatch(reply, from, to, to, (start, end) ->
                    !notAdmission.covers(reply, start, end, PHRASE_REACH_BEFORE, PHRASE_REACH_AFTER))) {
                return true;
            }
            scanned = Math.max(scanned, to);
        }
        return false;
    }

    /** Whether a pattern of a rule matches for the apology, within its scope. */
    private static boolean matches(LintRule rule, ReplyText text, Candidate apology) {
        for (int i = 0; i < rule.patterns().size(); i++) {
            Pattern pattern = rule.patterns().get(i);
            if (rule.anchoredAtApology().get(i)) {
                // it starts with the apology word: try it right there
                Matcher matcher = pattern.matcher(text.text()).region(apology.start(), apology.scopeEnd())
                        .useTransparentBounds(true).useAnchoringBounds(false);
                if (matcher.lookingAt()) {
                    return true;
                }
                continue;
            }
            // any other pattern is looked for in the clause and must reach past the apology word, so
            // an apology is not judged by another one's words
            Matcher matcher = pattern.matcher(text.text()).region(apology.clauseStart(), apology.clauseEnd())
                    .useTransparentBounds(true).useAnchoringBounds(false);
            while (matcher.find()) {
                if (matcher.end() > apology.start()) {
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
