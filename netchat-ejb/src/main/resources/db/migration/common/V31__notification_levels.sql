-- Notification levels (issue 16): per user (desktop level, do-not-disturb until a time) and per channel
-- membership (a level that overrides the user's own, NULL = follow the user's; mute). The same levels decide SMS.
ALTER TABLE users ADD COLUMN desktop_notifications VARCHAR(16) DEFAULT 'MENTIONS' NOT NULL;
ALTER TABLE users ADD COLUMN dnd_until TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE channel_members ADD COLUMN notify_level VARCHAR(16);
ALTER TABLE channel_members ADD COLUMN muted BOOLEAN DEFAULT FALSE NOT NULL;
