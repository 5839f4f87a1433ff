-- Who may read a plan's reminders, and who did.
--
-- plan_state.coach_id is the coach the applied snapshot assigns the plan to (null: the clinic's unassigned
-- pool), kept by PostgreSQL beside the snapshot it comes from, so the access rules read one column per request
-- instead of the whole snapshot. A snapshot from before coachId existed has none: the plan is in the pool.
ALTER TABLE notifier.plan_state
    ADD COLUMN coach_id text GENERATED ALWAYS AS (snapshot -> 'plan' ->> 'coachId') STORED;

-- Every read of a plan's reminders by a coach or admin: who, when, what (the route, never its data), which
-- plan, from which address, and how it was answered. The same shape as planner.audit, in the notifier's own
-- schema. Append-only: the trigger refuses every UPDATE, DELETE and TRUNCATE, whoever the database user is.
CREATE TABLE notifier.audit (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    text        NOT NULL,
    actor_role  text        NOT NULL,
    action      text        NOT NULL,
    plan_id     uuid,
    address     text,
    status      integer     NOT NULL
);

CREATE INDEX audit_plan_idx ON notifier.audit (plan_id, at);

CREATE FUNCTION notifier.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'notifier.audit is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON notifier.audit
    FOR EACH STATEMENT EXECUTE FUNCTION notifier.audit_is_append_only();
