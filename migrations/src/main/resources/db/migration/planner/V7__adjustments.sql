-- Coach adjustments. A revision made by an adjustment keeps the operations as the coach sent them (the API's
-- JSON) and the rules the coach set aside (each with where and why, beside the revision's reason); other kinds of
-- revision leave both null. Every revision from now on also keeps the plan's coach at that version (null: the pool;
-- unknown for revisions made before this) and whether the client was told. The history shows them, with what
-- changed, computed from consecutive revisions' bodies.
ALTER TABLE planner.plan_revision ADD COLUMN operations jsonb;
ALTER TABLE planner.plan_revision ADD COLUMN overrides jsonb;
ALTER TABLE planner.plan_revision ADD COLUMN coach_id text;
ALTER TABLE planner.plan_revision ADD COLUMN silent boolean;

-- An adjustment's Idempotency-Key remembers its first answer, which a retry gets again (an enrollment's retry
-- answers with its plan as it stands, so enrollments leave this null). The key is claimed first in the
-- adjustment's transaction, as an enrollment's is, so a concurrent twin waits for the first and then repeats it.
ALTER TABLE planner.idempotency_key ADD COLUMN result text;
