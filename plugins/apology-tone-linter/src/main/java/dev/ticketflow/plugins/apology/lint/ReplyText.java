package dev.ticketflow.plugins.apology.lint;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply prepared for linting: curly quotes straightened, a dash between words read as a
 * semicolon (a clause break), masked parts blanked out (all same length, so offsets stay those of
 * the reply), and split into sentences with the JDK's {@link BreakIterator} plus line breaks.
 *
 * <p>Immutable and thread-safe.
 */
final class ReplyText {

    private final String original;
    private final String text;
    private final int[] sentenceStarts;

    private ReplyText(String original, String text, int[] sentenceStarts) {
        this.original = original;
        this.text = text;
        this.sentenceStarts = sentenceStarts;
    }

    static ReplyText of(String original, List<Pattern> masks) {
        char[] chars = original.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '\u2018', '\u2019', '\u02BC' -> '\'';
                case '\u201C', '\u201D' -> '"';
                // a dash between words is a clause break, as a semicolon is
                case '\u2013', '\u2014' -> ';';
                case '\u00A0' -> ' ';
                default -> chars[i];
            };
        }
        for (int i = 1; i + 1 < chars.length; i++) {
            if (chars[i] == '-' && Character.isWhitespace(chars[i - 1]) && Character.isWhitespace(chars[i + 1])) {
                chars[i] = ';';
            }
        }
        String straight = new String(chars);
        for (Pattern mask : masks) {
            Matcher matcher = mask.matcher(straight);
            while (matcher.find()) {
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    if (chars[i] != '\n') {
                        chars[i] = ' ';
                    }
                }
            }
        }
        String masked = new String(chars);
        return new ReplyText(original, masked, sentenceStarts(straight));
    }

    private static int[] sentenceStarts(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int[] starts = new int[16];
        int count = 0;
        for (int boundary = iterator.first(); boundary != BreakIterator.DONE; boundary = iterator.next()) {
            starts = grow(starts, count);
            starts[count++] = boundary;
        }
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts = grow(starts, count);
            starts[count++] = i + 1;
        }
        return Arrays.stream(starts, 0, count).filter(s -> s < text.length()).sorted().distinct().toArray();
    }

    private static int[] grow(int[] array, int count) {
        return count < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    /** The masked text rules match on. */
    String text() {
        return text;
    }

    /** The reply as written. */
    String original() {
        return original;
    }

    /** The index of the sentence holding an offset. */
    int sentenceOf(int offset) {
        int position = Arrays.binarySearch(sentenceStarts, offset);
        return Math.max(0, position >= 0 ? position : -position - 2);
    }

    /** Where sentence {@code index} starts. */
    int sentenceStart(int index) {
        return sentenceStarts.length == 0 ? 0 : sentenceStarts[Math.min(index, sentenceStarts.length - 1)];
    }

    /** Where sentence {@code index} ends. */
    int sentenceEnd(int index) {
        return index + 1 < sentenceStarts.length ? sentenceStarts[index + 1] : text.length();
    }

    /** Whether there is a sentence after {@code index}. */
    boolean hasSentenceAfter(int index) {
        return index + 1 < sentenceStarts.length;
    }

    /** How many words the masked text holds. */
    int wordCount() {
        return countWords(0, text.length());
    }

    /** How many sentences hold at least {@code minWords} words (so a greeting line does not count). */
    int sentenceCount(int minWords) {
        int count = 0;
        for (int i = 0; i < sentenceStarts.length; i++) {
            if (countWords(sentenceStarts[i], sentenceEnd(i)) >= minWords) {
                count++;
            }
        }
        return count;
    }

    private int countWords(int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar || (inWord && text.charAt(i) == '\'');
        }
        return words;
    }
}
