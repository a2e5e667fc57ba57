package dev.ticketflow.plugins.venting.classify;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A message folded for matching: lower case, curly quotes straightened, leetspeak inside words
 * undone ({@code k1ll}, {@code sh!t}), letters stretched three or more times collapsed
 * ({@code fuuuck}), and staff names replaced by the placeholder {@value #STAFF_TOKEN}. Every
 * folded character remembers where it came from, so a match on the folded text maps back to a
 * span of the original.
 *
 * <p>Immutable and thread-safe.
 */
public final class FoldedText {

    /** What a staff name becomes, so that rules can name "a member of staff" as a target. */
    public static final String STAFF_TOKEN = "zzstaff";

    /** Names that are also everyday words: replacing them would change the meaning of a text. */
    private static final Set<String> AMBIGUOUS_NAMES = Set.of(
            "will", "may", "june", "april", "august", "hope", "grace", "faith", "joy", "bill", "rob",
            "sue", "pat", "guy", "ray", "rose", "dawn", "summer", "art", "jack", "frank", "max",
            "page", "chase", "hunter", "drew", "gene", "don", "sky", "amber", "ivy", "iris");

    private static final int MAX_LEET_RUN = 4;

    private final String original;
    private final String folded;
    private final int[] startOf;
    private final int[] endOf;

    private FoldedText(String original, String folded, int[] startOf, int[] endOf) {
        this.original = original;
        this.folded = folded;
        this.startOf = startOf;
        this.endOf = endOf;
    }

    /**
     * Folds a message.
     *
     * @param original the message as written
     * @param staffNames names of support staff to replace by {@link #STAFF_TOKEN}; may be empty
     * @return the folded text
     */
    public static FoldedText of(String original, Collection<String> staffNames) {
        int length = original.length();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = foldChar(original, i);
        }
        StringBuilder out = new StringBuilder(length);
        // a placeholder (7 chars) may be longer than the name (2 or more chars) it replaces
        int capacity = staffNames.isEmpty() ? length + 1 : length * 4 + STAFF_TOKEN.length() + 1;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int i = 0;
        while (i < length) {
            int nameEnd = staffNames.isEmpty() ? -1 : staffNameAt(original, i, staffNames);
            if (nameEnd > i) {
                for (int k = 0; k < STAFF_TOKEN.length(); k++) {
                    starts[out.length()] = i;
                    ends[out.length()] = nameEnd;
                    out.append(STAFF_TOKEN.charAt(k));
                }
                i = nameEnd;
                continue;
            }
            char c = chars[i];
            int run = 1;
            while (i + run < length && chars[i + run] == c) {
                run++;
            }
            int emit = Character.isLetter(c) && run >= 3 ? 1 : run;
            for (int k = 0; k < emit; k++) {
                starts[out.length()] = i + k;
                ends[out.length()] = emit == run ? i + k + 1 : i + run;
                out.append(c);
            }
            i += run;
        }
        int n = out.length();
        return new FoldedText(original, out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** The folded text the rules match against. */
    public String folded() {
        return folded;
    }

    /** The message as written. */
    public String original() {
        return original;
    }

    /** The original offset where the folded span {@code [start, end)} begins. */
    public int originalStart(int start) {
        return start < startOf.length ? startOf[start] : original.length();
    }

    /** The original offset where the folded span {@code [start, end)} ends (exclusive). */
    public int originalEnd(int end) {
        return end == 0 ? 0 : endOf[end - 1];
    }

    /** The folded offset of an original offset: the first folded char at or after it. */
    public int foldedOffset(int originalOffset) {
        int low = 0;
        int high = startOf.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (startOf[mid] < originalOffset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static char foldChar(String text, int i) {
        char c = straighten(text.charAt(i));
        char leet = leet(c);
        if (leet != 0 && insideWord(text, i)) {
            return leet;
        }
        return Character.toLowerCase(c);
    }

    private static char straighten(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '`', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E' -> '"';
            case '\u2013', '\u2014', '\u2212' -> '-';
            case '\u00A0', '\u2009', '\u202F' -> ' ';
            default -> c;
        };
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    /** A leet character counts as a letter only between letters: {@code sh!t}, {@code a$$hole}. */
    private static boolean insideWord(String text, int i) {
        // bounded, so that a long run of "!!!!" stays linear
        int before = i - 1;
        while (before >= 0 && i - before <= MAX_LEET_RUN && leet(straighten(text.charAt(before))) != 0) {
            before--;
        }
        int after = i + 1;
        while (after < text.length() && after - i <= MAX_LEET_RUN
                && leet(straighten(text.charAt(after))) != 0) {
            after++;
        }
        return before >= 0 && after < text.length()
                && Character.isLetter(text.charAt(before)) && Character.isLetter(text.charAt(after));
    }

    /** The end of a staff name starting at {@code i} (whole word, written capitalised), or -1. */
    private static int staffNameAt(String text, int i, Collection<String> staffNames) {
        if (staffNames.isEmpty() || !Character.isUpperCase(text.charAt(i))
                || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return -1;
        }
        for (String name : staffNames) {
            int end = i + name.length();
            if (name.length() >= 2 && end <= text.length()
                    && text.regionMatches(true, i, name, 0, name.length())
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
                    && !AMBIGUOUS_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return end;
            }
        }
        return -1;
    }
}
