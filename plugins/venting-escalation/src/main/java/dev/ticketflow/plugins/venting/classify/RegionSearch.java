package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern only where its keywords occur. Java's regex engine tries every alternative at
 * every position, so a rule with fifty words searched over a whole message costs fifty
 * comparisons per character. An anchored pattern (one that starts with its keyword) is tried once
 * at each keyword; any other is searched in a small region around each keyword. Bounds are
 * transparent, so word boundaries and look-arounds still see the text beyond a region.
 */
final class RegionSearch {

    /** How far before a keyword a match may start. */
    static final int REACH_BEFORE = 100;
    /** How far after a keyword a match may end. */
    static final int REACH_AFTER = 200;

    private RegionSearch() {}

    /**
     * Finds the matches of a pattern.
     *
     * @param pattern the pattern
     * @param text the text
     * @param keywordPositions where its keywords occur, ascending; {@code null} to search everywhere
     * @param anchored {@code true} when matches start exactly at a keyword
     * @return the match spans, each {@code {start, end}}, ascending and not overlapping
     */
    static List<int[]> find(Pattern pattern, String text, int[] keywordPositions, boolean anchored) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        if (keywordPositions == null) {
            collect(matcher, 0, text.length(), spans);
        } else if (anchored) {
            for (int position : keywordPositions) {
                if (!spans.isEmpty() && spans.get(spans.size() - 1)[1] > position) {
                    continue;
                }
                matcher.region(position, Math.min(text.length(), position + REACH_AFTER));
                if (matcher.lookingAt() && matcher.end() > matcher.start()) {
                    spans.add(new int[] {matcher.start(), matcher.end()});
                }
            }
        } else {
            searchAround(matcher, text.length(), keywordPositions, spans);
        }
        return spans;
    }

    /**
     * Finds the matches of a pattern inside one region.
     *
     * @param pattern the pattern
     * @param text the text
     * @param start region start
     * @param end region end
     * @return the match spans
     */
    static List<int[]> findIn(Pattern pattern, String text, int start, int end) {
        List<int[]> spans = new ArrayList<>();
        collect(pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false), start, end, spans);
        return spans;
    }

    private static void searchAround(Matcher matcher, int length, int[] keywordPositions, List<int[]> spans) {
        int regionStart = -1;
        int regionEnd = -1;
        for (int position : keywordPositions) {
            int start = Math.max(0, position - REACH_BEFORE);
            int end = Math.min(length, position + REACH_AFTER);
            if (regionStart >= 0 && start <= regionEnd) {
                regionEnd = Math.max(regionEnd, end);
                continue;
            }
            if (regionStart >= 0) {
                collect(matcher, regionStart, regionEnd, spans);
            }
            regionStart = start;
            regionEnd = end;
        }
        if (regionStart >= 0) {
            collect(matcher, regionStart, regionEnd, spans);
        }
    }

    private static void collect(Matcher matcher, int start, int end, List<int[]> spans) {
        matcher.region(start, end);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()
                    && (spans.isEmpty() || spans.get(spans.size() - 1)[1] <= matcher.start())) {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
        }
    }
}
