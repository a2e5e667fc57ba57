package dev.ticketflow.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.json.EventJson;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SqliteEventLogTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentAppendsAreAllCommittedInFewerTransactionsThanAppends(Vertx vertx) throws Exception {
        SqliteEventLog log = await(SqliteEventLog.open(vertx, dataDir, Clock.systemUTC()));
        int callers = 6;
        int perCaller = 100;
        AtomicInteger answeredElsewhere = new AtomicInteger();
        List<Future<List<Accepted>>> all = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Context context = vertx.getOrCreateContext();
            Promise<List<Accepted>> done = Promise.promise();
            context.runOnContext(v -> {
                List<Future<Accepted>> appends = new ArrayList<>();
                for (int i = 0; i < perCaller; i++) {
                    appends.add(log.append(event("evt_" + caller + "_" + i, "t" + i), "d_" + caller + "_" + i)
                            .onComplete(r -> {
                                if (Vertx.currentContext() != context) {
                                    answeredElsewhere.incrementAndGet();
                                }
                            }));
                }
                Future.all(appends).map(cf -> cf.<Accepted>list()).onComplete(done);
            });
            all.add(done.future());
        }

        List<Accepted> answers = new ArrayList<>();
        for (Future<List<Accepted>> f : all) {
            answers.addAll(await(f));
        }

        assertThat(answers).hasSize(callers * perCaller).noneMatch(Accepted::duplicate);
        assertThat(answeredElsewhere).hasValue(0);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(callers * perCaller);
        assertThat(count("SELECT count(*) FROM inbound_deliveries")).isEqualTo(callers * perCaller);
        assertThat(log.commits()).isPositive().isLessThan(callers * perCaller);
        await(log.close());
    }

    @Test
    void eventsAndDeliveryIdsSurviveAReopen(Vertx vertx) throws Exception {
        EventLog first = await(SqliteEventLog.open(vertx, dataDir));
        TicketEvent original = event("evt_original", "42");
        assertThat(await(first.append(original, "msg_1"))).isEqualTo(new Accepted("evt_original", false));
        await(first.close());

        EventLog reopened = await(SqliteEventLog.open(vertx, dataDir));
        assertThat(await(reopened.append(event("evt_redelivered", "42"), "msg_1")))
                .isEqualTo(new Accepted("evt_original", true));
        assertThat(await(reopened.append(original, null))).isEqualTo(new Accepted("evt_original", true));
        await(reopened.close());

        assertThat(count("SELECT count(*) FROM events")).isEqualTo(1);
        assertThat(EventJson.fromBytes(text("SELECT body FROM events").getBytes())).isEqualTo(original);
        assertThat(text("SELECT ticket_id || ' ' || type || ' ' || source FROM events"))
                .isEqualTo("42 ticket.created test");
    }

    @Test
    void aDeliveryIdRepeatedInOneBatchAnswersTheFirstEvent(Vertx vertx) throws Exception {
        EventLog log = await(SqliteEventLog.open(vertx, dataDir));
        Future<Accepted> first = log.append(event("evt_a", "1"), "same");
        Future<Accepted> second = log.append(event("evt_b", "1"), "same");

        assertThat(await(first)).isEqualTo(new Accepted("evt_a", false));
        assertThat(await(second)).isEqualTo(new Accepted("evt_a", true));
        await(log.close());
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(1);
    }

    @Test
    void closeCommitsTheAppendsQueuedBeforeIt(Vertx vertx) throws Exception {
        EventLog log = await(SqliteEventLog.open(vertx, dataDir));
        List<Future<Accepted>> appends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            appends.add(log.append(event("evt_" + i, "1"), null));
        }
        Future<Void> closed = log.close();

        await(closed);
        assertThat(appends).allMatch(Future::succeeded);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(300);
    }

    @Test
    void anAppendAfterCloseFailsWithoutWriting(Vertx vertx) throws Exception {
        EventLog log = await(SqliteEventLog.open(vertx, dataDir));
        await(log.close());

        Future<Accepted> late = log.append(event("evt_late", "1"), "late");

        assertThatThrownBy(() -> await(late))
                .isInstanceOf(EventLogUnavailableException.class)
                .hasMessageContaining("closed");
        assertThat(await(log.close())).as("closing twice is harmless").isNull();
        assertThat(count("SELECT count(*) FROM events")).isZero();
    }

    @Test
    void opensInAMissingFolderWithAVersionedWalSchema(Vertx vertx) throws Exception {
        Path nested = dataDir.resolve("not/there/yet");
        EventLog log = await(SqliteEventLog.open(vertx, nested));
        await(log.close());

        Path file = nested.resolve(SqliteEventLog.FILE_NAME);
        assertThat(file).exists();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement()) {
            assertThat(value(s, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteMigrations.latestVersion()));
            assertThat(value(s, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerSchema(Vertx vertx) throws Exception {
        Files.createDirectories(dataDir);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEventLog.FILE_NAME));
                Statement s = db.createStatement()) {
            s.executeUpdate("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> await(SqliteEventLog.open(vertx, dataDir)))
                .isInstanceOf(EventLogUnavailableException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void refusesAnEventWithoutIdOrTicketId(Vertx vertx) throws Exception {
        EventLog log = await(SqliteEventLog.open(vertx, dataDir));

        assertThatThrownBy(() -> await(log.append(TicketEvent.of("ticket.created", "test", Ticket.withId("1")), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(log.append(event("evt_1", null), null)))
                .isInstanceOf(IllegalArgumentException.class);
        await(log.close());
        assertThat(count("SELECT count(*) FROM events")).isZero();
    }

    static TicketEvent event(String id, String ticketId) {
        return TicketEvent.of("ticket.created", "test", Ticket.withId(ticketId))
                .withIdAndTime(id, Instant.parse("2025-01-02T03:04:05Z"));
    }

    private int count(String sql) throws SQLException {
        return Integer.parseInt(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEventLog.FILE_NAME));
                Statement s = db.createStatement()) {
            return value(s, sql);
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 30 s", e);
        }
    }
}
