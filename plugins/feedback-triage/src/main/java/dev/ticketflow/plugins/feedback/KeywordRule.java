package dev.ticketflow.plugins.feedback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A keyword rule from the configuration: keywords (whole words or phrases, any case) and
 * regular expressions that point to a category when found in the subject or the first comment.
 *
 * <p>The JDK's regular expressions do the matching: every keyword of a rule is compiled into
 * one alternation, so a rule costs one scan of the text. With the few dozen keywords a rule set
 * has, an Aho-Corasick automaton would gain nothing measurable.
 *
 * @param name the rule's name, shown in the signals
 * @param category the category it points to
 * @param pattern the compiled keywords and expressions
 * @param in where it looks: {@link SignalSource#SUBJECT} and/or {@link SignalSource#COMMENT}
 * @param qualifies whether a hit alone makes the ticket a feedback ticket
 */
public record KeywordRule(
        String name, Category category, Pattern pattern, Set<SignalSource> in, boolean qualifies) {

    private static final int FLAGS =
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    // a keyword matches only as a whole word: no letter or digit may touch it on either side
    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";

    public KeywordRule {
        in = Set.copyOf(in);
    }

    /**
     * Compiles a rule.
     *
     * @param name the rule's name
     * @param category the category
     * @param keywords words or phrases; spaces match any run of white space, and a straight
     *     apostrophe also matches a typographic one
     * @param patterns regular expressions (Java syntax), matched case-insensitively
     * @param in where to look
     * @param qualifies whether a hit alone makes the ticket a feedback ticket
     * @return the rule
     * @throws IllegalArgumentException when a pattern does not compile or the rule is empty
     */
    public static KeywordRule compile(String name, Category category, List<String> keywords,
            List<String> patterns, Set<SignalSource> in, boolean qualifies) {
        List<String> alternatives = new ArrayList<>();
        for (String keyword : keywords) {
            if (!keyword.isBlank()) {
                alternatives.add(WORD_START + phrase(keyword.strip()) + WORD_END);
            }
        }
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern, FLAGS);
            } catch (PatternSyntaxException invalid) {
                throw new IllegalArgumentException("pattern '" + pattern + "' is not a valid regular expression: "
                        + invalid.getDescription());
            }
            alternatives.add("(?:" + pattern + ")");
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' has neither keywords nor patterns");
        }
        return new KeywordRule(name, category, Pattern.compile(String.join("|", alternatives), FLAGS),
                in, qualifies);
    }

    /**
     * What this rule finds in a text.
     *
     * @param text the subject or comment
     * @return the distinct matches, lowercase, in order of appearance
     */
    public List<String> matches(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return List.copyOf(found);
    }

    private static String phrase(String keyword) {
        StringBuilder regex = new StringBuilder();
        for (String word : keyword.split("\\s+")) {
            if (regex.length() > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(word).replace("'", "\\E['\u2019]\\Q"));
        }
        return regex.toString();
    }
}
