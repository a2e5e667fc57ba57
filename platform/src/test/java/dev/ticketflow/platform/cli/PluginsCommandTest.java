package dev.ticketflow.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.admin.AdminRoutes;
import dev.ticketflow.platform.plugin.PluginInfo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class PluginsCommandTest {

    private static final String TOKEN = "generated-admin-token";

    @TempDir
    Path home;

    private HttpServer server;

    // Stands in for the admin API: answers the list only to the right bearer token.
    @BeforeEach
    void startFakeAdminApi(Vertx vertx) {
        JsonArray plugins = new JsonArray()
                .add(AdminRoutes.toJson(new PluginInfo("broken-plugin", "0.3.0", "FAILED", "plugins/broken.jar",
                        List.of(), List.of(), "Plugin-Requires >=9.0 does not match 0.1.0", 0, 0)))
                .add(AdminRoutes.toJson(new PluginInfo("new-ticket-tagger", "0.1.0", "STARTED",
                        "plugins/new-ticket-tagger-0.1.0.jar", List.of("ticket.created"), List.of("helpdesk:tag"),
                        null, 12, 1)));
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end("{\"detail\":\"the bearer token is not the admin token\"}");
            } else {
                request.response().putHeader("Content-Type", "application/json").end(plugins.encode());
            }
        }).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        server.close().await();
    }

    private Map<String, String> env() {
        return Map.of("TICKETFLOW_HOME", home.toString(), "TICKETFLOW_HTTP_PORT", Integer.toString(server.actualPort()));
    }

    private void writeGeneratedToken() throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/admin-token"), TOKEN + "\n");
    }

    @Test
    void listsThePluginsAsATableUsingTheGeneratedToken() throws Exception {
        writeGeneratedToken();

        CliRun run = CliRun.run(env(), "plugins");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("VERSION", "STATE", "DELIVERED", "FAILED", "CIRCUIT");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("new-ticket-tagger", "0.1.0", "STARTED", "12", "closed", "ticket.created", "helpdesk:tag"));
        assertThat(lines).contains("  error: Plugin-Requires >=9.0 does not match 0.1.0");
    }

    @Test
    void jsonPrintsTheAdminApiAnswer() throws Exception {
        writeGeneratedToken();

        CliRun run = CliRun.run(env(), "plugins", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(new JsonArray(run.out()).getJsonObject(1).getString("id")).isEqualTo("new-ticket-tagger");
    }

    @Test
    void aConfiguredTokenIsUsedAndAWrongOneExitsNonZero() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("TICKETFLOW_ADMIN_TOKEN", TOKEN);
        assertThat(CliRun.run(env, "plugins").exitCode()).isZero();

        CliRun wrong = CliRun.run(env(), "plugins", "--token", "wrong");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("HTTP 401");
    }

    @Test
    void withoutAnyTokenItSaysHowToGetOne() {
        CliRun run = CliRun.run(env(), "plugins");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("admin-token").contains("--token");
    }
}
