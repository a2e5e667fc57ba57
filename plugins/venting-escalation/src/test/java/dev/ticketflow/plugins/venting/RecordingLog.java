package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logger that keeps its lines, with the placeholders filled in. */
final class RecordingLog implements Log {

    final List<String> lines = new CopyOnWriteArrayList<>();

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
        StringBuilder line = new StringBuilder(level).append(' ');
        int arg = 0;
        for (int i = 0; i < message.length(); i++) {
            if (message.startsWith("{}", i) && arg < args.length) {
                line.append(args[arg++]);
                i++;
            } else {
                line.append(message.charAt(i));
            }
        }
        lines.add(line.toString());
    }
}
