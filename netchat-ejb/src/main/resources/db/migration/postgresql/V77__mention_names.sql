-- The Mentions view (GET /api/mentions) and its candidates on PostgreSQL: the names a message calls on by
-- "@name", kept as a stored tsvector of exact lexemes with a GIN index, so that finding the messages that call on
-- one person (or on @channel / @here) is an index lookup instead of a LIKE over every message of the person's
-- channels. The rule mirrors dev.netchat.shared.Mentions: "@" not preceded by an ASCII word character or another
-- "@"; a name followed by "." also counts without it ("@alice." and "@alice.bob" call on alice), so each
-- dot-separated prefix is kept. The server applies the exact rule to what this finds. (Upgrading rewrites the
-- messages table once.) H2 keeps the portable LIKE query.
CREATE FUNCTION netchat_mention_names(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT lower(prefix))), ''::tsvector)
  FROM regexp_matches(body, '(?:^|[^A-Za-z0-9_@])@([A-Za-z0-9_][A-Za-z0-9._-]*)', 'g') AS m(name),
       LATERAL (SELECT array_to_string((string_to_array(m.name[1], '.'))[1:i], '.') AS prefix
                FROM generate_series(1, cardinality(string_to_array(m.name[1], '.'))) AS i) AS prefixes
$$;
ALTER TABLE messages ADD COLUMN mention_names tsvector
    GENERATED ALWAYS AS (netchat_mention_names(coalesce(text, ''))) STORED;
CREATE INDEX messages_mention_names_ix ON messages USING GIN (mention_names);
