-- What each applied plan version changed, written by the reconcile that applies it (same transaction):
-- the client's "your plan changed" e-mail says what moved where, what changed and why, and its calendar withdraws
-- every entry an earlier version listed that the plan no longer has, even when the version that removed it was a
-- silent one or its e-mail goes out after a newer version arrived. Only the items travel here, never the client's
-- name or address: the applied snapshot (plan_state) is the one place those live, so an expiry that blanks it
-- leaves nothing personal behind.

CREATE TABLE notifier.plan_change (
    plan_id       uuid        NOT NULL,
    version       bigint      NOT NULL,
    cause         text        NOT NULL,
    reason        text,
    silent        boolean     NOT NULL,
    status_before text,
    status_after  text        NOT NULL,
    items_before  jsonb,
    items_after   jsonb       NOT NULL,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (plan_id, version)
);
