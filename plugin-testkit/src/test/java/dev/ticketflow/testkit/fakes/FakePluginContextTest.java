package dev.ticketflow.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.MailMessage;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.testkit.TestEvents;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FakePluginContextTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    private final FakePluginContext plugin = FakePluginContext.builder("demo")
            .subscriptions(List.of("ticket.*", "demo.due")).clock(new MutableClock(START)).build();

    @Test
    void deliveredEventsReachTheMatchingHandlersInRegistrationOrderAndTheirPortCallsAreRecorded() {
        List<String> order = new CopyOnWriteArrayList<>();
        plugin.on("ticket.*", ctx -> {
            order.add("first");
            return ctx.helpDesk().addTags("seen", "vip")
                    .compose(v -> ctx.helpDesk().removeTags("vip"))
                    .compose(v -> ctx.helpDesk().addInternalNote("note"))
                    .compose(v -> ctx.helpDesk().addCc("lead@example.com"))
                    .compose(v -> ctx.helpDesk().assignGroup("Billing"));
        });
        plugin.on("ticket.*", ctx -> {
            order.add("second");
            ctx.log().info("ticket {} handled on attempt {}", ctx.event().ticketId(), ctx.attempt());
            return ctx.emit(ctx.event()).mapEmpty();
        });

        plugin.deliver(TestEvents.created("42", "Printer on fire"), 2).await();

        assertThat(order).containsExactly("first", "second");
        assertThat(plugin.helpDesks().tags("42")).containsExactly("seen");
        assertThat(plugin.helpDesks().internalNotes("42")).containsExactly("note");
        assertThat(plugin.helpDesks().ccs("42")).containsExactly("lead@example.com");
        assertThat(plugin.helpDesks().groups("42")).containsExactly("Billing");
        assertThat(plugin.helpDesks().lines()).first().isEqualTo("addTags seen,vip");
        assertThat(plugin.log().lines()).containsExactly("INFO ticket 42 handled on attempt 2");
        assertThat(plugin.emitted()).singleElement().extracting(TicketEvent::ticketId).isEqualTo("42");
        assertThat(plugin.subscribedPatterns()).containsExactly("ticket.*", "ticket.*");
    }

    @Test
    void aPatternTheDescriptorDoesNotSubscribeToIsRefused() {
        assertThatThrownBy(() -> plugin.on("feedback.classified", ctx -> Future.succeededFuture()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feedback.classified");
    }

    @Test
    void aHelpDeskCallToldToFailFailsOnceAndIsNotRecorded() {
        plugin.helpDesks().failNext("addTags", "7", 1);
        var desk = plugin.helpDesk(new TicketRef("test", "7"));

        Throwable failure = desk.addTags("a").cause();
        desk.addTags("b").await();

        assertThat(failure).isInstanceOf(PortCallException.class);
        assertThat(((PortCallException) failure).failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(plugin.helpDesks().tags("7")).containsExactly("b");
    }

    @Test
    void advancingTheClockFiresDueTimersBackThroughTheHandlers() {
        List<TicketEvent> fired = new CopyOnWriteArrayList<>();
        plugin.on("demo.due", ctx -> {
            fired.add(ctx.event());
            return Future.succeededFuture();
        });
        TicketEvent due = TestEvents.created("9", "Later").derive("demo.due", Map.of());
        plugin.scheduler().schedule("k", START.plusSeconds(3600), due).await();
        plugin.scheduler().schedule("gone", START.plusSeconds(60), due).await();
        plugin.scheduler().cancel("gone").await();

        plugin.scheduler().advance(Duration.ofMinutes(59));
        assertThat(fired).isEmpty();
        plugin.scheduler().advance(Duration.ofMinutes(1));

        assertThat(fired).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("timer-1");
            assertThat(event.occurredAt()).isEqualTo(START.plusSeconds(3600));
        });
        assertThat(plugin.scheduler().pending()).isEmpty();
    }

    @Test
    void theStoreIsAtomicAndTheMailCanRefuseAMessage() {
        assertThat(plugin.store().putIfAbsent("once", "1").await()).isTrue();
        assertThat(plugin.store().putIfAbsent("once", "2").await()).isFalse();
        assertThat(plugin.store().values()).containsExactly(Map.entry("once", "1"));

        RecordingMail mail = (RecordingMail) plugin.mail();
        mail.failNext();
        MailMessage message = MailMessage.text(List.of("a@example.com"), "Hi", "Body");
        assertThat(mail.send(message).failed()).isTrue();
        mail.send(message).await();
        assertThat(mail.sent()).containsExactly(message);
    }

    @Test
    void ingestedEventsAreDeduplicatedByDeliveryId() {
        TicketEvent event = TestEvents.created("1", "Hello");

        var first = plugin.ingest(event, "d-1").await();
        var second = plugin.ingest(event, "d-1").await();

        assertThat(second.duplicate()).isTrue();
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(plugin.ingested()).hasSize(2);
    }
}
