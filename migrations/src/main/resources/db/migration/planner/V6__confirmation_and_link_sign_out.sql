-- Nobody can aim wellplan at a stranger's inbox: an enrollment waits for its client's confirmation (the one
-- e-mail it sends until then), and expires unconfirmed. Plans made before this existed count as confirmed.
ALTER TABLE planner.plan ADD COLUMN confirmation text NOT NULL DEFAULT 'CONFIRMED'
    CHECK (confirmation IN ('PENDING', 'CONFIRMED', 'EXPIRED'));
CREATE INDEX plan_pending_idx ON planner.plan (created_at) WHERE confirmation = 'PENDING';

-- The address as wellplan compares it (EmailAddresses.normalize): limits per address and fresh links by
-- e-mail look clients up by it.
ALTER TABLE planner.client ADD COLUMN email_key text;
UPDATE planner.client SET email_key = lower(trim(email));
ALTER TABLE planner.client ALTER COLUMN email_key SET NOT NULL;
CREATE INDEX client_email_key_idx ON planner.client (email_key);

-- "Sign out everywhere": the client's links issued before this instant are refused.
ALTER TABLE planner.client ADD COLUMN links_not_before timestamptz;

-- What the rate limits count (enrollments per address and per client address, fresh-link requests): the key is
-- a hash, so the table holds no address; rows older than the longest window are deleted as new ones come.
CREATE TABLE planner.rate_event (
    kind  text        NOT NULL,
    key   text        NOT NULL,
    at    timestamptz NOT NULL
);
CREATE INDEX rate_event_idx ON planner.rate_event (kind, key, at);
