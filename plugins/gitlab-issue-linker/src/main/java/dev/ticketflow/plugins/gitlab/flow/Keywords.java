package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.plugins.gitlab.config.SearchSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The keywords of a ticket subject, and how well a text covers them. */
public final class Keywords {

    private final List<String> words;

    private Keywords(List<String> words) {
        this.words = List.copyOf(words);
    }

    /**
     * The keywords of a subject: lowercase words of at least the minimum length that are not
     * stop words, in the order they appear, without repeats, at most {@code maxKeywords}.
     *
     * @param subject the ticket subject, may be {@code null}
     * @param settings the search settings
     * @return the keywords, possibly none
     */
    public static Keywords of(String subject, SearchSettings settings) {
        Set<String> found = new LinkedHashSet<>();
        for (String word : words(subject)) {
            if (word.length() >= settings.minKeywordLength() && !settings.stopWords().contains(word)
                    && !word.chars().allMatch(Character::isDigit)) {
                found.add(word);
            }
            if (found.size() == settings.maxKeywords()) {
                break;
            }
        }
        return new Keywords(new ArrayList<>(found));
    }

    /** Whether there is nothing to search for. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** All keywords. */
    public List<String> all() {
        return words;
    }

    /**
     * The query sent to GitLab: the {@code count} longest keywords (the most specific ones),
     * since GitLab requires every word of its {@code search}.
     *
     * @param count how many
     * @return the words joined by spaces
     */
    public String query(int count) {
        return String.join(" ", words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .limit(Math.max(1, count)).toList());
    }

    /**
     * The share of keywords found in a title (full weight) or only in a description (half).
     *
     * @param title the candidate's title
     * @param description the candidate's description
     * @return 0..1
     */
    public double score(String title, String description) {
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> titleWords = new LinkedHashSet<>(words(title));
        Set<String> descriptionWords = new LinkedHashSet<>(words(description));
        double points = 0;
        for (String word : words) {
            if (titleWords.contains(word)) {
                points += 1;
            } else if (descriptionWords.contains(word)) {
                points += 0.5;
            }
        }
        return points / words.size();
    }

    private static List<String> words(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'_-]+")) {
            String trimmed = word.replaceAll("^['_-]+|['_-]+$", "");
            if (!trimmed.isEmpty()) {
                result.add(trimmed);
            }
        }
        return result;
    }
}
