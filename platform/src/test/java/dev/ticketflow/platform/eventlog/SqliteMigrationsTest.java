package dev.ticketflow.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseGetsEveryTableAndTheLatestVersion() throws Exception {
        try (Connection connection = open()) {
            assertThat(SqliteMigrations.migrate(connection)).isEqualTo(SqliteMigrations.latestVersion());
            assertThat(tables(connection)).contains("events", "inbound_deliveries", "timers").doesNotContain("timeline");
        }
    }

    @Test
    void versionsMayLeaveGapsSoAVersionOneDatabaseIsBroughtUpToDate() throws Exception {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, source TEXT, ticket_id TEXT NOT NULL,"
                    + " occurred_at INTEGER NOT NULL, accepted_at INTEGER NOT NULL, body TEXT NOT NULL)");
            statement.executeUpdate("CREATE TABLE inbound_deliveries (delivery_id TEXT PRIMARY KEY,"
                    + " event_id TEXT NOT NULL, received_at INTEGER NOT NULL) WITHOUT ROWID");
            statement.executeUpdate("PRAGMA user_version = 1");

            int version = SqliteMigrations.migrate(connection);

            assertThat(version).isEqualTo(SqliteMigrations.latestVersion()).isGreaterThanOrEqualTo(3);
            assertThat(tables(connection)).contains("timers", "deliveries");
        }
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        try (Connection connection = open()) {
            int first = SqliteMigrations.migrate(connection);
            assertThat(SqliteMigrations.migrate(connection)).isEqualTo(first);
        }
    }

    private Connection open() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    private static List<String> tables(Connection connection) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
