-- Parallax store, schema 3 (PostgreSQL): sentence and lead vectors, as in the SQLite
-- migration 0003.

CREATE TABLE sentence_vectors (
    article_id  TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- the analysis (Pipeline.version) they belong to
    idx         INTEGER NOT NULL,          -- position of the sentence in the analysis
    vector      BYTEA NOT NULL,            -- little-endian float32, 384 values (1,536 bytes)
    PRIMARY KEY (article_id, pipeline, idx),
    FOREIGN KEY (article_id, pipeline) REFERENCES analyses(article_id, pipeline)
        ON DELETE CASCADE
);

CREATE TABLE lead_vectors (
    article_id  TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- the analysis (Pipeline.version) it belongs to
    digest      TEXT NOT NULL,             -- SHA-256 (hex) of the lead text that was encoded
    vector      BYTEA NOT NULL,            -- little-endian float32, 384 values (1,536 bytes)
    PRIMARY KEY (article_id, pipeline),
    FOREIGN KEY (article_id, pipeline) REFERENCES analyses(article_id, pipeline)
        ON DELETE CASCADE
);
