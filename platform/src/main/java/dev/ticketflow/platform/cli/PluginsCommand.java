package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ticketflow plugins}: the plugins of the running server, from {@code GET /admin/plugins}. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins of the running Ticketflow (id, version, state, deliveries, errors).")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    TicketflowCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    ServerOptions server;

    @Option(names = "--json", description = "Print the admin API's JSON instead of a table.")
    boolean json;

    @Mixin
    AdminTokenOption adminToken;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TicketflowConfig config = parent.config(configOptions);
        String bearer = adminToken.bearer(config);
        HttpResponse<String> response = ServerOptions.send(HttpRequest.newBuilder()
                .uri(URI.create(server.baseUrl(config) + "/admin/plugins"))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET());
        PrintWriter out = spec.commandLine().getOut();
        if (response.statusCode() / 100 != 2) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("HTTP " + response.statusCode() + " " + response.body());
            err.flush();
            return 1;
        }
        JsonArray plugins = new JsonArray(response.body());
        out.print(json ? plugins.encodePrettily() + System.lineSeparator() : PluginTable.render(plugins));
        out.flush();
        return 0;
    }
}
