-- The notifier's own schema. processed_event is the idempotency log of consumed plan events;
-- plan_state is the newest plan snapshot applied per plan (its version guards against
-- replays and reordering); reminder is the reminder ledger: one row per deterministic
-- reminder key, claimed in batches by due time and marked SENT once, never twice.

CREATE TABLE notifier.processed_event (
    event_id      uuid PRIMARY KEY,
    plan_id       uuid        NOT NULL,
    plan_version  bigint      NOT NULL,
    outcome       text        NOT NULL,
    processed_at  timestamptz NOT NULL
);

CREATE TABLE notifier.plan_state (
    plan_id     uuid PRIMARY KEY,
    version     bigint      NOT NULL,
    status      text        NOT NULL,
    snapshot    jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE notifier.reminder (
    id              text PRIMARY KEY,
    plan_id         uuid        NOT NULL,
    item_id         text,
    kind            text        NOT NULL,
    due_at          timestamptz NOT NULL,
    local_time      timestamp   NOT NULL,
    time_zone       text        NOT NULL,
    plan_version    bigint      NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    claimed_by      text,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    message_id      text,
    last_error      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT reminder_status_check
        CHECK (status IN ('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED', 'FAILED', 'SKIPPED'))
);

-- The dispatcher claims what is due, oldest first; only SCHEDULED rows are ever scanned.
CREATE INDEX reminder_due_idx ON notifier.reminder (due_at) WHERE status = 'SCHEDULED';
CREATE INDEX reminder_plan_idx ON notifier.reminder (plan_id);
