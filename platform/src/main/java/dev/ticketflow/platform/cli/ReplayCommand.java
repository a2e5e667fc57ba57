package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ticketflow replay}: delivers stored events again through {@code POST /admin/replay} —
 * one event, or every event accepted in a time range — to one plugin or to every started plugin
 * subscribed to them.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Deliver stored events again: one event (--event) or every event accepted in a time range"
                + " (--from/--to), to one plugin (--plugin) or to every started plugin subscribed to them.",
                "The plugin sees the replay as a later attempt of the same event id."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    TicketflowCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    ServerOptions server;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--event", paramLabel = "EVENT_ID", description = "The id of the event to replay.")
        String eventId;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "TIME",
                description = "Replay events accepted at or after this time (RFC 3339, e.g. 2025-03-01T09:00:00Z).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "TIME", description = "... and before this time.")
        String to;
    }

    @Option(names = "--plugin", paramLabel = "PLUGIN_ID",
            description = "Replay to this plugin only (default: every started plugin subscribed to the events).")
    String pluginId;

    @Mixin
    AdminTokenOption adminToken;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TicketflowConfig config = parent.config(configOptions);
        JsonObject body = new JsonObject();
        if (selection.eventId != null) {
            body.put("eventId", selection.eventId);
        } else {
            body.put("from", instant("--from", selection.range.from)).put("to", instant("--to", selection.range.to));
        }
        if (pluginId != null) {
            body.put("plugin", pluginId);
        }
        String bearer = adminToken.bearer(config);
        HttpResponse<String> response = ServerOptions.send(HttpRequest.newBuilder()
                .uri(URI.create(server.baseUrl(config) + "/admin/replay"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
        if (response.statusCode() / 100 != 2) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("HTTP " + response.statusCode() + ": " + detail(response.body()));
            err.flush();
            return 1;
        }
        JsonObject result = new JsonObject(response.body());
        List<String> plugins = result.getJsonArray("plugins").stream().map(String::valueOf).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Replayed " + count(result.getInteger("events"), "event") + ": "
                + count(result.getInteger("deliveries"), "delivery", "deliveries") + " recorded for "
                + (plugins.isEmpty() ? "no started plugin" : String.join(", ", plugins)));
        out.flush();
        return 0;
    }

    private static String instant(String option, String text) {
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an RFC 3339 time in UTC such as"
                    + " 2025-03-01T09:30:00Z, got '" + text + "'", e);
        }
    }

    private static String detail(String body) {
        try {
            JsonObject problem = new JsonObject(body);
            return problem.getString("detail", body);
        } catch (DecodeException notJson) {
            return body;
        }
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
