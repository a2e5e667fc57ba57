package dev.ticketflow.plugins.zendesk.support;

import dev.ticketflow.api.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log that keeps every line, formatted, for assertions. */
public final class CapturingLog implements Log {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void debug(String message, Object... args) {
        add("DEBUG", message, args);
    }

    @Override
    public void info(String message, Object... args) {
        add("INFO", message, args);
    }

    @Override
    public void warn(String message, Object... args) {
        add("WARN", message, args);
    }

    @Override
    public void error(String message, Object... args) {
        add("ERROR", message, args);
    }

    private void add(String level, String message, Object... args) {
        StringBuilder line = new StringBuilder(level).append(' ');
        int arg = 0;
        int at = 0;
        while (true) {
            int next = message.indexOf("{}", at);
            if (next < 0 || arg >= args.length) {
                line.append(message.substring(at));
                break;
            }
            line.append(message, at, next).append(args[arg++]);
            at = next + 2;
        }
        lines.add(line.toString());
    }
}
