-- Pins and saved messages (issue 19, point 5).
-- A pin is shared by the conversation's members: who pinned the message and when, on the message itself (a
-- message is pinned once or not at all). Deleting a message unpins it. The index serves the header's pinned list.
ALTER TABLE messages ADD COLUMN pinned_by VARCHAR(36);
ALTER TABLE messages ADD COLUMN pinned_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX messages_pinned ON messages (channel_id, pinned_at);

-- A saved message is one person's bookmark ("save for later"), seen by nobody else. Listed newest saved first.
CREATE TABLE saved_messages (
    user_id     VARCHAR(36)                 NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message_id  VARCHAR(36)                 NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    saved_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, message_id)
);
CREATE INDEX saved_messages_by_time ON saved_messages (user_id, saved_at);
