package dev.ticketflow.plugins.venting.classify;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * BERT's uncased tokenizer, as the MiniLM encoder was trained with it: lower case, accents
 * stripped, words split at white space and around every punctuation character, then each word
 * cut greedily into the longest vocabulary pieces (later pieces carry the {@code ##} prefix); a
 * word that cannot be cut becomes {@code [UNK]}. Thread-safe.
 */
final class WordPieceTokenizer {

    private static final int MAX_WORD_LENGTH = 100;

    private final Map<String, Integer> ids;
    private final Map<String, Integer> continuations; // the "##" pieces, without the prefix
    private final int longestPiece;
    private final int unknown;

    WordPieceTokenizer(List<String> vocabulary) {
        ids = new HashMap<>(vocabulary.size() * 2);
        continuations = new HashMap<>(vocabulary.size());
        int longest = 1;
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.get(id);
            if (token.startsWith("##") && token.length() > 2) {
                continuations.put(token.substring(2), id);
                longest = Math.max(longest, token.length() - 2);
            } else {
                ids.put(token, id);
                longest = Math.max(longest, token.length());
            }
        }
        longestPiece = longest;
        Integer unk = ids.get("[UNK]");
        if (unk == null) {
            throw new IllegalArgumentException("the vocabulary has no [UNK] token");
        }
        unknown = unk;
    }

    /**
     * Hands each token id of a text, in order, to a consumer.
     *
     * @param text the text
     * @param consumer receives the token ids
     */
    void tokenize(String text, IntConsumer consumer) {
        String normal = stripAccents(text.toLowerCase(Locale.ROOT));
        int start = -1;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c);
            boolean punctuation = !space && isPunctuation(c);
            if (space || punctuation) {
                if (start >= 0) {
                    word(normal, start, i, consumer);
                    start = -1;
                }
                if (punctuation) {
                    word(normal, i, i + 1, consumer);
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            word(normal, start, normal.length(), consumer);
        }
    }

    private void word(String text, int from, int to, IntConsumer consumer) {
        if (to - from > MAX_WORD_LENGTH) {
            consumer.accept(unknown);
            return;
        }
        // pieces are found before any is handed on: a word that cannot be cut is one [UNK]
        int[] pieces = new int[to - from];
        int count = 0;
        int start = from;
        while (start < to) {
            Integer found = null;
            Map<String, Integer> pieceIds = start > from ? continuations : ids;
            // no piece is longer than the longest in the vocabulary: start there, not at the word's end
            int end = Math.min(to, start + longestPiece);
            for (; end > start; end--) {
                found = pieceIds.get(text.substring(start, end));
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                consumer.accept(unknown);
                return;
            }
            pieces[count++] = found;
            start = end;
        }
        for (int i = 0; i < count; i++) {
            consumer.accept(pieces[i]);
        }
    }

    private static String stripAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
            }
        }
        return text;
    }

    /** BERT counts every ASCII non-letter, non-digit symbol as punctuation, as well as Unicode's. */
    private static boolean isPunctuation(char c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
