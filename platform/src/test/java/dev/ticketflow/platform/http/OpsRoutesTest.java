package dev.ticketflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OpsRoutesTest {

    private final PlatformMetrics metrics = new PlatformMetrics();
    private final AtomicBoolean ready = new AtomicBoolean();
    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void startServer(Vertx vertx) {
        Router router = Router.router(vertx);
        OpsRoutes.mount(router, metrics, ready::get);
        OpsRoutes.mount(Router.router(vertx), metrics, ready::get);
        router.route().failureHandler(Problem::handleFailure);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close().await();
    }

    private HttpResponse<Buffer> get(String path) {
        return client.get(server.actualPort(), "127.0.0.1", path).send().await();
    }

    @Test
    void healthIsUpWhileTheProcessServes() {
        HttpResponse<Buffer> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    }

    @Test
    void readyIs503ProblemUntilThePlatformIsReadyThen200() {
        HttpResponse<Buffer> starting = get("/ready");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(starting.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(starting.bodyAsJsonObject().getString("detail")).contains("starting");

        ready.set(true);

        HttpResponse<Buffer> started = get("/ready");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.bodyAsJsonObject().getString("status")).isEqualTo("READY");
    }

    @Test
    void metricsArePrometheusTextWithPlatformAndJvmMeters() {
        metrics.intake("accepted");
        metrics.delivery("new-ticket-tagger", "success", 1_000_000);

        HttpResponse<Buffer> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        String text = response.bodyAsString();
        assertThat(text).contains("ticketflow_intake_requests_total{outcome=\"accepted\"} 1.0");
        assertThat(text).contains("ticketflow_plugin_delivery_seconds_count{outcome=\"success\",plugin=\"new-ticket-tagger\"} 1");
        assertThat(text).contains("jvm_memory_used_bytes", "process_uptime_seconds", "jvm_threads_live_threads");
        assertThat(text.split("\n")).filteredOn(line -> line.startsWith("# TYPE jvm_info ")).hasSize(1);
    }
}
