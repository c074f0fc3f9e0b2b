-- The default public channel every new account joins (issue 16): a new team is not greeted by "No channels yet".
-- Marked by a flag, not by its name, so that an admin may rename it.
ALTER TABLE channels ADD COLUMN is_default BOOLEAN DEFAULT FALSE NOT NULL;

INSERT INTO channels (id, type, name, team_name, description, is_private, created_at, updated_at, last_seq, member_count, is_default)
SELECT '00000000-0000-0000-0000-00000000d0e1', 'TEAM', 'general', 'general', 'Everyone, on everything.', FALSE,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0, TRUE
WHERE NOT EXISTS (SELECT 1 FROM channels WHERE team_name = 'general');

-- An installation that already has a team channel named general makes that one the default.
UPDATE channels SET is_default = TRUE WHERE team_name = 'general';
