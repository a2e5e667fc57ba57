package dev.ticketflow.plugins.gitlab.fakes;

import dev.ticketflow.api.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log that keeps its lines, for assertions (and that they never hold a secret). */
public final class RecordingLog implements Log {

    public final List<String> lines = new CopyOnWriteArrayList<>();

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
        String text = message;
        for (Object arg : args) {
            int slot = text.indexOf("{}");
            if (slot >= 0) {
                text = text.substring(0, slot) + arg + text.substring(slot + 2);
            }
        }
        lines.add(level + " " + text);
    }
}
