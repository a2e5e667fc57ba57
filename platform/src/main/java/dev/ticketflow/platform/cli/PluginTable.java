package dev.ticketflow.platform.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Renders the admin API's plugin list as an aligned text table, errors on their own lines. */
final class PluginTable {

    private static final List<String> HEADERS =
            List.of("ID", "VERSION", "STATE", "DELIVERED", "FAILED", "CIRCUIT", "SUBSCRIPTIONS", "PERMISSIONS");

    private PluginTable() {}

    static String render(JsonArray plugins) {
        if (plugins.isEmpty()) {
            return "No plugins are loaded." + System.lineSeparator();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (int i = 0; i < plugins.size(); i++) {
            JsonObject plugin = plugins.getJsonObject(i);
            rows.add(List.of(
                    text(plugin.getValue("id")),
                    text(plugin.getValue("version")),
                    text(plugin.getValue("state")),
                    text(plugin.getValue("delivered")),
                    text(plugin.getValue("failed")),
                    circuit(plugin.getJsonObject("circuit")),
                    join(plugin.getJsonArray("subscriptions")),
                    join(plugin.getJsonArray("permissions"))));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format("%-" + widths[c] + "s", row.get(c)));
                if (c < row.size() - 1) {
                    line.append("  ");
                }
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
            String error = r == 0 ? null : plugins.getJsonObject(r - 1).getString("lastError");
            if (error != null) {
                table.append("  error: ").append(error).append(System.lineSeparator());
            }
        }
        return table.toString();
    }

    /** The circuit breaker's state; "open" says until when deliveries pause. */
    private static String circuit(JsonObject circuit) {
        if (circuit == null) {
            return "-";
        }
        String openUntil = circuit.getString("openUntil");
        return text(circuit.getValue("state")) + (openUntil == null ? "" : " until " + openUntil);
    }

    private static String join(JsonArray values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(text(value)));
        return String.join(",", texts);
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
