-- Parallax store, schema 1: articles with their raw inputs, analyses, runs, search.

CREATE TABLE raw_inputs (
    id          TEXT PRIMARY KEY,          -- hash of the bytes
    data        BLOB NOT NULL,             -- zlib-compressed bytes as read
    size        INTEGER NOT NULL
);

CREATE TABLE articles (
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
    minhash     BLOB,
    created_at  TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE article_sources (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    source      TEXT NOT NULL,
    PRIMARY KEY (article_id, source)
) WITHOUT ROWID;
CREATE INDEX article_sources_source ON article_sources(source);

CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    bucket      INTEGER NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

CREATE TABLE analyses (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    pipeline    TEXT NOT NULL,             -- Pipeline.version that produced it
    status      TEXT NOT NULL,             -- analysed | not_analysed
    reason      TEXT,
    data        TEXT NOT NULL,             -- JSON: the article part of the report
    created_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, pipeline)
);

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    sentence_id TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE processed_inputs (
    source      TEXT NOT NULL,
    raw_hash    TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- '' for ingest-only runs
    article_ids TEXT NOT NULL,             -- JSON list of the articles it gave
    PRIMARY KEY (source, raw_hash, pipeline)
) WITHOUT ROWID;

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    command     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    summary     TEXT
);

CREATE TABLE run_items (
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,             -- stored | unchanged | duplicate | skipped | failed
    reason      TEXT,
    article_id  TEXT
);
CREATE INDEX run_items_run ON run_items(run_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
