package dev.ticketflow.platform.intake;

import static dev.ticketflow.platform.intake.EventsRoutesTest.CREATED;
import static dev.ticketflow.platform.intake.EventsRoutesTest.SECRET;
import static dev.ticketflow.platform.intake.EventsRoutesTest.assertProblem;
import static dev.ticketflow.platform.intake.EventsRoutesTest.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.eventlog.EventLog;
import dev.ticketflow.platform.eventlog.EventLogUnavailableException;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the intake answers when the event log cannot store an event. */
@ExtendWith(VertxExtension.class)
class EventsRoutesStorageFailureTest {

    @TempDir
    Path base;

    @Test
    void anEventTheLogCannotStoreIsAnswered503AndNotDispatched(Vertx vertx) {
        EventLog full = new EventLog() {
            @Override
            public Future<Accepted> append(TicketEvent event, String deliveryId, List<String> subscribers) {
                return Future.failedFuture(new EventLogUnavailableException("disk full"));
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
        AtomicInteger dispatched = new AtomicInteger();
        vertx.eventBus().consumer(Addresses.EVENTS_ACCEPTED, message -> dispatched.incrementAndGet()).completion().await();
        Intake intake = new Intake(full, type -> List.of("a-plugin"), vertx.eventBus(), Clock.systemUTC());
        PlatformMetrics metrics = new PlatformMetrics();
        Router router = Router.router(vertx);
        EventsRoutes.mount(router, vertx,
                TicketflowConfig.defaults(base).withWebhookSecrets(List.of(SECRET)), intake, metrics);
        router.route().failureHandler(Problem::handleFailure);
        HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").await();
        WebClient client = WebClient.create(vertx);
        byte[] body = CREATED.getBytes(StandardCharsets.UTF_8);
        long timestamp = now();

        HttpResponse<Buffer> response = client.post(http.actualPort(), "localhost", EventsRoutes.PATH)
                .putHeader("Content-Type", "application/json")
                .putHeader(StandardWebhooks.ID_HEADER, "msg_1")
                .putHeader(StandardWebhooks.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(SECRET, "msg_1", timestamp, body))
                .sendBuffer(Buffer.buffer(body)).await();

        assertThat(assertProblem(response, 503, "event-log-unavailable").getString("detail")).contains("disk full");
        assertThat(dispatched).hasValue(0);
        assertThat(metrics.scrape()).contains("outcome=\"event-log-unavailable\"} 1.0");
        client.close();
        http.close().await();
    }
}
