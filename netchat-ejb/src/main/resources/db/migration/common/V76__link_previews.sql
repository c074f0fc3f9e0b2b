-- Link previews (issue 19, point 5).
-- messages.link_preview: FALSE when the author said no preview (when posting, or by removing it); none is fetched again.
-- messages.preview_*: the card shown under the message, a copy taken when it was fetched (all NULL: none). The
-- image URL is the picture's address on the other host; clients only ever get NetChat's own path to a re-encoded copy.
ALTER TABLE messages ADD COLUMN link_preview BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE messages ADD COLUMN preview_url VARCHAR(2048);
ALTER TABLE messages ADD COLUMN preview_title VARCHAR(300);
ALTER TABLE messages ADD COLUMN preview_description VARCHAR(1000);
ALTER TABLE messages ADD COLUMN preview_site_name VARCHAR(200);
ALTER TABLE messages ADD COLUMN preview_image_url VARCHAR(2048);

-- What fetching a URL gave, shared by every node of a cluster, so that a link posted in many channels (or on many
-- nodes) is fetched once per expiry. found = FALSE remembers a failure (refused, too slow, too big, no title) for
-- a shorter while. Rows past expires_at are ignored and removed.
CREATE TABLE link_previews (
    -- SHA-256 of the URL in hex: URLs are too long for a portable primary key.
    url_key     VARCHAR(64)                 NOT NULL PRIMARY KEY,
    url         VARCHAR(2048)               NOT NULL,
    found       BOOLEAN                     NOT NULL,
    title       VARCHAR(300),
    description VARCHAR(1000),
    site_name   VARCHAR(200),
    image_url   VARCHAR(2048),
    fetched_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX link_previews_expires_ix ON link_previews (expires_at);
