-- Ticketflow event log, schema version 1.
-- Times are Unix epoch milliseconds (UTC); in the sqlite3 shell,
-- datetime(accepted_at / 1000, 'unixepoch') shows them readably.

-- Every accepted event, in acceptance order. AUTOINCREMENT keeps seq from ever being
-- reused, so that per-plugin delivery cursors can point at it.
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    source      TEXT,
    ticket_id   TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL,
    accepted_at INTEGER NOT NULL,
    body        TEXT    NOT NULL
);

-- Inbound delivery ids (webhook-id, vendor delivery ids) and the event each one produced,
-- so that a redelivery, even after a restart, answers the first event's id.
CREATE TABLE inbound_deliveries (
    delivery_id TEXT    NOT NULL PRIMARY KEY,
    event_id    TEXT    NOT NULL,
    received_at INTEGER NOT NULL
) WITHOUT ROWID;
