-- Which dispatcher instances are alive. Each notifier renews its row every few seconds (database time);
-- a SENDING claim whose instance has not been seen for wellplan.dispatch.stale-claim goes back to the
-- queue, so a batch that is slow to send keeps its claims for as long as its notifier lives.
CREATE TABLE notifier.dispatcher (
    instance   text        PRIMARY KEY,
    started_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);

-- Before every run the dispatcher puts back abandoned claims; this index holds only the rows in flight,
-- so that is not a scan of the whole ledger.
CREATE INDEX reminder_claimed_idx ON notifier.reminder (claimed_by) WHERE status = 'SENDING';
