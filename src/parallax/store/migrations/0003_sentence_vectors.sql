-- Parallax store, schema 3: the sentence vectors and the lead vector of each analysis.
-- The pipeline's embed step gives every sentence a unit vector, and the article's lead
-- (parallax.comparison.terms.lead: title and first 600 characters, which story clustering
-- compares) one more; keeping them lets a comparison read them instead of running the
-- encoder again on every request. One row per sentence (idx as in the analysis's
-- sentences), so a damaged vector costs one sentence. Rows go with their analysis:
-- put_analysis clears them, and deleting the analysis row deletes them.

CREATE TABLE sentence_vectors (
    article_id  TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- the analysis (Pipeline.version) they belong to
    idx         INTEGER NOT NULL,          -- position of the sentence in the analysis
    vector      BLOB NOT NULL,             -- little-endian float32, 384 values (1,536 bytes)
    PRIMARY KEY (article_id, pipeline, idx),
    FOREIGN KEY (article_id, pipeline) REFERENCES analyses(article_id, pipeline)
        ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE lead_vectors (
    article_id  TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- the analysis (Pipeline.version) it belongs to
    digest      TEXT NOT NULL,             -- SHA-256 (hex) of the lead text that was encoded
    vector      BLOB NOT NULL,             -- little-endian float32, 384 values (1,536 bytes)
    PRIMARY KEY (article_id, pipeline),
    FOREIGN KEY (article_id, pipeline) REFERENCES analyses(article_id, pipeline)
        ON DELETE CASCADE
) WITHOUT ROWID;
