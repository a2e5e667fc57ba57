package dev.ticketflow.plugins.venting.classify;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Where the sentences of a message start, from the JDK's sentence {@link BreakIterator} (which
 * knows about abbreviations and decimal points) plus every line break, since customers often end
 * a thought with a new line instead of a full stop.
 *
 * <p>Immutable and thread-safe.
 */
final class Sentences {

    private final int[] starts;
    private final int length;

    private Sentences(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    /**
     * Splits a text; offsets can be translated to another view of it (the folded text).
     *
     * @param text the text as written
     * @param toView maps an offset of {@code text} to the view the rules run on
     * @param viewLength the length of that view
     * @return the sentence starts, in the view's offsets
     */
    static Sentences of(String text, IntUnaryOperator toView, int viewLength) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int[] found = new int[16];
        int count = 0;
        for (int boundary = iterator.first(); boundary != BreakIterator.DONE; boundary = iterator.next()) {
            found = add(found, count++, boundary);
        }
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            found = add(found, count++, i + 1);
        }
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = toView.applyAsInt(found[i]);
        }
        Arrays.sort(starts);
        return new Sentences(Arrays.stream(starts).distinct().filter(s -> s < viewLength).toArray(), viewLength);
    }

    /**
     * Splits a text the plain way: after sentence-ending punctuation followed by white space,
     * whatever the case of the next word, and at line breaks. Unlike the JDK's iterator it
     * splits "ok listen. fix it or else. not joking" into three, as lowercase messages need; an
     * abbreviation splits where it should not, which costs a pair of sentences nothing.
     *
     * @param text the text
     * @return the sentence starts
     */
    static Sentences plain(String text) {
        int[] found = new int[16];
        int count = 0;
        found = add(found, count++, 0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ends = c == '\n' || ((c == '.' || c == '!' || c == '?' || c == '\u2026')
                    && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)));
            if (ends) {
                int next = i + 1;
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                if (next < text.length()) {
                    found = add(found, count++, next);
                }
                i = next - 1;
            }
        }
        return new Sentences(Arrays.copyOf(found, count), text.length());
    }

    /** How many sentences there are (at least one). */
    int count() {
        return Math.max(1, starts.length);
    }

    /** The index of the sentence holding an offset. */
    int indexOf(int offset) {
        int position = Arrays.binarySearch(starts, offset);
        return Math.max(0, position >= 0 ? position : -position - 2);
    }

    /** Where sentence {@code index} starts (clamped to the first sentence). */
    int start(int index) {
        return starts.length == 0 ? 0 : starts[Math.max(0, Math.min(index, starts.length - 1))];
    }

    /** Where sentence {@code index} ends (clamped to the text's end). */
    int end(int index) {
        return index + 1 < starts.length ? starts[Math.max(0, index + 1)] : length;
    }

    private static int[] add(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }
}
