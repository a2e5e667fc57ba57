-- Ticketflow schema version 3: durable timers, and an index for pruning inbound delivery ids.
-- Needs nothing of version 2 (durable deliveries), so it applies on top of either. Times are
-- Unix epoch milliseconds (UTC). The ticket timeline has a database of its own, timeline.db
-- (see db/migration/sqlite-timeline/), so that its many small writes never wait for, nor hold
-- up, the event log's.

-- One row per pending timer of a plugin's schedule() port. Scheduling the same key again
-- replaces the row; the row is deleted once its event was handed to delivery. event_id is
-- assigned when the timer is scheduled, so a timer that fires twice (a crash between
-- handing over and deleting) delivers the same event id twice.
CREATE TABLE timers (
    plugin_id    TEXT    NOT NULL,
    timer_key    TEXT    NOT NULL,
    due_at       INTEGER NOT NULL,
    event_id     TEXT    NOT NULL,
    source       TEXT    NOT NULL DEFAULT '',
    ticket_id    TEXT    NOT NULL,
    event        TEXT    NOT NULL,
    scheduled_at INTEGER NOT NULL,
    PRIMARY KEY (plugin_id, timer_key)
) WITHOUT ROWID;

CREATE INDEX timers_by_due_time ON timers (due_at);

-- Retention prunes delivery ids by age (retention.deliveryIds).
CREATE INDEX inbound_deliveries_by_time ON inbound_deliveries (received_at);
