package dev.ticketflow.plugins.gitlab.config;

import java.util.List;
import java.util.Set;

/**
 * How an existing issue is looked for. GitLab's {@code search} requires every word, so only the
 * {@code searchKeywords} longest keywords are sent, and candidates are then scored locally
 * against up to {@code maxKeywords} keywords of the subject.
 *
 * @param in where GitLab searches: {@code title}, {@code description} or both, comma-joined
 * @param state {@code opened} (default), {@code closed} or {@code all}
 * @param labels labels a match must carry (e.g. {@code bug}); empty for any
 * @param searchKeywords how many keywords go into GitLab's query
 * @param maxKeywords how many keywords the local score uses
 * @param minKeywordLength shorter words are not keywords
 * @param minScore the share of keywords (0..1) a candidate must contain to count as a match
 * @param maxResults candidates read per project (paged)
 * @param stopWords words never used as keywords, lowercase
 */
public record SearchSettings(String in, String state, List<String> labels, int searchKeywords, int maxKeywords,
        int minKeywordLength, double minScore, int maxResults, Set<String> stopWords) {

    /** Copies the collections. */
    public SearchSettings {
        labels = List.copyOf(labels);
        stopWords = Set.copyOf(stopWords);
    }
}
