-- A plan belongs to one coach or to the clinic's unassigned pool (coach_id null). coach_id is the coach's
-- account id, or an identity provider's subject where sign-in is delegated to one, so it is text, not a
-- reference to planner.account. The roster lists a coach's plans, or the pool, by status.
ALTER TABLE planner.plan ADD COLUMN coach_id text;

CREATE INDEX plan_coach_idx ON planner.plan (coach_id, status, start_date);
CREATE INDEX plan_pool_idx ON planner.plan (status, start_date) WHERE coach_id IS NULL;
