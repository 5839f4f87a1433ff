-- Addresses that asked for no more e-mail, whichever plan brings them back. email_preference is keyed by the
-- client id of one plan, so a client who enrolls again (a new client id) would be mailed again; this list is
-- keyed by the address itself, normalized as wellplan compares addresses (EmailAddresses.normalize: trimmed,
-- lower-cased), and the dispatcher checks it for every plan before it sends anything but the see-a-doctor
-- notice. Written by the one-click unsubscribe and the "all e-mail off" switch of the preferences page; only that
-- switch turned back on, from a link sent to the same inbox, removes an address.
--
-- The address itself is stored, not a hash of it: a keyed hash would tie every unsubscribe to a key whose loss
-- or rotation would silently mail everyone who asked us to stop; an unkeyed one is undone by anyone who can
-- guess the address; and plan_state.snapshot holds the same addresses in clear already. It is personal data:
-- it is compared, never logged.

CREATE TABLE notifier.email_suppression (
    address        text        PRIMARY KEY,
    changed_by     text        NOT NULL,
    suppressed_at  timestamptz NOT NULL,
    CONSTRAINT email_suppression_changed_by_check CHECK (changed_by IN ('unsubscribe', 'preferences-page'))
);

-- An unsubscribe link names a client, not an address: the client id of each applied snapshot, kept by
-- PostgreSQL beside it, finds the addresses of that client's plans.
ALTER TABLE notifier.plan_state
    ADD COLUMN client_id uuid GENERATED ALWAYS AS (CAST(snapshot -> 'plan' -> 'client' ->> 'id' AS uuid)) STORED;

CREATE INDEX plan_state_client_idx ON notifier.plan_state (client_id);
