-- A custom status (issue 19, point 6): an emoji and a short text others see on the profile card and in the people
-- directory, cleared at status_expires_at when one was chosen (NULL: kept until changed).
ALTER TABLE users ADD COLUMN status_emoji VARCHAR(32);
ALTER TABLE users ADD COLUMN status_text VARCHAR(100);
ALTER TABLE users ADD COLUMN status_expires_at TIMESTAMP(6) WITH TIME ZONE;
