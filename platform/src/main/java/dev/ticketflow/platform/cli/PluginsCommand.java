package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.admin.AdminToken;
import dev.ticketflow.platform.config.SecretFile;
import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Admin token (default: admin.token, TICKETFLOW_ADMIN_TOKEN, or <dataDir>/admin-token).")
    String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TicketflowConfig config = parent.config(configOptions);
        String bearer = token != null ? token : adminToken(config);
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

    static String adminToken(TicketflowConfig config) throws IOException {
        if (config.adminToken() != null) {
            return config.adminToken();
        }
        Path file = AdminToken.file(config);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no admin token is configured and " + file + " does not exist:"
                    + " start Ticketflow once with this data folder, or pass --token");
        }
        return SecretFile.read(file);
    }
}
