-- Parallax store, schema 1 (PostgreSQL): the same tables and columns as the SQLite schema
-- 0001, with PostgreSQL types and tsvector columns in place of SQLite's FTS5 tables.

CREATE TABLE raw_inputs (
    id          TEXT PRIMARY KEY,          -- hash of the bytes
    data        BYTEA NOT NULL,            -- zlib-compressed bytes as read
    size        BIGINT NOT NULL
);

CREATE TABLE articles (
    seq         BIGSERIAL UNIQUE,          -- insertion order (SQLite's rowid)
    id          TEXT PRIMARY KEY,          -- hash of the normalised text
    title       TEXT,
    outlet      TEXT,
    author      TEXT,
    date        TEXT,                      -- ISO 8601 date or NULL
    url         TEXT,
    language    TEXT NOT NULL,
    format      TEXT NOT NULL,
    source      TEXT NOT NULL,             -- where it was first read from
    text        TEXT NOT NULL,
    raw_id      TEXT REFERENCES raw_inputs(id),
    meta        TEXT NOT NULL DEFAULT '{}',
    minhash     BYTEA,
    created_at  TEXT NOT NULL,
    search      TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', left(text, 500000)), 'B')
    ) STORED
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE article_sources (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    source      TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
);
CREATE INDEX article_sources_source ON article_sources(source);

CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    bucket      BIGINT NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
);

CREATE TABLE analyses (
    seq         BIGSERIAL,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    pipeline    TEXT NOT NULL,             -- Pipeline.version that produced it
    status      TEXT NOT NULL,             -- analysed | not_analysed
    reason      TEXT,
    data        TEXT NOT NULL,             -- JSON: the article part of the report
    created_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, pipeline)
);

CREATE TABLE sentences (
    seq         BIGSERIAL PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    sentence_id TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    search      TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    UNIQUE (article_id, idx)
);
CREATE INDEX sentences_search ON sentences USING GIN (search);

CREATE TABLE processed_inputs (
    source      TEXT NOT NULL,
    raw_hash    TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- '' for ingest-only runs
    article_ids TEXT NOT NULL,             -- JSON list of the articles it gave
    PRIMARY KEY (source, raw_hash, pipeline)
);

CREATE TABLE runs (
    id          BIGSERIAL PRIMARY KEY,
    command     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    summary     TEXT
);

CREATE TABLE run_items (
    seq         BIGSERIAL PRIMARY KEY,     -- insertion order (SQLite's rowid)
    run_id      BIGINT NOT NULL REFERENCES runs(id),
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,             -- stored | unchanged | duplicate | skipped | failed
    reason      TEXT,
    article_id  TEXT
);
CREATE INDEX run_items_run ON run_items(run_id);
