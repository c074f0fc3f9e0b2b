-- Messages that came from Stream keep Stream's id, here: NetChat's own id is a UUID, Stream's is whatever the
-- Stream-side client chose. Edits, deletes and thread replies made in NetChat are sent to Stream under this id,
-- and Stream's webhooks naming it find the NetChat message. Written only by the (signed) Stream webhook.
CREATE TABLE stream_message_link (
    message_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    stream_id  VARCHAR(64) NOT NULL UNIQUE
);
