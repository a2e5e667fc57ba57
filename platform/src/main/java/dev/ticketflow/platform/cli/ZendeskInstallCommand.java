package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ticketflow zendesk install --instance NAME --url PUBLIC_URL}: asks the running
 * Ticketflow's Zendesk connector to create (or update) the webhooks and triggers of one
 * configured Zendesk instance, through the connector's admin route
 * {@code POST /hooks/zendesk-connector/admin/install} with the admin token. The command knows
 * that route and its JSON, never the plugin's classes; the connector keeps the signing secrets.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Create or update the Zendesk webhooks and triggers that send Ticketflow its events;"
                + " running it again changes nothing that is already right.",
                "Ticketflow must be running with the zendesk-connector plugin and the instance configured"
                + " (with an admin's API token) under plugins.zendesk-connector.instances."})
final class ZendeskInstallCommand implements Callable<Integer> {

    static final String ROUTE = "/hooks/zendesk-connector/admin/install";
    // the install talks to Zendesk, which may rate-limit it; give it time
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @ParentCommand
    ZendeskCommand zendesk;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--instance", required = true, paramLabel = "NAME",
            description = "The Zendesk instance, as named under plugins.zendesk-connector.instances.")
    String instance;

    @Option(names = "--url", required = true, paramLabel = "PUBLIC_URL",
            description = "The address Zendesk reaches Ticketflow at, e.g. https://ticketflow.example.com;"
                    + " the webhooks call PUBLIC_URL/hooks/zendesk-connector/NAME.")
    String publicUrl;

    @Option(names = "--server", paramLabel = "URL",
            description = "Base URL of the running Ticketflow (default: http://127.0.0.1:<http.port>).")
    String server;

    @Mixin
    AdminTokenOption adminToken;

    @Option(names = "--json", description = "Print the connector's JSON answer instead of a summary.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TicketflowConfig config = zendesk.parent.config(configOptions);
        String body = new JsonObject().put("instance", instance).put("url", publicUrl).encode();
        HttpResponse<String> response = ServerOptions.send(HttpRequest.newBuilder()
                .uri(URI.create(ServerOptions.baseUrl(server, "--server", config) + ROUTE))
                .header("Authorization", "Bearer " + adminToken.bearer(config))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "--server", TIMEOUT);
        if (response.statusCode() / 100 != 2) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(failure(response));
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonObject result = new JsonObject(response.body());
        out.print(json ? result.encodePrettily() + System.lineSeparator() : summary(result));
        out.flush();
        return 0;
    }

    private String failure(HttpResponse<String> response) {
        String detail = response.body();
        try {
            JsonObject problem = new JsonObject(response.body());
            detail = problem.getString("detail", detail);
        } catch (DecodeException | ClassCastException notJson) {
            // keep the body as it is
        }
        if (response.statusCode() == 404) {
            return "HTTP 404: the running Ticketflow has no Zendesk installer; is the zendesk-connector plugin loaded"
                    + " and started? (bin/ticketflow plugins)";
        }
        return "HTTP " + response.statusCode() + ": " + detail;
    }

    static String summary(JsonObject result) {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder("Zendesk instance '").append(result.getString("instance"))
                .append("' sends its events to ").append(result.getString("endpoint")).append(newline);
        JsonArray items = result.getJsonArray("items", new JsonArray());
        List<List<String>> rows = new ArrayList<>();
        int[] widths = new int[3];
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            List<String> row = List.of(String.valueOf(item.getValue("kind")), String.valueOf(item.getValue("name")),
                    String.valueOf(item.getValue("outcome")), "id " + item.getValue("id"));
            rows.add(row);
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            text.append("  ");
            for (int c = 0; c < widths.length; c++) {
                text.append(String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            text.append(row.get(3)).append(newline);
        }
        text.append(result.getBoolean("changed", true) ? "Done." : "Nothing to change: everything was already set up.")
                .append(" Signing secrets stored by the connector: ").append(result.getValue("signingSecretsStored"))
                .append(newline);
        return text.toString();
    }
}
