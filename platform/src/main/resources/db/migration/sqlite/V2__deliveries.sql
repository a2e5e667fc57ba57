-- Ticketflow schema version 2: durable deliveries of events to plugins.
-- Times are Unix epoch milliseconds (UTC), as in version 1.

-- NULL: the event goes to every plugin subscribed to its type. A plugin id: the event is for
-- that plugin only (a timer it set fired), so replays to "all plugins" skip the others.
ALTER TABLE events ADD COLUMN audience TEXT;

-- Replays select events by the time they were accepted.
CREATE INDEX events_by_accepted_at ON events (accepted_at);

-- One row per event and subscribed plugin, created in the same transaction as the event (or
-- by a replay, or by retrying a dead letter). AUTOINCREMENT keeps ids growing even after old
-- rows are pruned: the dispatcher reads each plugin's open rows in id order, after the last
-- id it holds.
--   state: pending   — not attempted yet, or being attempted
--          retrying  — failed, next attempt at next_attempt_at
--          succeeded — the plugin handled it
--          dead      — the last attempt failed (a dead letter until retried_by is set)
--   attempts:     attempts made by this row
--   attempt_base: attempts made for the same event and plugin by earlier rows (a replay or a
--                 retried dead letter continues their count; the handler sees base + n)
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    plugin_id       TEXT    NOT NULL,
    event_seq       INTEGER NOT NULL REFERENCES events (seq),
    ticket_id       TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'retrying', 'succeeded', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    attempt_base    INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    replay          INTEGER NOT NULL DEFAULT 0,
    retried_by      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- What the dispatcher still has to deliver, per plugin in id order (small: settled rows leave it).
CREATE INDEX deliveries_open ON deliveries (plugin_id, id) WHERE state IN ('pending', 'retrying');

-- Dead letters not retried yet, per plugin.
CREATE INDEX deliveries_dead ON deliveries (plugin_id, id) WHERE state = 'dead' AND retried_by IS NULL;

-- Earlier deliveries of an event (replays count their attempts; a fired timer is recorded once).
CREATE INDEX deliveries_by_event ON deliveries (event_seq, plugin_id);

-- The admin API lists a ticket's deliveries.
CREATE INDEX deliveries_by_ticket ON deliveries (ticket_id, id);
