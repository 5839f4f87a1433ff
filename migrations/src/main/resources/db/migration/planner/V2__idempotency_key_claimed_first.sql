-- An enrollment with an Idempotency-Key claims the key before it writes its plan, in the same transaction:
-- a concurrent request with the same key then waits on the key's index entry and, once the first commits,
-- finds its plan instead of creating a second one. The key names a plan id that exists only by the end of the
-- transaction, so the reference is checked at commit.
ALTER TABLE planner.idempotency_key
    ALTER CONSTRAINT idempotency_key_plan_id_fkey DEFERRABLE INITIALLY DEFERRED;
