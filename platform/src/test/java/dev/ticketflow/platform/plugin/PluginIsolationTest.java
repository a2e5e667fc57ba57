package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.RetryPolicy;
import dev.ticketflow.platform.plugin.testplugins.BlockingPlugin;
import dev.ticketflow.platform.plugin.testplugins.FailingPlugin;
import dev.ticketflow.platform.plugin.testplugins.HangingPlugin;
import dev.ticketflow.platform.plugin.testplugins.OrderRecordingPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import dev.ticketflow.platform.plugin.testplugins.ThrowingPlugin;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plugin's trouble never costs another plugin an event; a ticket's events arrive in order. */
class PluginIsolationTest {

    @TempDir
    Path base;

    private PluginHostFixture platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void throwingFailingHangingAndBlockingPluginsNeverCostAHealthyPluginAnEvent() {
        Path plugins = PluginHostFixture.pluginsDir(base);
        PluginJar.plugin("healthy").extension(RecordingPlugin.class).subscriptions("ticket.*").writeTo(plugins);
        PluginJar.plugin("throwing").extension(ThrowingPlugin.class).subscriptions("ticket.*").writeTo(plugins);
        PluginJar.plugin("failing").extension(FailingPlugin.class).subscriptions("ticket.*").writeTo(plugins);
        PluginJar.plugin("hanging").extension(HangingPlugin.class).subscriptions("ticket.*").writeTo(plugins);
        // blocks its own thread past the time-out on each ticket.created
        PluginJar.plugin("blocking").extension(BlockingPlugin.class).subscriptions("ticket.created").writeTo(plugins);
        // one attempt each, circuit never open: every failure is counted once, as it happens
        platform = PluginHostFixture.start(base, config -> config
                .withDelivery(DeliverySettings.of(new DeliveryPolicy(RetryPolicy.noRetries(),
                        CircuitBreakerPolicy.disabled())))
                .withHandlerTimeout(Duration.ofMillis(1500))
                .withPlugins(Map.of("blocking", new JsonObject().put("blockMillis", 1600).put("handle", "ticket.created"))));

        List<String> accepted = new ArrayList<>();
        for (String type : List.of("ticket.created", "ticket.updated", "ticket.solved")) {
            accepted.add(platform.accept(type, "t0"));
            accepted.add(platform.accept(type, "t1"));
        }

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("healthy"))
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(id -> "v1 " + id).toList()));
        // had the others held it up, the hanging plugin's time-outs (2 per 1.5 s) would have come first
        assertThat(platform.plugin("hanging").orElseThrow().failed()).as("hanging time-outs so far").isLessThan(3);
        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            assertThat(platform.plugin("healthy").orElseThrow().delivered()).isEqualTo(6);
            for (String troubled : List.of("throwing", "failing", "hanging")) {
                PluginInfo info = platform.plugin(troubled).orElseThrow();
                assertThat(info.failed()).as(troubled + " failures").isEqualTo(6);
                assertThat(info.delivered()).as(troubled + " successes").isZero();
                assertThat(info.state()).isEqualTo("STARTED");
            }
            assertThat(platform.plugin("blocking").orElseThrow().failed()).as("blocking time-outs").isEqualTo(2);
        });
        String scrape = platform.server.metrics().scrape();
        assertThat(scrape).contains("outcome=\"timeout\",plugin=\"hanging\"", "outcome=\"failure\",plugin=\"throwing\"",
                "outcome=\"success\",plugin=\"healthy\"");
    }

    @Test
    void eachTicketsEventsReachAPluginInAcceptanceOrderWhileTicketsInterleave() throws Exception {
        PluginJar.plugin("ordered").extension(OrderRecordingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base);
        int tickets = 4;
        int perTicket = 30;

        ExecutorService clients = Executors.newFixedThreadPool(tickets);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < tickets; t++) {
                String ticket = "t" + t;
                sent.add(clients.submit(() -> IntStream.range(0, perTicket).forEach(seq ->
                        platform.accept("ticket.updated", ticket, Map.of("seq", seq)))));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            clients.shutdown();
        }

        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("ordered")).hasSize(tickets * perTicket));
        List<String> seen = platform.records("ordered");
        for (int t = 0; t < tickets; t++) {
            String ticket = "t" + t;
            List<String> expected = IntStream.range(0, perTicket).mapToObj(seq -> ticket + " " + seq).toList();
            assertThat(seen.stream().filter(record -> record.startsWith(ticket + " ")).toList())
                    .as("order of ticket " + ticket).containsExactlyElementsOf(expected);
        }
        assertThat(Probe.maxConcurrency("ordered")).as("tickets handled in parallel").isGreaterThan(1);
        assertThat(platform.plugin("ordered").orElseThrow().delivered()).isEqualTo(tickets * perTicket);
    }
}
