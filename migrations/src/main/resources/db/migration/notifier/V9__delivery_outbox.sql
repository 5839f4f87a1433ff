-- The delivery outbox: what the notifier tells the planner about its e-mails (docs/events.md, "Delivery events").
-- A reminder that fails for good (every SMTP attempt used up) writes one row here, in the transaction of the very
-- statement that marks it FAILED: a trigger on the ledger, so whichever code path gives up on a reminder, its
-- event cannot be forgotten (no dual write). The delivery outbox relay publishes the rows to delivery-events and
-- sets published_at once the broker acknowledged them. Rows name the reminder, never the address nor the content.

CREATE TABLE notifier.delivery_outbox (
    event_id     uuid PRIMARY KEY,
    seq          bigserial   NOT NULL UNIQUE,
    plan_id      uuid        NOT NULL,
    reminder_id  text        NOT NULL,
    kind         text        NOT NULL,
    outcome      text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz,
    -- one event per reminder and outcome, however often its row is written FAILED
    CONSTRAINT delivery_outbox_once UNIQUE (reminder_id, outcome)
);

-- The relay only ever looks for what is still to be published, oldest first.
CREATE INDEX delivery_outbox_pending_idx ON notifier.delivery_outbox (seq) WHERE published_at IS NULL;

-- occurred_at is the ledger's updated_at: the time (of the notifier's clock) the dispatcher gave up.
CREATE FUNCTION notifier.record_delivery_failed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notifier.delivery_outbox (event_id, plan_id, reminder_id, kind, outcome, occurred_at)
    VALUES (gen_random_uuid(), NEW.plan_id, NEW.id, NEW.kind, 'FAILED', NEW.updated_at)
    ON CONFLICT (reminder_id, outcome) DO NOTHING;
    RETURN NULL;
END
$$;

-- Only the transition into FAILED writes: a FAILED row updated again (a note, a renamed id) writes nothing.
CREATE TRIGGER reminder_failed_for_good
    AFTER UPDATE ON notifier.reminder
    FOR EACH ROW
    WHEN (NEW.status = 'FAILED' AND OLD.status IS DISTINCT FROM 'FAILED')
    EXECUTE FUNCTION notifier.record_delivery_failed();
