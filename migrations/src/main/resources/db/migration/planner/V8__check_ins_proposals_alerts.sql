-- Check-ins that feed back (issue 11): what a client (or their coach, for them) answered after a session or at
-- any time, the lighter pressure proposed when soreness lasts 48 hours, and the coach's alerts. The answers are
-- health data: they stay in these tables and in no event, log or e-mail.

CREATE TABLE planner.check_in (
    id           uuid PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES planner.plan (id),
    -- the massage session checked in on; null for a report at any time (new symptoms do not wait)
    item_id      text,
    -- 24 or 48: how long after the session the answer came (AFT-2/3); null without a session
    hours_after  integer     CHECK (hours_after IN (24, 48)),
    soreness     smallint    NOT NULL CHECK (soreness BETWEEN 0 AND 10),
    pain         smallint    NOT NULL CHECK (pain BETWEEN 0 AND 10),
    red_flags    text[]      NOT NULL DEFAULT '{}',
    note         text,
    -- 'client', or the id of the coach or admin who recorded it for the client
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    CHECK ((item_id IS NULL) = (hours_after IS NULL))
);
CREATE INDEX check_in_plan_idx ON planner.check_in (plan_id, recorded_at);

-- AFT-3: the next session one pressure step lighter, until the coach accepts it (an ordinary adjustment, at the
-- plan version it made) or dismisses it.
CREATE TABLE planner.proposal (
    id           uuid PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES planner.plan (id),
    check_in_id  uuid        NOT NULL REFERENCES planner.check_in (id),
    item_id      text        NOT NULL,
    pressure     text        NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DISMISSED')),
    created_at   timestamptz NOT NULL,
    decided_at   timestamptz,
    decided_by   text,
    plan_version bigint
);
-- one open proposal per session: a second sore answer does not propose the same change twice
CREATE UNIQUE INDEX proposal_pending_idx ON planner.proposal (plan_id, item_id) WHERE status = 'PENDING';

-- The alerts the planner keeps (awaiting clearance and plans ending this week follow from the plan itself and are
-- not stored). One alert per plan, kind and subject (the check-in, session, check-in item or reminder it is
-- about), so raising it again, or a delivery event read twice, changes nothing. Cleared when handled.
CREATE TABLE planner.alert (
    id           uuid PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES planner.plan (id),
    kind         text        NOT NULL,
    subject      text        NOT NULL,
    urgent       boolean     NOT NULL DEFAULT false,
    -- a fixed word or id (a reminder kind), never a health answer
    detail       text,
    proposal_id  uuid        REFERENCES planner.proposal (id),
    raised_at    timestamptz NOT NULL,
    cleared_at   timestamptz,
    cleared_by   text,
    UNIQUE (plan_id, kind, subject)
);
CREATE INDEX alert_open_idx ON planner.alert (plan_id) WHERE cleared_at IS NULL;
