package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Log} that keeps its lines as {@code "LEVEL text"}, placeholders filled in, so a test
 * can assert what a plugin logged (and that it never logged a secret). Thread-safe.
 */
public final class RecordingLog implements Log {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** @return every line so far, oldest first, e.g. {@code "WARN ticket 42 skipped"} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return every line joined with newlines, for {@code contains}/{@code doesNotContain} checks */
    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void debug(String message, Object... args) {
        record("DEBUG", message, args);
    }

    @Override
    public void info(String message, Object... args) {
        record("INFO", message, args);
    }

    @Override
    public void warn(String message, Object... args) {
        record("WARN", message, args);
    }

    @Override
    public void error(String message, Object... args) {
        record("ERROR", message, args);
    }

    private void record(String level, String message, Object... args) {
        lines.add(level + " " + format(message, args));
    }

    /** SLF4J-style: each {@code {}} takes the next argument; surplus placeholders stay as they are. */
    static String format(String message, Object... args) {
        StringBuilder text = new StringBuilder();
        int arg = 0;
        int at = 0;
        while (true) {
            int slot = message.indexOf("{}", at);
            if (slot < 0 || arg >= args.length) {
                return text.append(message.substring(at)).toString();
            }
            text.append(message, at, slot).append(args[arg++]);
            at = slot + 2;
        }
    }
}
