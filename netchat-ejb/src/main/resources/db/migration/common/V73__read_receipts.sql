-- Read receipts in direct and group conversations (issue 19, point 7).
-- users.read_receipts: whether the user lets others see how far they have read (on unless turned off).
-- channel_members.seen_seq: the furthest the member has ever read. Unlike last_read_seq it never moves back:
-- "mark as unread" is a reminder to oneself and does not take back what others were told one has seen.
ALTER TABLE users ADD COLUMN read_receipts BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE channel_members ADD COLUMN seen_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE channel_members SET seen_seq = last_read_seq;
