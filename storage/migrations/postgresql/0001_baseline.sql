-- The PostgreSQL schema: the same tables as SQLite's, with the index log numbered from
-- index_log_head (see storage/postgres_store.py) and full-text search on claims.words.
CREATE TABLE articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published_at TEXT,
    text TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE claims (
    key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    vector BYTEA NOT NULL, -- little-endian float16 (storage/vectors_at_rest.py)
    words TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX claims_by_article ON claims (article_id, position);
-- A hash index has no size limit on the key, unlike a B-tree (about 2.7 kB).
CREATE INDEX claims_by_text ON claims USING hash (text);
CREATE INDEX claims_by_words ON claims USING gin (words);
CREATE TABLE index_log (
    sequence BIGINT PRIMARY KEY,
    operation TEXT NOT NULL CHECK (operation IN ('add', 'remove')),
    claim_key BIGINT NOT NULL
);
CREATE TABLE index_log_head (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_sequence BIGINT NOT NULL DEFAULT 0,
    floor BIGINT NOT NULL DEFAULT 0,
    CHECK (floor <= last_sequence)
);
INSERT INTO index_log_head DEFAULT VALUES;
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
