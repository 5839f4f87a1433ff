-- The planner's own schema: clients, plans (one row per plan, newest version), every
-- revision of a plan (its history), idempotency keys of enrollments, and the outbox that
-- the relay publishes to Kafka. Plan rows and outbox rows are written in one transaction.

CREATE TABLE planner.client (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    email       text        NOT NULL,
    time_zone   text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE planner.plan (
    id          uuid PRIMARY KEY,
    client_id   uuid        NOT NULL REFERENCES planner.client (id),
    version     bigint      NOT NULL CHECK (version >= 1),
    status      text        NOT NULL,
    time_zone   text        NOT NULL,
    start_date  date        NOT NULL,
    end_date    date        NOT NULL,
    assessment  jsonb       NOT NULL,
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX plan_status_idx ON planner.plan (status, start_date);
CREATE INDEX plan_client_idx ON planner.plan (client_id);

CREATE TABLE planner.plan_revision (
    plan_id     uuid        NOT NULL REFERENCES planner.plan (id),
    version     bigint      NOT NULL,
    status      text        NOT NULL,
    event_type  text        NOT NULL,
    actor       text,
    reason      text,
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE planner.idempotency_key (
    key          text PRIMARY KEY,
    request_hash text        NOT NULL,
    plan_id      uuid        NOT NULL REFERENCES planner.plan (id),
    created_at   timestamptz NOT NULL
);

CREATE TABLE planner.outbox (
    id             uuid PRIMARY KEY,
    seq            bigserial   NOT NULL UNIQUE,
    aggregate_type text        NOT NULL,
    aggregate_id   uuid        NOT NULL,
    event_type     text        NOT NULL,
    payload        text        NOT NULL,
    created_at     timestamptz NOT NULL,
    published_at   timestamptz
);

-- The relay only ever looks for what is still to be published, oldest first.
CREATE INDEX outbox_pending_idx ON planner.outbox (seq) WHERE published_at IS NULL;
