-- Ticketflow timeline database (timeline.db), schema version 1. A file of its own beside
-- ticketflow.db: the timeline takes several rows per event, and in the same file its writes
-- would compete with the event log's group commit for SQLite's single write lock. Times are
-- Unix epoch milliseconds (UTC).

-- What happened to a ticket and why: accepted events, delivery outcomes and port actions
-- (help-desk calls, mail, emits, timers), each with its outcome. source is '' when the
-- event named none. AUTOINCREMENT keeps seq increasing even after pruning emptied the
-- table, so a client's paging cursor never points at a reused number.
CREATE TABLE timeline (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    source    TEXT    NOT NULL DEFAULT '',
    ticket_id TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    plugin_id TEXT,
    event_id  TEXT,
    outcome   TEXT    NOT NULL,
    summary   TEXT    NOT NULL,
    error     TEXT,
    detail    TEXT
);

CREATE INDEX timeline_by_ticket ON timeline (ticket_id, seq);
CREATE INDEX timeline_by_time ON timeline (at);
