package dev.ticketflow.platform.retention;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * The inbound delivery ids the event log remembers to recognise redeliveries, as far as
 * retention is concerned. The SQLite implementation is {@code SqliteInboundDeliveryIds}.
 */
public interface InboundDeliveryIds {

    /**
     * Forgets delivery ids received before a time; a redelivery of one is then a new event.
     *
     * @param cutoff ids received before this go
     * @return how many were forgotten
     */
    Future<Long> pruneReceivedBefore(Instant cutoff);
}
