package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.gitlab.state.IssueLinks;
import dev.ticketflow.plugins.gitlab.state.Once;
import dev.ticketflow.plugins.gitlab.state.TicketKey;
import dev.ticketflow.testkit.fakes.InMemoryStore;
import dev.ticketflow.testkit.fakes.RecordingLog;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IssueLinksTest {

    @Test
    void ticketsLinkedAtOnceAllGetASlotAndLinkingAgainChangesNothing() throws Exception {
        IssueLinks links = new IssueLinks(new InMemoryStore());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TicketKey ticket = new TicketKey("zendesk:acme", "t" + i, null);
            Thread thread = new Thread(() -> links.link(42, 7, ticket).await());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        links.link(42, 7, new TicketKey("zendesk:acme", "t3", null)).await();

        assertThat(links.ticketsOf(42, 7).await()).extracting(TicketKey::ticketId)
                .containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
        assertThat(links.ticketsOf(42, 8).await()).isEmpty();
    }

    @Test
    void onceRunsAnEffectOnceAndAgainOnlyAfterItFailed() {
        Once once = new Once(new InMemoryStore(), new RecordingLog());
        AtomicInteger runs = new AtomicInteger();

        assertThat(once.run("k", () -> Future.failedFuture("down")).otherwise(false).await()).isFalse();
        assertThat(once.run("k", () -> Future.succeededFuture(runs.incrementAndGet())).await()).isTrue();
        assertThat(once.run("k", () -> Future.succeededFuture(runs.incrementAndGet())).await()).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anEffectLeftPendingIsSkippedUnlessItsResultCanBeCheckedRemotely() {
        InMemoryStore store = new InMemoryStore();
        Once once = new Once(store, new RecordingLog());
        store.put("k", "pending").await();
        AtomicInteger runs = new AtomicInteger();

        assertThat(once.run("k", () -> Future.succeededFuture(runs.incrementAndGet())).await()).isFalse();
        assertThat(once.run("k", () -> Future.succeededFuture(runs.incrementAndGet()), () -> Future.succeededFuture(false)).await()).isTrue();
        assertThat(runs).hasValue(1);
    }
}
