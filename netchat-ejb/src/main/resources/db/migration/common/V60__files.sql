-- Files: attachments of messages and avatar pictures. Their bytes live in file_chunks (V61), keyed by blob id:
-- the file's id for the original, "<id>.thumb" / "<id>.preview" / "<id>.<size>" for the re-encoded variants.

CREATE TABLE files (
    id            VARCHAR(36)                 NOT NULL PRIMARY KEY,
    -- ATTACHMENT or AVATAR
    kind          VARCHAR(16)                 NOT NULL,
    -- UPLOADING while its bytes arrive, READY after; an UPLOADING row left behind is removed by the cleanup.
    status        VARCHAR(16)                 NOT NULL,
    uploader_id   VARCHAR(36)                 NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The channel an attachment was uploaded to; it may only be attached to a message of that channel.
    channel_id    VARCHAR(36)                 REFERENCES channels (id) ON DELETE CASCADE,
    -- Set when the attachment is posted with a message; NULL files are cleaned up after a while.
    message_id    VARCHAR(36),
    name          VARCHAR(255)                NOT NULL,
    -- Sniffed from the bytes, never taken from the name or the client's header.
    media_type    VARCHAR(127)                NOT NULL,
    size_bytes    BIGINT                      DEFAULT 0 NOT NULL,
    -- Set for images NetChat could decode (and so re-encoded as thumbnail and preview).
    width         INTEGER,
    height        INTEGER,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX files_message_ix ON files (message_id);
CREATE INDEX files_uploader_ix ON files (uploader_id, created_at);
CREATE INDEX files_unattached_ix ON files (kind, message_id, created_at);
