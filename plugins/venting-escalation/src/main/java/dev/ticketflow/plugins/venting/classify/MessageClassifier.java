package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels a customer message normal, venting or threat, and says why. Pure: no I/O, no Vert.x,
 * patterns compiled once in the {@link RuleBook} and run only near their keywords.
 *
 * <p>The decision: the weights of the threat rules that fired are added (a rule adds its weight
 * once per different text it matched, up to its maximum); a sum at or above the threat threshold
 * makes the message a threat, and a threat is never outweighed by anything else. Otherwise the
 * venting rules are added the same way against the venting threshold. With the default rules,
 * any strong threat rule alone reaches the threshold, weak menace cues need company. An optional
 * {@link EmbeddingRaiser} may then raise the label (never lower it) for phrasings the rules miss.
 *
 * <p>Thread-safe.
 */
public final class MessageClassifier {

    private static final int MAX_SIGNALS_PER_RULE = 5;

    private final RuleBook ruleBook;
    private final EmbeddingRaiser raiser;

    /**
     * Creates a classifier that runs the rules only.
     *
     * @param ruleBook the compiled rules
     */
    public MessageClassifier(RuleBook ruleBook) {
        this(ruleBook, null);
    }

    /**
     * Creates a classifier whose rules' decisions the model of the labelled examples may raise.
     *
     * @param ruleBook the compiled rules
     * @param raiser the model's second opinion, or {@code null} for the rules alone
     */
    public MessageClassifier(RuleBook ruleBook, EmbeddingRaiser raiser) {
        this.ruleBook = ruleBook;
        this.raiser = raiser;
    }

    /** Whether the model of the labelled examples may raise the rules' decisions. */
    public boolean usesEmbeddings() {
        return raiser != null;
    }

    /** The rules this classifier runs. */
    public RuleBook ruleBook() {
        return ruleBook;
    }

    /**
     * Classifies a message that names no staff member.
     *
     * @param text the message
     * @return label and signals
     */
    public Classification classify(String text) {
        return classify(text, List.of());
    }

    /**
     * Classifies a message.
     *
     * @param text the message
     * @param staffNames names of support staff (the assignee, say) that count as a person the
     *     customer may be aiming at; may be empty
     * @return label and signals
     */
    public Classification classify(String text, Collection<String> staffNames) {
        FoldedText folded = FoldedText.of(text, staffNames);
        Run run = new Run(folded, ruleBook.keywordIndex().hits(folded.folded()));
        List<Signal> signals = new ArrayList<>();
        List<TextRule> rules = ruleBook.rules();
        for (int i = 0; i < rules.size(); i++) {
            TextRule rule = rules.get(i);
            if (rule.isWindowRule()) {
                collectWindow(rule, ruleBook.matcherOfRule(i), run, signals);
            } else {
                collectPlain(rule, ruleBook.matcherOfRule(i), run, signals);
            }
        }
        Classification byRules = decide(signals);
        return raiser == null ? byRules : raiser.raise(text, byRules);
    }

    private Classification decide(List<Signal> signals) {
        int threatScore = score(signals, Label.THREAT);
        int ventingScore = score(signals, Label.VENTING);
        Label label = threatScore >= ruleBook.threatThreshold() ? Label.THREAT
                : ventingScore >= ruleBook.ventingThreshold() ? Label.VENTING : Label.NORMAL;
        return new Classification(label, signals, ventingScore, threatScore);
    }

    /** Each rule adds its weight once per different text it matched, up to its maximum. */
    private int score(List<Signal> signals, Label label) {
        Map<String, Set<String>> textsByRule = new HashMap<>();
        for (Signal signal : signals) {
            if (signal.label() == label) {
                textsByRule.computeIfAbsent(signal.ruleId(), key -> new java.util.HashSet<>())
                        .add(signal.text().toLowerCase(java.util.Locale.ROOT));
            }
        }
        int score = 0;
        for (TextRule rule : ruleBook.rules()) {
            Set<String> texts = textsByRule.get(rule.id());
            if (texts != null) {
                score += Math.min(rule.maxWeight(), rule.weight() * texts.size());
            }
        }
        return score;
    }

    private void collectPlain(TextRule rule, int firstMatcher, Run run, List<Signal> signals) {
        List<int[]> spans = new ArrayList<>();
        if (!run.passesPrefilter(rule)) {
            return;
        }
        for (int a = 0; a < rule.anyOf().size(); a++) {
            TextRule.Alternative alternative = rule.anyOf().get(a);
            List<int[]> found;
            if (rule.onOriginal()) {
                // as written, only words in capitals are of interest: try where they start
                found = RegionSearch.find(alternative.pattern(), run.text(rule), run.capitalRuns(), true);
            } else {
                int matcher = firstMatcher + a;
                if (!run.hits.any(matcher)) {
                    continue;
                }
                found = RegionSearch.find(alternative.pattern(), run.text(rule),
                        run.hits.everywhere(matcher) ? null : run.hits.positions(matcher), alternative.anchored());
            }
            spans.addAll(run.unsuppressed(rule, found));
        }
        if (spans.size() < rule.minCount()) {
            return;
        }
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        for (int[] span : spans.subList(0, Math.min(spans.size(), MAX_SIGNALS_PER_RULE))) {
            signals.add(run.signal(rule, span));
        }
    }

    /**
     * Fires when every pattern matches within {@code window} consecutive sentences. The first
     * pattern carries the keywords; the others are searched in the sentences around its matches.
     */
    private void collectWindow(TextRule rule, int matcher, Run run, List<Signal> signals) {
        if (!run.hits.any(matcher)) {
            return;
        }
        String text = run.text(rule);
        List<int[]> anchors = run.unsuppressed(rule, RegionSearch.find(rule.allOf().get(0), text,
                run.hits.everywhere(matcher) ? null : run.hits.positions(matcher), rule.anchoredWindow()));
        if (anchors.isEmpty()) {
            return;
        }
        Sentences sentences = run.sentences(rule.onOriginal());
        int reach = rule.window() - 1;
        for (int[] anchor : anchors) {
            int sentence = sentences.indexOf(anchor[0]);
            int from = sentences.start(sentence - reach);
            int to = sentences.end(sentence + reach);
            List<int[]> chosen = new ArrayList<>(List.of(anchor));
            for (Pattern other : rule.allOf().subList(1, rule.allOf().size())) {
                int[] near = run.unsuppressed(rule, RegionSearch.findIn(other, text, from, to)).stream()
                        .filter(span -> Math.abs(sentences.indexOf(span[0]) - sentence) <= reach)
                        .findFirst().orElse(null);
                if (near == null) {
                    break;
                }
                chosen.add(near);
            }
            if (chosen.size() == rule.allOf().size()) {
                chosen.forEach(span -> signals.add(run.signal(rule, span)));
                return;
            }
        }
    }

    /** The state of one classification: folded text, keyword hits, lazily computed parts. */
    private final class Run {
        final FoldedText folded;
        final KeywordIndex.Hits hits;
        private Sentences foldedSentences;
        private Sentences originalSentences;
        private Map<Integer, List<int[]>> suppressorSpans;

        Run(FoldedText folded, KeywordIndex.Hits hits) {
            this.folded = folded;
            this.hits = hits;
        }

        private int[] capitalRuns;

        /** Where runs of two or more capital letters start in the original message. */
        int[] capitalRuns() {
            if (capitalRuns == null) {
                String original = folded.original();
                int[] found = new int[8];
                int count = 0;
                for (int i = 0; i + 1 < original.length(); i++) {
                    if (Character.isUpperCase(original.charAt(i)) && Character.isUpperCase(original.charAt(i + 1))
                            && (i == 0 || !Character.isLetter(original.charAt(i - 1)))) {
                        if (count == found.length) {
                            found = java.util.Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = i;
                    }
                }
                capitalRuns = java.util.Arrays.copyOf(found, count);
            }
            return capitalRuns;
        }

        /** A rule's literal prefilter: one of its {@code requires} strings must occur. */
        boolean passesPrefilter(TextRule rule) {
            if (rule.requires().isEmpty()) {
                return true;
            }
            String text = text(rule);
            for (String literal : rule.requires()) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }

        String text(TextRule rule) {
            return rule.onOriginal() ? folded.original() : folded.folded();
        }

        Sentences sentences(boolean onOriginal) {
            if (onOriginal) {
                if (originalSentences == null) {
                    String original = folded.original();
                    originalSentences = Sentences.of(original, offset -> offset, original.length());
                }
                return originalSentences;
            }
            if (foldedSentences == null) {
                foldedSentences = Sentences.of(folded.original(), folded::foldedOffset,
                        folded.folded().length());
            }
            return foldedSentences;
        }

        List<int[]> unsuppressed(TextRule rule, List<int[]> spans) {
            if (rule.onOriginal() || spans.isEmpty()) {
                return spans;
            }
            List<int[]> suppressed = suppressedSpans(rule.id());
            if (suppressed.isEmpty()) {
                return spans;
            }
            return spans.stream()
                    .filter(span -> suppressed.stream().noneMatch(s -> s[0] < span[1] && span[0] < s[1]))
                    .toList();
        }

        /** The spans of the suppressors aimed at one rule, each suppressor run at most once. */
        private List<int[]> suppressedSpans(String ruleId) {
            if (suppressorSpans == null) {
                suppressorSpans = new HashMap<>();
            }
            List<int[]> result = new ArrayList<>();
            List<Suppressor> all = ruleBook.suppressors();
            for (int i = 0; i < all.size(); i++) {
                Suppressor suppressor = all.get(i);
                int matcher = ruleBook.matcherOfSuppressor(i);
                if (!suppressor.suppresses().contains(ruleId) || !hits.any(matcher)) {
                    continue;
                }
                result.addAll(suppressorSpans.computeIfAbsent(i, key -> RegionSearch.find(suppressor.pattern(),
                        folded.folded(), hits.everywhere(matcher) ? null : hits.positions(matcher), false)));
            }
            return result;
        }

        Signal signal(TextRule rule, int[] span) {
            int start = rule.onOriginal() ? span[0] : folded.originalStart(span[0]);
            int end = rule.onOriginal() ? span[1] : folded.originalEnd(span[1]);
            return new Signal(rule.id(), rule.label(), rule.weight(), start, end,
                    folded.original().substring(start, end));
        }
    }

    /** The distinct rule ids among signals, in order; handy for notes and logs. */
    public static Set<String> ruleIds(List<Signal> signals) {
        Set<String> ids = new LinkedHashSet<>();
        signals.forEach(signal -> ids.add(signal.ruleId()));
        return ids;
    }
}
