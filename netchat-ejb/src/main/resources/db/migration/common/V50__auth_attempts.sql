-- Sign-in failures and sign-ups, kept in the database so that every node of a cluster counts the same
-- attempts (five failures spread over two nodes are five). Rows older than the longest window are purged.
CREATE TABLE auth_attempts (
    id              VARCHAR(36)                 NOT NULL PRIMARY KEY,
    -- 'login-failure' or 'signup'
    kind            VARCHAR(16)                 NOT NULL,
    username        VARCHAR(64),
    client_address  VARCHAR(64)                 NOT NULL,
    attempted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX auth_attempts_user_ix ON auth_attempts (kind, username, attempted_at);
CREATE INDEX auth_attempts_address_ix ON auth_attempts (kind, client_address, attempted_at);
CREATE INDEX auth_attempts_time_ix ON auth_attempts (attempted_at);
