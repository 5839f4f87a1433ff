-- Coaches and admins: who may sign in, with what role. Passwords are bcrypt hashes (modular crypt format,
-- $2a$...), checked by the planner's identity provider; a disabled account cannot sign in. login is what a
-- person types to sign in: the normalized e-mail address for accounts made through the admin API, or a
-- short name for the local stack's seeded accounts.

CREATE TABLE planner.account (
    id              uuid PRIMARY KEY,
    login           text        NOT NULL UNIQUE,
    email           text        NOT NULL UNIQUE,
    name            text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('coach', 'admin')),
    password_hash   text        NOT NULL,
    disabled        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    last_sign_in_at timestamptz
);

-- Failed sign-ins, by a hash of the login tried (known or not, so that throttling tells no one which logins
-- exist). Enough of them in the window and the login is throttled on every planner instance; a success
-- clears them.
CREATE TABLE planner.sign_in_failure (
    login_key  text        NOT NULL,
    failed_at  timestamptz NOT NULL
);

CREATE INDEX sign_in_failure_key_idx ON planner.sign_in_failure (login_key, failed_at);
