package dev.ticketflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README tells a newcomer to do, done with the assembled distribution: start it on the
 * shipped configuration with no credentials set, send the first event with
 * {@code bin/ticketflow send}, see every bundled plugin started, stop it with SIGTERM.
 */
class DistributionSmokeTest {

    // generous: a loaded 2-core machine may take a while to start a JVM
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final long COMMAND_SECONDS = 60;
    private static final List<String> CREDENTIAL_PREFIXES = List.of("TICKETFLOW_", "ZENDESK_", "GITLAB_", "SLACK_",
            "SSAT_");

    private final Path home = Distribution.home();

    @TempDir
    Path work;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsSendsTheFirstEventListsPluginsAndStopsCleanly() throws Exception {
        Map<String, String> env = environment(freePort());
        Path serverLog = work.resolve("server.log");
        server = command(env, "start").redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        awaitReady(env, serverLog);

        assertThat(work.resolve("data/admin-token")).exists();
        assertThat(work.resolve("data/webhook-secret")).exists();
        assertThat(home.resolve("data")).isEmptyDirectory();

        Result sent = run(env, "send", home.resolve("examples/ticket-created.json").toString());
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("HTTP 202").contains("\"id\"");

        Result plugins = run(env, "plugins");
        assertThat(plugins.exitCode()).as(plugins.output()).isZero();
        assertThat(plugins.output()).contains("new-ticket-tagger");

        // the shipped configuration, no credentials in the environment: every plugin starts (dry-run where needed)
        Result listed = run(env, "plugins", "--json");
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        JsonArray states = new JsonArray(listed.output());
        assertThat(states.size()).as(listed.output()).isEqualTo(Distribution.files("plugins", ".jar").size());
        for (int i = 0; i < states.size(); i++) {
            JsonObject plugin = states.getJsonObject(i);
            assertThat(plugin.getString("state")).as("%s: %s", plugin.getString("id"), plugin.getString("lastError"))
                    .isEqualTo("STARTED");
        }
        assertThat(states.stream().map(plugin -> ((JsonObject) plugin).getString("id")).toList())
                .containsExactlyInAnyOrder("new-ticket-tagger", "zendesk-connector", "feedback-triage",
                        "satisfaction-survey", "gitlab-issue-linker", "slack-notifier", "venting-escalation", "apology-tone-linter");
        assertThat(Files.readString(serverLog)).contains("DRY-RUN: no Slack token configured")
                .contains("DRY-RUN: no GitLab token configured").contains("DRY-RUN: no Zendesk instance is configured");

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
        assertThat(Files.readString(serverLog)).contains("Ticketflow stopped");
    }

    private Map<String, String> environment(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TICKETFLOW_HTTP_HOST", "127.0.0.1");
        env.put("TICKETFLOW_HTTP_PORT", Integer.toString(port));
        env.put("TICKETFLOW_DATA_DIR", work.resolve("data").toString());
        env.put("JAVA_OPTS", "-Xmx256m");
        return env;
    }

    private ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(home.resolve("bin/ticketflow").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        // neither the platform's overrides nor the plugins' credentials of the machine running the test
        builder.environment().keySet().removeIf(name -> CREDENTIAL_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(env);
        return builder;
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "cli", ".out");
        Process process = command(env, args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/ticketflow " + String.join(" ", args) + " did not finish: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private void awaitReady(Map<String, String> env, Path serverLog) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + env.get("TICKETFLOW_HTTP_PORT") + "/ready");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("bin/ticketflow start exited with " + server.exitValue() + ": " + Files.readString(serverLog));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail("not ready within " + STARTUP.toSeconds() + " s: " + Files.readString(serverLog));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {}
}
