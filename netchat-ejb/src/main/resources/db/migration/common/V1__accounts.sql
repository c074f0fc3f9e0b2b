-- Accounts and sign-in sessions. Portable SQL: the same file runs on H2 and PostgreSQL.

CREATE TABLE users (
    id                  VARCHAR(36)                 NOT NULL PRIMARY KEY,
    -- Stored lowercase; the unique index makes "Ann" and "ann" the same name.
    username            VARCHAR(32)                 NOT NULL,
    full_name           VARCHAR(100)                NOT NULL,
    password_hash       VARCHAR(60)                 NOT NULL,
    phone_number        VARCHAR(16),
    avatar_url          VARCHAR(2048),
    role                VARCHAR(16)                 NOT NULL,
    disabled            BOOLEAN                     DEFAULT FALSE NOT NULL,
    sms_notifications   VARCHAR(16)                 DEFAULT 'mentions' NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_active_at      TIMESTAMP(6) WITH TIME ZONE,
    version             BIGINT                      DEFAULT 0 NOT NULL
);
CREATE UNIQUE INDEX users_username_uq ON users (username);

-- One row per issued refresh token. Only a SHA-256 of the token is kept. A login starts a family; every
-- refresh spends its token and adds the next one to the same family, so reuse of a spent token is detected
-- and ends the whole family (the login it belonged to).
CREATE TABLE refresh_tokens (
    id              VARCHAR(36)                 NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)                 NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id       VARCHAR(36)                 NOT NULL,
    token_hash      VARCHAR(64)                 NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    spent_at        TIMESTAMP(6) WITH TIME ZONE,
    revoked_at      TIMESTAMP(6) WITH TIME ZONE,
    client_address  VARCHAR(64)
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_user_ix ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_ix ON refresh_tokens (family_id);
