-- Parallax store, schema 2: stories (articles clustered by parallax.comparison.stories).
-- Each clustered article keeps its story features (day, lead embedding, terms) so new
-- articles join the stored stories without re-encoding or re-clustering the corpus.

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,          -- "story-" + the id of its first article
    label       TEXT,
    first_date  TEXT,
    last_date   TEXT,
    size        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE story_articles (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    story_id    TEXT NOT NULL REFERENCES stories(id),
    position    INTEGER NOT NULL,          -- order in which articles joined the index
    day         INTEGER,                   -- publication date as a day number, or NULL
    vector      BLOB NOT NULL,             -- float32 lead embedding
    terms       TEXT NOT NULL              -- JSON list of story terms
);
CREATE INDEX story_articles_story ON story_articles(story_id);
