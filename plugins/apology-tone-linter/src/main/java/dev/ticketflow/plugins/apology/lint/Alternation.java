package dev.ticketflow.plugins.apology.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several patterns of the rules file tried as one alternation, so that one pass over a stretch of
 * text tries them all. When each starts a word ({@code \b} and then a letter, as the shipped
 * phrases do), the alternation is only tried where a word starts: that keeps a 2 KB reply with
 * many apologies at about a millisecond instead of several.
 *
 * <p>Immutable and thread-safe.
 */
final class Alternation {

    /** Which matches a caller takes. */
    @FunctionalInterface
    interface MatchTest {
        boolean accept(int start, int end);
    }

    private static final Alternation NONE = new Alternation(null, false);

    private final Pattern pattern;
    private final boolean wordStarts;

    private Alternation(Pattern pattern, boolean wordStarts) {
        this.pattern = pattern;
        this.wordStarts = wordStarts;
    }

    /**
     * The patterns as one alternation; they share the loader's flags.
     *
     * @param patterns the patterns, perhaps none (then nothing matches)
     * @return the alternation
     */
    static Alternation of(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        boolean wordStarts = patterns.stream().allMatch(Alternation::startsWord);
        StringBuilder source = new StringBuilder(wordStarts ? "\\b(?=\\w)(?:" : "(?:");
        for (int i = 0; i < patterns.size(); i++) {
            String own = patterns.get(i).pattern();
            source.append(i == 0 ? "" : "|").append("(?:").append(wordStarts ? own.substring(2) : own).append(')');
        }
        return new Alternation(Pattern.compile(source.append(')').toString(), patterns.get(0).flags()), wordStarts);
    }

    /**
     * Whether a match that starts in {@code [from, startBefore)} and ends by {@code to} passes a test.
     * Lookarounds see the whole text.
     */
    boolean anyMatch(String text, int from, int startBefore, int to, MatchTest test) {
        if (pattern == null) {
            return false;
        }
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        if (wordStarts) {
            for (int position = from; position < startBefore; position++) {
                if (mayStartWord(text, position) && matcher.region(position, to).lookingAt()
                        && test.accept(matcher.start(), matcher.end())) {
                    return true;
                }
            }
            return false;
        }
        int next = from;
        while (next < startBefore && matcher.region(next, to).find() && matcher.start() < startBefore) {
            if (test.accept(matcher.start(), matcher.end())) {
                return true;
            }
            // refused: another match may still start right after this one's start
            next = matcher.start() + 1;
        }
        return false;
    }

    /**
     * The matches in the text, left to right and not overlapping, as {@code {start, end}} pairs.
     */
    List<int[]> findAll(String text) {
        List<int[]> matches = new ArrayList<>();
        if (pattern == null) {
            return matches;
        }
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        if (!wordStarts) {
            while (matcher.find()) {
                matches.add(new int[] {matcher.start(), matcher.end()});
            }
            return matches;
        }
        for (int position = 0; position < text.length(); position++) {
            if (mayStartWord(text, position) && matcher.region(position, text.length()).lookingAt()) {
                matches.add(new int[] {matcher.start(), matcher.end()});
                position = Math.max(position, matcher.end() - 1);
            }
        }
        return matches;
    }

    /**
     * Whether a match overlaps {@code [start, end)}, looked for from {@code reachBefore} characters
     * before it to {@code reachAfter} after it.
     */
    boolean covers(String text, int start, int end, int reachBefore, int reachAfter) {
        return anyMatch(text, Math.max(0, start - reachBefore), end, Math.min(text.length(), end + reachAfter),
                (matchStart, matchEnd) -> matchEnd > start);
    }

    /** Whether a pattern opens with {@code \b} and then a letter (perhaps inside groups). */
    private static boolean startsWord(Pattern pattern) {
        String source = pattern.pattern();
        if (!source.startsWith("\\b")) {
            return false;
        }
        int at = 2;
        while (source.startsWith("(?:", at)) {
            at += 3;
        }
        return at < source.length() && Character.isLetter(source.charAt(at));
    }

    /**
     * Whether {@code \b(?=\w)} may hold at a position: an ASCII word character after one that is no
     * letter, digit or underscore. Never false where the regex engine would say true.
     */
    private static boolean mayStartWord(String text, int position) {
        char at = text.charAt(position);
        boolean word = at >= 'a' && at <= 'z' || at >= 'A' && at <= 'Z' || at >= '0' && at <= '9' || at == '_';
        if (!word || position == 0) {
            return word;
        }
        char before = text.charAt(position - 1);
        return !(Character.isLetterOrDigit(before) || before == '_');
    }
}
