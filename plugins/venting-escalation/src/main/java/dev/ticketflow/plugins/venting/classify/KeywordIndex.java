package dev.ticketflow.plugins.venting.classify;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds, in one pass over a text, where each matcher's keywords occur: a matcher is then run
 * only in small regions around those places, never over the whole message. The keywords are
 * word prefixes kept in a trie, so the pass costs one map step per character of each word.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class KeywordIndex {

    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        int[] matchers = new int[0];

        Node child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node childOrNew(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }
    }

    /** Where the keywords of each matcher occur in one text. */
    static final class Hits {
        private final int[][] positions;
        private final int[] counts;
        private final BitSet alwaysOn;

        Hits(int matcherCount, BitSet alwaysOn) {
            this.positions = new int[matcherCount][];
            this.counts = new int[matcherCount];
            this.alwaysOn = alwaysOn;
        }

        /** Whether the matcher runs over the whole text (it has no keywords). */
        boolean everywhere(int matcher) {
            return alwaysOn.get(matcher);
        }

        /** The word starts where the matcher's keywords occur, ascending; empty when none. */
        int[] positions(int matcher) {
            return positions[matcher] == null ? new int[0] : Arrays.copyOf(positions[matcher], counts[matcher]);
        }

        /** Whether the matcher has anything to do on this text. */
        boolean any(int matcher) {
            return alwaysOn.get(matcher) || counts[matcher] > 0;
        }

        private void add(int matcher, int position) {
            int[] list = positions[matcher];
            int count = counts[matcher];
            if (list == null) {
                list = new int[4];
            } else if (count > 0 && list[count - 1] == position) {
                return;
            } else if (count == list.length) {
                list = Arrays.copyOf(list, count * 2);
            }
            list[count] = position;
            positions[matcher] = list;
            counts[matcher] = count + 1;
        }
    }

    private final Node root = new Node();
    private final BitSet alwaysOn = new BitSet();
    private final int matcherCount;

    /**
     * Builds the index.
     *
     * @param keywordsByMatcher for each matcher (by position) its keywords; an empty set means
     *     the matcher always runs over the whole text
     */
    KeywordIndex(List<Set<String>> keywordsByMatcher) {
        this.matcherCount = keywordsByMatcher.size();
        for (int i = 0; i < matcherCount; i++) {
            Set<String> keywords = keywordsByMatcher.get(i);
            if (keywords.isEmpty()) {
                alwaysOn.set(i);
            }
            for (String keyword : keywords) {
                Node node = root;
                for (char c : keyword.toLowerCase(Locale.ROOT).toCharArray()) {
                    node = node.childOrNew(c);
                }
                int[] grown = Arrays.copyOf(node.matchers, node.matchers.length + 1);
                grown[grown.length - 1] = i;
                node.matchers = grown;
            }
        }
    }

    /**
     * Where each matcher's keywords occur in a folded text.
     *
     * @param folded the folded text
     * @return the hits
     */
    Hits hits(String folded) {
        Hits hits = new Hits(matcherCount, alwaysOn);
        int i = 0;
        int length = folded.length();
        while (i < length) {
            if (!isWordChar(folded.charAt(i))) {
                i++;
                continue;
            }
            Node node = root;
            int j = i;
            while (j < length && isWordChar(folded.charAt(j)) && node != null) {
                node = node.child(folded.charAt(j));
                if (node != null) {
                    for (int matcher : node.matchers) {
                        hits.add(matcher, i);
                    }
                }
                j++;
            }
            while (j < length && isWordChar(folded.charAt(j))) {
                j++;
            }
            i = j;
        }
        return hits;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '*';
    }
}
