package dev.ticketflow.platform.sqlite;

import dev.ticketflow.platform.retention.InboundDeliveryIds;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Prunes the event log's {@code inbound_deliveries} table, in chunks to keep write locks short. */
public final class SqliteInboundDeliveryIds implements InboundDeliveryIds {

    // small chunks: the event log's writer waits for each one
    private static final int CHUNK = 1_000;
    private static final String PRUNE = "DELETE FROM inbound_deliveries WHERE delivery_id IN"
            + " (SELECT delivery_id FROM inbound_deliveries WHERE received_at < ? LIMIT " + CHUNK + ")";

    private final SqliteWorker worker;

    public SqliteInboundDeliveryIds(SqliteWorker worker) {
        this.worker = worker;
    }

    @Override
    public Future<Long> pruneReceivedBefore(Instant cutoff) {
        return worker.run(connection -> {
            long deleted = 0;
            int chunk;
            do {
                chunk = worker.inTransaction(connection, c -> {
                    try (PreparedStatement delete = c.prepareStatement(PRUNE)) {
                        delete.setLong(1, cutoff.toEpochMilli());
                        return delete.executeUpdate();
                    }
                });
                deleted += chunk;
            } while (chunk == CHUNK);
            return deleted;
        });
    }
}
