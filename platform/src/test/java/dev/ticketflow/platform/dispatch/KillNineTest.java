package dev.ticketflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ticketflow.platform.cli.TicketflowCli;
import dev.ticketflow.platform.intake.StandardWebhooks;
import dev.ticketflow.platform.plugin.Eventually;
import dev.ticketflow.platform.plugin.PluginJar;
import dev.ticketflow.platform.plugin.testplugins.FileRecordingPlugin;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, tested the hard way: Ticketflow runs in its own JVM (the real command
 * line, {@code start}) with two plugins that write every event they get to a file; concurrent
 * clients post signed events; the process is killed with SIGKILL while events and deliveries are
 * in flight; a new process starts on the same folders. Every event that was answered 202 must
 * reach both plugins, however often this is repeated.
 */
class KillNineTest {

    private static final String SECRET = "whsec_" + "a2lsbC1uaW5lLXRlc3Qtd2ViaG9vay1zZWNyZXQtMzI=";
    private static final List<String> PLUGINS = List.of("recorder-a", "recorder-b");
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 8;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private Process server;
    private int port;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyEventAnswered202ReachesEverySubscribedPluginAcrossKillNineAndRestart() throws Exception {
        port = freePort();
        for (String plugin : PLUGINS) {
            PluginJar.plugin(plugin).extension(FileRecordingPlugin.class).subscriptions("ticket.*")
                    .writeTo(home.resolve("plugins"));
        }
        writeConfig();

        for (int round = 1; round <= ROUNDS; round++) {
            start("round-" + round);
            int before = acknowledged.size();
            postUntilKilled(before + 150);
            assertThat(acknowledged.size()).as("events acknowledged in round " + round).isGreaterThan(before);
        }
        start("final");

        Eventually.within(Duration.ofSeconds(120), () -> {
            for (String plugin : PLUGINS) {
                Set<String> received = received(plugin);
                assertThat(acknowledged.stream().filter(id -> !received.contains(id)).toList())
                        .as("202-acknowledged events that never reached " + plugin + " (of " + acknowledged.size() + ")")
                        .isEmpty();
            }
        });
    }

    /** Posts from concurrent clients and kills the server once {@code killAt} events were acknowledged. */
    private void postUntilKilled(int killAt) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(this::postWhileAlive));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < killAt && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // SIGKILL, with requests and deliveries in flight
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private void postWhileAlive() {
        while (server.isAlive()) {
            int n = sequence.incrementAndGet();
            String msgId = "msg_kill_" + n;
            byte[] body = ("{\"type\":\"ticket.updated\",\"source\":\"test:desk\",\"ticket\":{\"id\":\"t" + (n % 20)
                    + "\",\"status\":\"open\"},\"data\":{\"n\":" + n + "}}").getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(StandardWebhooks.ID_HEADER, msgId)
                    .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(SECRET, msgId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    Matcher id = EVENT_ID.matcher(response.body());
                    assertThat(id.find()).as(response.body()).isTrue();
                    acknowledged.add(id.group(1));
                }
            } catch (IOException killedMeanwhile) {
                // no answer: not acknowledged, so nothing is owed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(String name) throws Exception {
        Path log = home.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), TicketflowCli.class.getName(), "start")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("TICKETFLOW_"));
        builder.environment().put("TICKETFLOW_HOME", home.toString());
        server = builder.start();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("Ticketflow exited with " + server.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        fail("not ready within " + STARTUP.toSeconds() + " s: " + Files.readString(log));
    }

    private void writeConfig() throws IOException {
        StringBuilder plugins = new StringBuilder();
        for (String plugin : PLUGINS) {
            // a little work per event keeps deliveries in flight and queued when the kill comes
            plugins.append("  ").append(plugin).append(":\n")
                    .append("    file: ").append(recordFile(plugin)).append('\n')
                    .append("    delayMillis: 2\n");
        }
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/ticketflow.yaml"), """
                http:
                  host: 127.0.0.1
                  port: %d
                webhooks:
                  secrets: [%s]
                admin:
                  token: kill-nine-admin-token
                pluginHost:
                  scanInterval: 60s
                plugins:
                %s""".formatted(port, SECRET, plugins));
    }

    private Path recordFile(String plugin) {
        return home.resolve(plugin + ".received");
    }

    private Set<String> received(String plugin) {
        try {
            Path file = recordFile(plugin);
            if (!Files.exists(file)) {
                return Set.of();
            }
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                    .map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
