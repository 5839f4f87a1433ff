-- The per-client-address limit counted per fixed window in one row, not one row per request: a busy address (a
-- clinic's front desk, or a spammer) costs one upsert per request instead of reading every request of the window.
CREATE TABLE planner.rate_window (
    kind          text        NOT NULL,
    key           text        NOT NULL,
    window_start  timestamptz NOT NULL,
    count         integer     NOT NULL,
    PRIMARY KEY (kind, key, window_start)
);
