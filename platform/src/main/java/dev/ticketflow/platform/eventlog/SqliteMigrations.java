package dev.ticketflow.platform.eventlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings the schema of a SQLite database up to date. The version lives in SQLite's own
 * {@code PRAGMA user_version}, and each step is a numbered SQL script on the class path applied
 * in one transaction together with the version bump, so a crash mid-migration leaves the
 * previous version intact. Flyway would do the same with a megabyte of dependencies and a
 * history table; for a handful of embedded scripts the pragma is enough, and the Flyway-style
 * names ({@code V<n>__<what>.sql}) keep the door open for it where a server database needs it.
 */
final class SqliteMigrations {

    private static final String LOCATION = "/db/migration/sqlite/";

    /** The scripts in order; script {@code i} (0-based) brings the schema to version {@code i + 1}. */
    private static final List<String> SCRIPTS = List.of(
            "V1__events_and_inbound_deliveries.sql",
            "V2__deliveries.sql");

    private SqliteMigrations() {}

    /** The schema version this code writes and reads. */
    static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Applies every script newer than the database's version.
     *
     * @param connection a connection in auto-commit mode
     * @return the schema version afterwards
     * @throws SQLException when a script fails (its transaction is rolled back), or the database
     *     was written by a newer Ticketflow
     */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int current = userVersion(statement);
            if (current > latestVersion()) {
                throw new SQLException("the database has schema version " + current
                        + " but this Ticketflow knows versions up to " + latestVersion()
                        + "; run the Ticketflow version that wrote it, or restore a backup");
            }
            for (int version = current + 1; version <= latestVersion(); version++) {
                apply(statement, version, script(version));
            }
            return userVersion(statement);
        }
    }

    private static void apply(Statement statement, int version, String sql) throws SQLException {
        statement.executeUpdate("BEGIN IMMEDIATE");
        try {
            statement.executeUpdate(sql);
            // the pragma takes no bind parameters; version is an int we computed
            statement.executeUpdate("PRAGMA user_version = " + version);
            statement.executeUpdate("COMMIT");
        } catch (SQLException e) {
            statement.executeUpdate("ROLLBACK");
            throw new SQLException("schema migration " + SCRIPTS.get(version - 1) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String script(int version) {
        String name = SCRIPTS.get(version - 1);
        if (!name.startsWith("V" + version + "__")) {
            throw new IllegalStateException("migration " + name + " is listed as version " + version);
        }
        try (InputStream in = SqliteMigrations.class.getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + LOCATION + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
