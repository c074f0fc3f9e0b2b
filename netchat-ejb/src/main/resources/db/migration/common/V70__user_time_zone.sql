-- The other person's local time (issue 16, point 7): a user's IANA time zone id (Europe/Paris), NULL when not given.
ALTER TABLE users ADD COLUMN time_zone VARCHAR(64);
