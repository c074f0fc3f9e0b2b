-- Channels, members, messages, reactions and the per-channel event log. Portable SQL (H2 and PostgreSQL).

CREATE TABLE channels (
    id               VARCHAR(36)                 NOT NULL PRIMARY KEY,
    -- TEAM (named, public unless private) or MESSAGING (a direct or group conversation)
    type             VARCHAR(16)                 NOT NULL,
    name             VARCHAR(80),
    -- Lowercase name of a team channel; unique among team channels (NULL for conversations).
    team_name        VARCHAR(80),
    description      VARCHAR(1000),
    is_private       BOOLEAN                     DEFAULT FALSE NOT NULL,
    -- For a direct conversation: the two member ids, sorted and joined, so it exists only once.
    direct_key       VARCHAR(80),
    created_by       VARCHAR(36)                 REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- The seq of the channel's latest event; the next event takes last_seq + 1 under this row's lock.
    last_seq         BIGINT                      DEFAULT 0 NOT NULL,
    last_message_at  TIMESTAMP(6) WITH TIME ZONE,
    member_count     INTEGER                     DEFAULT 0 NOT NULL
);
CREATE UNIQUE INDEX channels_team_name_uq ON channels (team_name);
CREATE UNIQUE INDEX channels_direct_key_uq ON channels (direct_key);

CREATE TABLE channel_members (
    channel_id     VARCHAR(36)                 NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    user_id        VARCHAR(36)                 NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_read_seq  BIGINT                      DEFAULT 0 NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_members_user_ix ON channel_members (user_id);

CREATE TABLE messages (
    id                 VARCHAR(36)                 NOT NULL PRIMARY KEY,
    channel_id         VARCHAR(36)                 NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    -- The seq of the message.new event that created it.
    seq                BIGINT                      NOT NULL,
    user_id            VARCHAR(36)                 REFERENCES users (id) ON DELETE SET NULL,
    -- Up to 4000 characters (code points); the column counts UTF-16 units on some databases.
    text               VARCHAR(8000)               NOT NULL,
    parent_id          VARCHAR(36)                 REFERENCES messages (id) ON DELETE CASCADE,
    reply_count        INTEGER                     DEFAULT 0 NOT NULL,
    client_message_id  VARCHAR(64)                 NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited             BOOLEAN                     DEFAULT FALSE NOT NULL,
    deleted            BOOLEAN                     DEFAULT FALSE NOT NULL
);
CREATE UNIQUE INDEX messages_channel_seq_uq ON messages (channel_id, seq);
-- Idempotency: one message per author and client-chosen id.
CREATE UNIQUE INDEX messages_client_id_uq ON messages (user_id, client_message_id);
CREATE INDEX messages_parent_ix ON messages (parent_id);

CREATE TABLE reactions (
    message_id  VARCHAR(36)                 NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id     VARCHAR(36)                 NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        VARCHAR(32)                 NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, user_id, type)
);

-- Every channel event, numbered without gaps per channel, kept for the replay window (resume).
-- payload is the event exactly as it was sent to clients.
CREATE TABLE channel_events (
    channel_id  VARCHAR(36)                 NOT NULL,
    seq         BIGINT                      NOT NULL,
    type        VARCHAR(32)                 NOT NULL,
    payload     VARCHAR(1000000)            NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, seq)
);
CREATE INDEX channel_events_created_ix ON channel_events (created_at);
