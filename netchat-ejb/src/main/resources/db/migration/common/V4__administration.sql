-- Administration: one-time passwords and the audit log.

-- After an admin reset, the user signs in with a one-time password and must choose a new one first.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

-- Every admin action (console or web) and every security event, newest first by occurred_at.
CREATE TABLE audit_log (
    id              VARCHAR(36)                 NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Who: a user id and name, or NULL for anonymous callers and the system.
    actor_id        VARCHAR(36),
    actor_name      VARCHAR(100),
    action          VARCHAR(48)                 NOT NULL,
    -- On whom: the affected user, when there is one (kept as text: the user may be deleted later).
    target_id       VARCHAR(36),
    target_name     VARCHAR(100),
    detail          VARCHAR(500),
    -- From where: web, console, or the client address of a web request.
    source          VARCHAR(16)                 NOT NULL,
    client_address  VARCHAR(64)
);
CREATE INDEX audit_log_occurred_ix ON audit_log (occurred_at);
