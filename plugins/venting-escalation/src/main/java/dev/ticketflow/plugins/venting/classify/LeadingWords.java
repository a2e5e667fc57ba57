package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal words a lexicon entry starts with, used as its keywords: {@code morons?} gives
 * {@code moron}, {@code (?:dumb|stupid)\s+cow} gives {@code dumb} and {@code stupid}, and a
 * leading look-behind is skipped ({@code (?<=\bnot\s{1,3})acceptable} gives {@code acceptable}),
 * which lets an entry put its rare word first. Empty when the entry starts with anything else (a
 * character class, an escape); the rule must then list keywords itself.
 */
final class LeadingWords {

    private LeadingWords() {}

    static List<String> of(String entry) {
        String source = skipLookBehinds(entry);
        if (source.startsWith("(?:")) {
            int close = closingParen(source, 0);
            if (close < 0) {
                return List.of();
            }
            String group = source.substring(3, close);
            if (group.contains("(")) {
                return List.of();
            }
            List<String> words = new ArrayList<>();
            for (String alternative : group.split("\\|")) {
                String word = leadingWord(alternative);
                if (word.isEmpty()) {
                    return List.of();
                }
                words.add(word);
            }
            String rest = source.substring(close + 1);
            if (!rest.isEmpty() && "?*".indexOf(rest.charAt(0)) >= 0) {
                // an optional group: a match may also start with what follows it
                List<String> following = of(rest.substring(1).replaceFirst("^(?:\\\\s[+*]|\\\\s\\{[0-9,]+})", ""));
                if (following.isEmpty()) {
                    return List.of();
                }
                words.addAll(following);
            }
            return words;
        }
        String word = leadingWord(source);
        return word.isEmpty() ? List.of() : List.of(word);
    }

    /**
     * Whether a pattern prefix matches no characters: only word boundaries, look-behinds and
     * opening non-capturing groups. A lexicon entry placed after such a prefix starts its match.
     */
    static boolean isZeroWidth(String prefix) {
        String rest = skipLookBehinds(prefix);
        while (rest.startsWith("(?:") || rest.startsWith("\\b")) {
            rest = skipLookBehinds(rest.substring(rest.startsWith("(?:") ? 3 : 2));
        }
        return rest.isEmpty();
    }

    private static String skipLookBehinds(String source) {
        String rest = source.startsWith("\\b") ? source.substring(2) : source;
        while (rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
            int close = closingParen(rest, 0);
            if (close < 0) {
                return "";
            }
            rest = rest.substring(close + 1);
        }
        return rest;
    }

    /** The index of the parenthesis closing the one at {@code open}, honouring escapes. */
    private static int closingParen(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String leadingWord(String source) {
        int i = 0;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '\'')) {
            i++;
        }
        boolean lastIsOptional = i < source.length() && "?*{".indexOf(source.charAt(i)) >= 0;
        return source.substring(0, lastIsOptional ? Math.max(0, i - 1) : i);
    }
}
