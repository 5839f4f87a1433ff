-- Every read of a plan's health data and every change by a coach or admin: who, when, what (the route, never
-- its data), which plan, from which address, and how it was answered. Append-only: the trigger refuses every
-- UPDATE and DELETE, whoever the database user is (the services' users, and an owner who forgot).

CREATE TABLE planner.audit (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    text        NOT NULL,
    actor_role  text        NOT NULL,
    action      text        NOT NULL,
    plan_id     uuid,
    address     text,
    status      integer     NOT NULL
);

CREATE INDEX audit_plan_idx ON planner.audit (plan_id, at);

CREATE FUNCTION planner.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'planner.audit is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON planner.audit
    FOR EACH STATEMENT EXECUTE FUNCTION planner.audit_is_append_only();
