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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema of a SQLite database up to date. The version lives in SQLite's own
 * {@code PRAGMA user_version}, and each step is a numbered SQL script on the class path applied
 * in one transaction together with the version bump, so a crash mid-migration leaves the
 * previous version intact. Flyway would do the same with a megabyte of dependencies and a
 * history table; for a handful of embedded scripts the pragma is enough, and the Flyway-style
 * names ({@code V<n>__<what>.sql}) keep the door open for it where a server database needs it.
 *
 * <p>The version of a script is the number in its name, not its place in the list: versions
 * must increase but may leave gaps, so that features developed side by side can each claim a
 * number and the list is merged by adding lines.
 *
 * <p>The event log's database ({@code ticketflow.db}) has its scripts under
 * {@code /db/migration/sqlite/}; other databases of the platform pass their own location and list.
 */
public final class SqliteMigrations {

    private static final String LOCATION = "/db/migration/sqlite/";

    /** The scripts in increasing version order; each brings the schema to the version in its name. */
    private static final List<String> SCRIPTS = List.of(
            "V1__events_and_inbound_deliveries.sql",
            "V2__deliveries.sql",
            "V3__timers.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    private SqliteMigrations() {}

    /** The schema version of the event log's database this code writes and reads. */
    static int latestVersion() {
        return latestVersion(SCRIPTS);
    }

    private static int latestVersion(List<String> scripts) {
        return versionOf(scripts.get(scripts.size() - 1));
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
        return migrate(connection, LOCATION, SCRIPTS);
    }

    /**
     * Applies every script newer than the database's version.
     *
     * @param connection a connection in auto-commit mode
     * @param location the class-path folder of the scripts, e.g. {@code /db/migration/sqlite/}
     * @param scripts their names ({@code V<n>__<what>.sql}), in increasing version order
     * @return the schema version afterwards
     * @throws SQLException when a script fails (its transaction is rolled back), or the database
     *     was written by a newer Ticketflow
     */
    public static int migrate(Connection connection, String location, List<String> scripts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int current = userVersion(statement);
            int latest = latestVersion(scripts);
            if (current > latest) {
                throw new SQLException("the database has schema version " + current
                        + " but this Ticketflow knows versions up to " + latest
                        + "; run the Ticketflow version that wrote it, or restore a backup");
            }
            int previous = 0;
            for (String name : scripts) {
                int version = versionOf(name);
                if (version <= previous) {
                    throw new IllegalStateException("migration " + name + " is listed after version " + previous
                            + "; list the scripts in increasing version order");
                }
                previous = version;
                if (version > current) {
                    apply(statement, location, name, version);
                }
            }
            return userVersion(statement);
        }
    }

    private static void apply(Statement statement, String location, String name, int version)
            throws SQLException {
        String sql = script(location, name);
        statement.executeUpdate("BEGIN IMMEDIATE");
        try {
            statement.executeUpdate(sql);
            // the pragma takes no bind parameters; version is an int we computed
            statement.executeUpdate("PRAGMA user_version = " + version);
            statement.executeUpdate("COMMIT");
        } catch (SQLException e) {
            statement.executeUpdate("ROLLBACK");
            throw new SQLException("schema migration " + name + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static int userVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static int versionOf(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("migration " + name + " is not named V<version>__<what>.sql");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String script(String location, String name) {
        try (InputStream in = SqliteMigrations.class.getResourceAsStream(location + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + location + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
