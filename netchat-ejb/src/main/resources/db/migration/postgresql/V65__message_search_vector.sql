-- Search ranks matches by relevance (ts_rank_cd), which needs each match's tsvector: computing it from the text
-- for every candidate row at query time costs more than the index lookup itself. A stored generated column keeps
-- it once per write; the GIN index moves to that column. (Upgrading rewrites the messages table once.)
ALTER TABLE messages ADD COLUMN text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED;
CREATE INDEX messages_text_tsv_ix ON messages USING GIN (text_tsv);
DROP INDEX messages_text_fts_ix;
