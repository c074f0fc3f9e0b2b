-- Full-text search over message text (language-neutral 'simple' configuration: chats mix languages).
CREATE INDEX messages_text_fts_ix ON messages USING GIN (to_tsvector('simple', text));
