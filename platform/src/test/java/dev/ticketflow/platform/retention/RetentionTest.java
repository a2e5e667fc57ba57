package dev.ticketflow.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.MutableClock;
import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.Retention;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on an injected clock: old timeline entries and delivery ids go, recent ones stay. */
class RetentionTest {

    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path base;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));
    private Vertx vertx;
    private TicketflowServer server;
    private Retention retention = Retention.DEFAULTS;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        try {
            if (server != null) {
                server.close().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void timelineEntriesOlderThanThirtyDaysArePrunedAndNewerOnesKept() {
        start();
        String old = accept("7", null).eventId();
        clock.advance(DAY.multipliedBy(29));
        String recent = accept("7", null).eventId();
        clock.advance(DAY.multipliedBy(2));

        Pruned pruned = server.retention().pruneNow().await();

        assertThat(pruned.timelineEntries()).isEqualTo(1);
        assertThat(timeline("7")).extracting(TimelineEntry::eventId).containsExactly(recent).doesNotContain(old);
    }

    @Test
    void theTimelineRetentionIsConfigurable() {
        retention = Retention.DEFAULTS.withTimeline(Duration.ofHours(12));
        start();
        accept("7", null);
        clock.advance(Duration.ofHours(13));

        assertThat(server.retention().pruneNow().await().timelineEntries()).isEqualTo(1);
        assertThat(timeline("7")).isEmpty();
    }

    @Test
    void aRedeliveryWithinTheWindowIsRecognisedAfterARestart() {
        start();
        String first = accept("7", "delivery-1").eventId();
        server.close().await();
        clock.advance(DAY.multipliedBy(6));
        start();

        assertThat(server.retention().pruneNow().await().deliveryIds()).isZero();
        Accepted again = accept("7", "delivery-1");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.eventId()).isEqualTo(first);
    }

    @Test
    void deliveryIdsOlderThanTheWindowAreForgotten() {
        start();
        String first = accept("7", "delivery-1").eventId();
        accept("8", "delivery-2");
        clock.advance(DAY.multipliedBy(7).plusSeconds(1));
        accept("9", "delivery-3");

        assertThat(server.retention().pruneNow().await().deliveryIds()).isEqualTo(2);
        Accepted again = accept("7", "delivery-1");
        Accepted recent = accept("9", "delivery-3");

        assertThat(again.duplicate()).isFalse();
        assertThat(again.eventId()).isNotEqualTo(first);
        assertThat(recent.duplicate()).isTrue();
    }

    private void start() {
        TicketflowConfig config = TicketflowConfig.defaults(base)
                .withHttpPort(0)
                .withHttpHost("127.0.0.1")
                .withRetention(retention);
        server = TicketflowServer.start(vertx, config, clock).await();
    }

    private Accepted accept(String ticketId, String deliveryId) {
        return server.intake().accept(TicketEvent.of("ticket.created", "test:desk", Ticket.withId(ticketId)),
                deliveryId).await();
    }

    private List<TimelineEntry> timeline(String ticketId) {
        return server.timeline().read(null, ticketId, 0, 100).await().entries();
    }
}
