"""The embedded SQLite store: one file, WAL, migrations, FTS5 full-text search.

Every write happens inside :meth:`SQLiteStore.transaction`, and the runner wraps each
input's articles and analyses in one transaction, so a run killed at any moment (even with
``kill -9``) leaves the database consistent, and the next run picks up where it stopped.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, cast

import numpy as np

from parallax.errors import StoreError
from parallax.model import Article, bytes_id
from parallax.record import ArticleRecord
from parallax.store.base import count_rows, utc_now, vector_blob, vector_rows
from parallax.store.sqlite_queries import SQLiteQueries

_MIGRATION = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """The packaged migrations as ``(version, sql)``, in order."""
    folder = resources.files("parallax.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore(SQLiteQueries):
    """The default store: a single SQLite file."""

    def __init__(self, path: Path | str) -> None:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date.

        Raises:
            StoreError: the file is not a database, is locked, or is from a newer Parallax.
        """
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(
                str(path), timeout=30.0, isolation_level=None, check_same_thread=False
            )
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except StoreError:
            self.db.close()
            raise
        except sqlite3.DatabaseError as exc:
            if hasattr(self, "db"):
                self.db.close()
            raise StoreError(
                f"cannot open the database {self.path}: {exc}; if it is not a Parallax "
                "database, choose another file with --db"
            ) from None
        self._depth = 0

    @property
    def schema_version(self) -> int:
        """The schema version the database is at."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        known = migrations()
        latest = known[-1][0] if known else 0
        if current > latest:
            raise StoreError(
                f"the database {self.path} has schema version {current}, newer than this "
                f"Parallax knows ({latest}); upgrade Parallax"
            )
        for version, sql in known:
            if version <= current:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(sql):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the enclosed writes atomically (nested calls join the outer transaction)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    # -- inputs and articles -------------------------------------------------------------

    def processed(self, source: str, raw_hash: str, pipeline: str) -> list[str] | None:
        """The article ids an input gave when it was last fully processed, or None."""
        row = self.db.execute(
            "SELECT article_ids FROM processed_inputs WHERE source=? AND raw_hash=? AND pipeline=?",
            (source, raw_hash, pipeline),
        ).fetchone()
        return None if row is None else list(json.loads(row[0]))

    def mark_processed(
        self, source: str, raw_hash: str, pipeline: str, article_ids: list[str]
    ) -> None:
        """Record that an input was fully processed."""
        self.db.execute(
            "INSERT OR REPLACE INTO processed_inputs VALUES (?, ?, ?, ?)",
            (source, raw_hash, pipeline, json.dumps(article_ids)),
        )

    def first_source(self, article_id: str) -> str | None:
        """The source an article was first stored from, or None."""
        row = self.db.execute("SELECT source FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def put_article(self, article: Article, minhash: bytes | None, bands: list[int]) -> bool:
        """Store an article with its raw input; False when it was already stored."""
        raw_id = None
        with self.transaction():
            # Checked inside the write transaction, so two processes storing the same
            # text cannot both insert it.
            if self.first_source(article.id) is not None:
                return False
            if article.raw:
                raw_id = bytes_id(article.raw)
                self.db.execute(
                    "INSERT OR IGNORE INTO raw_inputs VALUES (?, ?, ?)",
                    (raw_id, zlib.compress(article.raw, 6), len(article.raw)),
                )
            self.db.execute(
                "INSERT INTO articles (id, title, outlet, author, date, url, language, format, "
                "source, text, raw_id, meta, minhash, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.title,
                    article.outlet,
                    article.author,
                    article.date.isoformat() if article.date else None,
                    article.url,
                    article.language,
                    article.format,
                    article.source,
                    article.text,
                    raw_id,
                    json.dumps(article.meta, ensure_ascii=False, default=str),
                    minhash,
                    utc_now(),
                ),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
                [(band, bucket, article.id) for band, bucket in enumerate(bands)],
            )
            self.add_source(article.id, article.source)
        return True

    def add_source(self, article_id: str, source: str) -> None:
        """Record another source the same article was read from."""
        self.db.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article_id, source))

    def band_candidates(self, bands: list[int]) -> set[str]:
        """Articles sharing at least one MinHash band bucket with ``bands``."""
        found: set[str] = set()
        for band, bucket in enumerate(bands):
            rows = self.db.execute(
                "SELECT article_id FROM minhash_bands WHERE band=? AND bucket=?", (band, bucket)
            )
            found.update(str(row[0]) for row in rows)
        return found

    def minhashes(self, article_ids: set[str]) -> dict[str, bytes]:
        """The MinHash signatures of the given articles."""
        result: dict[str, bytes] = {}
        for article_id in article_ids:
            row = self.db.execute(
                "SELECT minhash FROM articles WHERE id=?", (article_id,)
            ).fetchone()
            if row is not None and row[0] is not None:
                result[article_id] = bytes(row[0])
        return result

    def raw_input(self, article_id: str) -> bytes | None:
        """The raw bytes an article was read from, for re-extraction after an upgrade."""
        row = self.db.execute(
            "SELECT r.data FROM articles a JOIN raw_inputs r ON r.id = a.raw_id WHERE a.id=?",
            (article_id,),
        ).fetchone()
        return None if row is None else zlib.decompress(row[0])

    def _article(self, row: sqlite3.Row) -> Article:
        return Article(
            text=row["text"],
            source=row["source"],
            title=row["title"],
            outlet=row["outlet"],
            author=row["author"],
            date=date.fromisoformat(row["date"]) if row["date"] else None,
            url=row["url"],
            language=row["language"],
            format=row["format"],
            meta=json.loads(row["meta"]),
        )

    def get_article(self, article_id: str) -> Article | None:
        """An article by id or unique id prefix (at least 4 characters), or None."""
        if len(article_id) < 4 or not re.fullmatch(r"[0-9a-f]+", article_id):
            return None
        rows = self.db.execute(
            "SELECT * FROM articles WHERE id >= ? AND id < ? LIMIT 2",
            (article_id, article_id + "g"),
        ).fetchall()
        return self._article(rows[0]) if len(rows) == 1 else None

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest first."""
        cursor = self.db.execute("SELECT * FROM articles ORDER BY rowid")
        while rows := cursor.fetchmany(256):
            for row in rows:
                yield self._article(row)

    def sources(self, article_id: str) -> list[str]:
        """Every source the article was read from."""
        rows = self.db.execute(
            "SELECT source FROM article_sources WHERE article_id=? ORDER BY source", (article_id,)
        )
        return [str(row[0]) for row in rows]

    # -- analyses ------------------------------------------------------------------------

    def put_analysis(
        self,
        article_id: str,
        pipeline: str,
        status: str,
        reason: str | None,
        data: ArticleRecord,
        sentences: list[tuple[str, str, int, int]],
    ) -> None:
        """Store an analysis and replace the article's searchable sentences.

        The replaced analysis's sentence and lead vectors are deleted first: they describe
        its sentences and lead, not the new ones (the runner then stores the new vectors).
        """
        with self.transaction():
            for table in ("sentence_vectors", "lead_vectors"):
                self.db.execute(
                    f"DELETE FROM {table} WHERE article_id=? AND pipeline=?",
                    (article_id, pipeline),
                )
            self.db.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    pipeline,
                    status,
                    reason,
                    json.dumps(data, ensure_ascii=False, default=str),
                    utc_now(),
                ),
            )
            self.db.execute("DELETE FROM sentences WHERE article_id=?", (article_id,))
            self.db.executemany(
                'INSERT INTO sentences (article_id, idx, sentence_id, text, start, "end") '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (article_id, i, sid, text, start, end)
                    for i, (sid, text, start, end) in enumerate(sentences)
                ],
            )

    def put_sentence_vectors(self, article_id: str, pipeline: str, vectors: np.ndarray) -> None:
        """Replace the sentence vectors of a stored analysis (row ``i`` for sentence ``i``).

        Raises:
            ValueError: ``vectors`` is not a 2-D array.
            sqlite3.IntegrityError: the analysis is not stored.
        """
        rows = vector_rows(vectors)
        with self.transaction():
            self.db.execute(
                "DELETE FROM sentence_vectors WHERE article_id=? AND pipeline=?",
                (article_id, pipeline),
            )
            self.db.executemany(
                "INSERT INTO sentence_vectors VALUES (?, ?, ?, ?)",
                [(article_id, pipeline, i, row) for i, row in enumerate(rows)],
            )

    def put_lead_vector(
        self, article_id: str, pipeline: str, digest: str, vector: np.ndarray
    ) -> None:
        """Replace the lead vector of a stored analysis (``digest``: of the text encoded).

        Raises:
            ValueError: ``vector`` is not a 1-D array.
            sqlite3.IntegrityError: the analysis is not stored.
        """
        blob = vector_blob(vector)
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO lead_vectors VALUES (?, ?, ?, ?)",
                (article_id, pipeline, digest, blob),
            )

    def get_lead_vector(self, article_id: str, pipeline: str) -> tuple[str, bytes] | None:
        """The stored lead vector of an analysis as (digest, raw float32 bytes), or None."""
        row = self.db.execute(
            "SELECT digest, vector FROM lead_vectors WHERE article_id=? AND pipeline=?",
            (article_id, pipeline),
        ).fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def get_sentence_vectors(self, article_id: str, pipeline: str) -> dict[int, bytes]:
        """The stored sentence vectors of an analysis, by sentence index (raw float32 bytes)."""
        rows = self.db.execute(
            "SELECT idx, vector FROM sentence_vectors WHERE article_id=? AND pipeline=?",
            (article_id, pipeline),
        )
        return {int(row[0]): bytes(row[1]) for row in rows}

    def get_analysis(self, article_id: str, pipeline: str) -> ArticleRecord | None:
        """The stored analysis of an article by a pipeline version, or None."""
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id=? AND pipeline=?", (article_id, pipeline)
        ).fetchone()
        return None if row is None else cast(ArticleRecord, json.loads(row[0]))

    def latest_analysis(self, article_id: str) -> ArticleRecord | None:
        """The most recent analysis of an article, whatever the pipeline version."""
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id=? ORDER BY created_at DESC, rowid DESC "
            "LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else cast(ArticleRecord, json.loads(row[0]))

    # -- stories (read by the web UI; written by parallax.usecases.stories) ------------

    def stories(self) -> list[dict[str, Any]]:
        """Every stored story: id, label, first and last date, size; largest first."""
        rows = self.db.execute(
            "SELECT id, label, first_date, last_date, size FROM stories "
            "ORDER BY size DESC, last_date DESC, id"
        )
        return [dict(row) for row in rows]

    def story_articles(self, story_id: str) -> list[str]:
        """The ids of a story's articles, in the order they joined it."""
        rows = self.db.execute(
            "SELECT article_id FROM story_articles WHERE story_id=? ORDER BY position",
            (story_id,),
        )
        return [str(row[0]) for row in rows]

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, or None when it was never clustered."""
        row = self.db.execute(
            "SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def story_features(self) -> Iterator[tuple[str, str, int | None, bytes, list[str]]]:
        """Every clustered article as ``(article_id, story_id, day, vector, terms)``, in order."""
        cursor = self.db.execute(
            "SELECT article_id, story_id, day, vector, terms FROM story_articles ORDER BY position"
        )
        while rows := cursor.fetchmany(1024):
            for row in rows:
                yield str(row[0]), str(row[1]), row[2], bytes(row[3]), list(json.loads(row[4]))

    def unclustered_articles(self) -> list[str]:
        """Ids of analysed articles in no story yet, earliest first (undated ones last)."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM analyses x WHERE "
            "x.article_id = a.id AND x.status = 'analysed') AND NOT EXISTS (SELECT 1 FROM "
            "story_articles s WHERE s.article_id = a.id) ORDER BY a.date IS NULL, a.date, a.id"
        )
        return [str(row[0]) for row in rows]

    def put_story_article(
        self,
        article_id: str,
        story_id: str,
        day: int | None,
        vector: bytes,
        terms: list[str],
        story: dict[str, Any],
    ) -> None:
        """File a clustered article under its story and update the story's summary row."""
        with self.transaction():
            now = utc_now()
            self.db.execute(
                "INSERT INTO stories (id, label, first_date, last_date, size, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "label=COALESCE(stories.label, excluded.label), first_date=excluded.first_date, "
                "last_date=excluded.last_date, updated_at=excluded.updated_at",
                (story_id, story.get("label"), story.get("first_date"), story.get("last_date"),
                 now, now),
            )  # fmt: skip
            position = self.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
            self.db.execute(
                "INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, story_id, position, day, vector, json.dumps(terms)),
            )
            self.db.execute(
                "UPDATE stories SET size=(SELECT count(*) FROM story_articles WHERE story_id=?) "
                "WHERE id=?",
                (story_id, story_id),
            )

    def counts(self) -> dict[str, int]:
        """How many rows the main tables hold."""
        return count_rows(self.db.execute)

    def integrity_ok(self) -> bool:
        """Whether SQLite's integrity check and the FTS indexes' checks pass."""
        ok = bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        for table in ("articles_fts", "sentences_fts"):
            try:
                self.db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError:
                ok = False
        return ok

    def close(self) -> None:
        """Close the connection."""
        self.db.close()


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") and not current:
            continue
        current.append(line)
        joined = "\n".join(current).strip()
        if sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements
