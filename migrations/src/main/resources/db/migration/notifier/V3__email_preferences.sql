-- What each client wants in their inbox, keyed by the client id of the plan snapshot. No row
-- means every e-mail is wanted. all_off is the one-click unsubscribe (RFC 8058) or the master
-- switch of the preferences page; muted_kinds holds the reminder kinds (ReminderKind names) the
-- client switched off one by one. The dispatcher reads this before every send and cancels what
-- the client no longer wants (reason 'unsubscribed').

CREATE TABLE notifier.email_preference (
    client_id    uuid PRIMARY KEY,
    all_off      boolean     NOT NULL DEFAULT false,
    muted_kinds  text[]      NOT NULL DEFAULT '{}',
    changed_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT email_preference_changed_by_check CHECK (changed_by IN ('unsubscribe', 'preferences-page'))
);
