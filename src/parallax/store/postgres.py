"""The PostgreSQL store, for shared deployments: the same interface and schema as SQLite.

Several processes (Ray workers, a server and a CLI run) may write at once. Every write that
could race is a single statement with ``ON CONFLICT``, so two writers storing the same
article can neither both insert it nor fail; schema migrations take an advisory lock so only
one process applies them. Full-text search uses generated ``tsvector`` columns with GIN
indexes in place of SQLite's FTS5 tables.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from typing import Any, cast

import numpy as np

from parallax.errors import ConfigError, StoreError
from parallax.model import Article, bytes_id
from parallax.record import ArticleRecord
from parallax.store.base import (
    count_rows,
    utc_now,
    vector_blob,
    vector_rows,
)
from parallax.store.postgres_queries import PostgresQueries, strip_nul

_MIGRATION = re.compile(r"^(\d{4})_[\w-]+\.sql$")
_MIGRATION_LOCK = 7_316_455_001
"""Advisory lock key held while migrating, so concurrent openers apply each step once."""

URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> bool:
    """Whether a ``--db`` value names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


def migrations() -> list[tuple[int, str]]:
    """The packaged PostgreSQL migrations as ``(version, sql)``, in order."""
    folder = resources.files("parallax.store") / "migrations" / "postgres"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class PostgresStore(PostgresQueries):
    """A store in a PostgreSQL database (``postgresql://user:password@host:port/dbname``)."""

    def __init__(self, url: str) -> None:
        """Connect and bring the schema up to date.

        Raises:
            ConfigError: the psycopg package is missing.
            StoreError: the server cannot be reached or the schema is newer than this code.
        """
        try:
            import psycopg
        except ImportError:
            raise ConfigError(
                "PostgreSQL needs the psycopg package: pip install 'parallax-news[postgres]'"
            ) from None
        self.url = url
        self.path = _redact(url)
        try:
            self.db: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.path}: {str(exc).strip()}; check that "
                "the server runs (scripts/postgres.sh start) and the URL is right"
            ) from None
        self._depth = 0
        self._migrate()

    @property
    def schema_version(self) -> int:
        """The schema version the database is at (0 for an empty database)."""
        row = self.db.execute("SELECT to_regclass('parallax_schema')").fetchone()
        if row[0] is None:
            return 0
        row = self.db.execute("SELECT max(version) FROM parallax_schema").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        known = migrations()
        latest = known[-1][0] if known else 0
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self.db.execute("CREATE TABLE IF NOT EXISTS parallax_schema (version INTEGER)")
            current = self.schema_version
            if current > latest:
                raise StoreError(
                    f"the database {self.path} has schema version {current}, newer than this "
                    f"Parallax knows ({latest}); upgrade Parallax"
                )
            for version, sql in known:
                if version > current:
                    self.db.execute(sql)
                    self.db.execute("INSERT INTO parallax_schema VALUES (%s)", (version,))

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
        self._depth = 1
        try:
            with self.db.transaction():
                yield
        finally:
            self._depth = 0

    # -- inputs and articles -------------------------------------------------------------

    def processed(self, source: str, raw_hash: str, pipeline: str) -> list[str] | None:
        """The article ids an input gave when it was last fully processed, or None."""
        row = self.db.execute(
            "SELECT article_ids FROM processed_inputs "
            "WHERE source=%s AND raw_hash=%s AND pipeline=%s",
            (source, raw_hash, pipeline),
        ).fetchone()
        return None if row is None else list(json.loads(row[0]))

    def mark_processed(
        self, source: str, raw_hash: str, pipeline: str, article_ids: list[str]
    ) -> None:
        """Record that an input was fully processed."""
        self.db.execute(
            "INSERT INTO processed_inputs VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (source, raw_hash, pipeline) DO UPDATE SET article_ids = "
            "EXCLUDED.article_ids",
            (source, raw_hash, pipeline, json.dumps(article_ids)),
        )

    def first_source(self, article_id: str) -> str | None:
        """The source an article was first stored from, or None."""
        row = self.db.execute("SELECT source FROM articles WHERE id=%s", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def put_article(self, article: Article, minhash: bytes | None, bands: list[int]) -> bool:
        """Store an article with its raw input; False when it was already stored."""
        with self.transaction():
            raw_id = None
            if article.raw:
                raw_id = bytes_id(article.raw)
                self.db.execute(
                    "INSERT INTO raw_inputs VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    (raw_id, zlib.compress(article.raw, 6), len(article.raw)),
                )
            inserted = self.db.execute(
                "INSERT INTO articles (id, title, outlet, author, date, url, language, format, "
                "source, text, raw_id, meta, minhash, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING RETURNING id",
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
                    strip_nul(article.text),
                    raw_id,
                    json.dumps(article.meta, ensure_ascii=False, default=str),
                    minhash,
                    utc_now(),
                ),
            ).fetchone()
            if inserted is None:
                return False
            with self.db.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO minhash_bands VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    [(band, bucket, article.id) for band, bucket in enumerate(bands)],
                )
            self.add_source(article.id, article.source)
        return True

    def add_source(self, article_id: str, source: str) -> None:
        """Record another source the same article was read from."""
        self.db.execute(
            "INSERT INTO article_sources VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (article_id, source),
        )

    def band_candidates(self, bands: list[int]) -> set[str]:
        """Articles sharing at least one MinHash band bucket with ``bands``."""
        if not bands:
            return set()
        rows = self.db.execute(
            "SELECT DISTINCT m.article_id FROM minhash_bands m "
            "JOIN unnest(%s::int[], %s::bigint[]) AS b(band, bucket) "
            "ON m.band = b.band AND m.bucket = b.bucket",
            (list(range(len(bands))), bands),
        )
        return {str(row[0]) for row in rows}

    def minhashes(self, article_ids: set[str]) -> dict[str, bytes]:
        """The MinHash signatures of the given articles."""
        if not article_ids:
            return {}
        rows = self.db.execute(
            "SELECT id, minhash FROM articles WHERE id = ANY(%s) AND minhash IS NOT NULL",
            (sorted(article_ids),),
        )
        return {str(row[0]): bytes(row[1]) for row in rows}

    def raw_input(self, article_id: str) -> bytes | None:
        """The raw bytes an article was read from, for re-extraction after an upgrade."""
        row = self.db.execute(
            "SELECT r.data FROM articles a JOIN raw_inputs r ON r.id = a.raw_id WHERE a.id=%s",
            (article_id,),
        ).fetchone()
        return None if row is None else zlib.decompress(row[0])

    _ARTICLE_COLUMNS = "text, source, title, outlet, author, date, url, language, format, meta"

    @staticmethod
    def _article(row: tuple[Any, ...]) -> Article:
        text, source, title, outlet, author, day, url, language, fmt, meta = row
        return Article(
            text=text,
            source=source,
            title=title,
            outlet=outlet,
            author=author,
            date=date.fromisoformat(day) if day else None,
            url=url,
            language=language,
            format=fmt,
            meta=json.loads(meta),
        )

    def get_article(self, article_id: str) -> Article | None:
        """An article by id or unique id prefix (at least 4 characters), or None."""
        if len(article_id) < 4 or not re.fullmatch(r"[0-9a-f]+", article_id):
            return None
        rows = self.db.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id >= %s AND id < %s LIMIT 2",
            (article_id, article_id + "g"),
        ).fetchall()
        return self._article(rows[0]) if len(rows) == 1 else None

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest first, fetched in pages (keyset pagination)."""
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT seq, {self._ARTICLE_COLUMNS} FROM articles WHERE seq > %s "
                "ORDER BY seq LIMIT 256",
                (last,),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                last = row[0]
                yield self._article(row[1:])

    def sources(self, article_id: str) -> list[str]:
        """Every source the article was read from."""
        rows = self.db.execute(
            "SELECT source FROM article_sources WHERE article_id=%s ORDER BY source",
            (article_id,),
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
                    f"DELETE FROM {table} WHERE article_id=%s AND pipeline=%s",
                    (article_id, pipeline),
                )
            self.db.execute(
                "INSERT INTO analyses (article_id, pipeline, status, reason, data, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (article_id, pipeline) DO UPDATE "
                "SET status=EXCLUDED.status, reason=EXCLUDED.reason, data=EXCLUDED.data, "
                "created_at=EXCLUDED.created_at, seq=DEFAULT",
                (
                    article_id,
                    pipeline,
                    status,
                    reason,
                    strip_nul(json.dumps(data, ensure_ascii=False, default=str)),
                    utc_now(),
                ),
            )
            self.db.execute("DELETE FROM sentences WHERE article_id=%s", (article_id,))
            with self.db.cursor() as cursor:
                cursor.executemany(
                    'INSERT INTO sentences (article_id, idx, sentence_id, text, start, "end") '
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [
                        (article_id, i, sid, strip_nul(text), start, end)
                        for i, (sid, text, start, end) in enumerate(sentences)
                    ],
                )

    def put_sentence_vectors(self, article_id: str, pipeline: str, vectors: np.ndarray) -> None:
        """Replace the sentence vectors of a stored analysis (row ``i`` for sentence ``i``).

        Raises:
            ValueError: ``vectors`` is not a 2-D array.
            psycopg.errors.ForeignKeyViolation: the analysis is not stored.
        """
        rows = vector_rows(vectors)
        with self.transaction():
            self.db.execute(
                "DELETE FROM sentence_vectors WHERE article_id=%s AND pipeline=%s",
                (article_id, pipeline),
            )
            with self.db.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO sentence_vectors VALUES (%s, %s, %s, %s)",
                    [(article_id, pipeline, i, row) for i, row in enumerate(rows)],
                )

    def put_lead_vector(
        self, article_id: str, pipeline: str, digest: str, vector: np.ndarray
    ) -> None:
        """Replace the lead vector of a stored analysis (``digest``: of the text encoded).

        Raises:
            ValueError: ``vector`` is not a 1-D array.
            psycopg.errors.ForeignKeyViolation: the analysis is not stored.
        """
        blob = vector_blob(vector)
        with self.transaction():
            self.db.execute(
                "INSERT INTO lead_vectors VALUES (%s, %s, %s, %s) ON CONFLICT (article_id, "
                "pipeline) DO UPDATE SET digest=excluded.digest, vector=excluded.vector",
                (article_id, pipeline, digest, blob),
            )

    def get_lead_vector(self, article_id: str, pipeline: str) -> tuple[str, bytes] | None:
        """The stored lead vector of an analysis as (digest, raw float32 bytes), or None."""
        row = self.db.execute(
            "SELECT digest, vector FROM lead_vectors WHERE article_id=%s AND pipeline=%s",
            (article_id, pipeline),
        ).fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def get_sentence_vectors(self, article_id: str, pipeline: str) -> dict[int, bytes]:
        """The stored sentence vectors of an analysis, by sentence index (raw float32 bytes)."""
        rows = self.db.execute(
            "SELECT idx, vector FROM sentence_vectors WHERE article_id=%s AND pipeline=%s",
            (article_id, pipeline),
        )
        return {int(row[0]): bytes(row[1]) for row in rows}

    def get_analysis(self, article_id: str, pipeline: str) -> ArticleRecord | None:
        """The stored analysis of an article by a pipeline version, or None."""
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id=%s AND pipeline=%s",
            (article_id, pipeline),
        ).fetchone()
        return None if row is None else cast(ArticleRecord, json.loads(row[0]))

    def latest_analysis(self, article_id: str) -> ArticleRecord | None:
        """The most recent analysis of an article, whatever the pipeline version."""
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id=%s ORDER BY created_at DESC, seq DESC "
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
        keys = ("id", "label", "first_date", "last_date", "size")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def story_articles(self, story_id: str) -> list[str]:
        """The ids of a story's articles, in the order they joined it."""
        rows = self.db.execute(
            "SELECT article_id FROM story_articles WHERE story_id=%s ORDER BY position",
            (story_id,),
        )
        return [str(row[0]) for row in rows]

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, or None when it was never clustered."""
        row = self.db.execute(
            "SELECT story_id FROM story_articles WHERE article_id=%s", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def story_features(self) -> Iterator[tuple[str, str, int | None, bytes, list[str]]]:
        """Every clustered article as ``(article_id, story_id, day, vector, terms)``, in order."""
        last = -1
        while True:
            rows = self.db.execute(
                "SELECT article_id, story_id, day, vector, terms, position FROM story_articles "
                "WHERE position > %s ORDER BY position LIMIT 1024",
                (last,),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                last = row[5]
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
                "updated_at) VALUES (%s, %s, %s, %s, 1, %s, %s) ON CONFLICT (id) DO UPDATE SET "
                "label=COALESCE(stories.label, EXCLUDED.label), "
                "first_date=EXCLUDED.first_date, last_date=EXCLUDED.last_date, "
                "updated_at=EXCLUDED.updated_at",
                (
                    story_id,
                    story.get("label"),
                    story.get("first_date"),
                    story.get("last_date"),
                    now,
                    now,
                ),
            )
            position = self.db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM story_articles"
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO story_articles VALUES (%s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET story_id=EXCLUDED.story_id, "
                "position=EXCLUDED.position, day=EXCLUDED.day, vector=EXCLUDED.vector, "
                "terms=EXCLUDED.terms",
                (article_id, story_id, position, day, vector, json.dumps(terms)),
            )
            self.db.execute(
                "UPDATE stories SET size=(SELECT count(*) FROM story_articles WHERE "
                "story_id=%s) WHERE id=%s",
                (story_id, story_id),
            )

    def counts(self) -> dict[str, int]:
        """How many rows the main tables hold."""
        return count_rows(self.db.execute)

    def integrity_ok(self) -> bool:
        """Whether every sentence and analysis points at a stored article."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM sentences s LEFT JOIN articles a ON a.id = s.article_id "
            "WHERE a.id IS NULL) + (SELECT count(*) FROM analyses n LEFT JOIN articles a "
            "ON a.id = n.article_id WHERE a.id IS NULL)"
        ).fetchone()
        return int(row[0]) == 0

    def close(self) -> None:
        """Close the connection."""
        self.db.close()
