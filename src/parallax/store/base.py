"""The storage interface every backend implements (SQLite now, PostgreSQL later)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np

from parallax.model import Article
from parallax.record import ArticleRecord


def utc_now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second (what the stores record)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result: an article, or a sentence inside one."""

    article_id: str
    title: str | None
    outlet: str | None
    date: str | None
    kind: str  # "article" or "sentence"
    snippet: str
    sentence_id: str | None = None


class Store(Protocol):
    """What the runner, the CLI and the server need from a store."""

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes so that they all land or none does (a killed run leaves no half)."""
        ...

    def processed(self, source: str, raw_hash: str, pipeline: str) -> list[str] | None:
        """The article ids an input gave when it was last fully processed, or None."""
        ...

    def mark_processed(
        self, source: str, raw_hash: str, pipeline: str, article_ids: list[str]
    ) -> None:
        """Record that an input was fully processed (for resuming and idempotent reruns)."""
        ...

    def first_source(self, article_id: str) -> str | None:
        """The source an article was first stored from, or None when it is not stored."""
        ...

    def put_article(self, article: Article, minhash: bytes | None, bands: list[int]) -> bool:
        """Store an article (and its raw input); return False when it was already there."""
        ...

    def add_source(self, article_id: str, source: str) -> None:
        """Record another source the same article was read from."""
        ...

    def band_candidates(self, bands: list[int]) -> set[str]:
        """Articles sharing at least one MinHash band bucket with ``bands``."""
        ...

    def minhashes(self, article_ids: set[str]) -> dict[str, bytes]:
        """The MinHash signatures of the given articles."""
        ...

    def put_analysis(
        self,
        article_id: str,
        pipeline: str,
        status: str,
        reason: str | None,
        data: ArticleRecord,
        sentences: list[tuple[str, str, int, int]],
    ) -> None:
        """Store an analysis and replace the article's searchable sentences."""
        ...

    def get_analysis(self, article_id: str, pipeline: str) -> ArticleRecord | None:
        """The stored analysis of an article by a pipeline version, or None."""
        ...

    def put_sentence_vectors(self, article_id: str, pipeline: str, vectors: np.ndarray) -> None:
        """Store the sentence vectors of a stored analysis (row ``i`` for sentence ``i``).

        They replace whatever vectors that analysis had; :meth:`put_analysis` clears them
        too, so a re-analysis never keeps the vectors of the sentences it replaced.
        """
        ...

    def get_sentence_vectors(self, article_id: str, pipeline: str) -> dict[int, bytes]:
        """The stored sentence vectors of an analysis, by sentence index, as raw bytes.

        Each value should be :data:`VECTOR_DTYPE` values; the reader checks it (a damaged
        row is the reader's to detect and skip, not a reason to fail the whole read).
        """
        ...

    def put_lead_vector(
        self, article_id: str, pipeline: str, digest: str, vector: np.ndarray
    ) -> None:
        """Store the lead vector of a stored analysis, with the digest of the text encoded.

        It replaces the analysis's previous lead vector; :meth:`put_analysis` clears it too.
        """
        ...

    def get_lead_vector(self, article_id: str, pipeline: str) -> tuple[str, bytes] | None:
        """The stored lead vector of an analysis as (digest, raw bytes), or None.

        The reader checks both: the digest against the lead it needs, the bytes as for
        :meth:`get_sentence_vectors`.
        """
        ...

    def get_article(self, article_id: str) -> Article | None:
        """An article by id or unique id prefix, or None."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest first, streamed."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts and over sentences."""
        ...

    def start_run(self, command: str) -> int:
        """Open a run record and return its id."""
        ...

    def record_item(
        self, run_id: int, source: str, status: str, reason: str | None, article_id: str | None
    ) -> None:
        """Log what happened to one input in a run."""
        ...

    def finish_run(self, run_id: int, summary: Mapping[str, object]) -> None:
        """Close a run record with its summary."""
        ...

    def counts(self) -> dict[str, int]:
        """How many articles, analyses, sentences, raw inputs and runs are stored."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


VECTOR_DTYPE = np.dtype("<f4")
"""How sentence vectors are stored: little-endian float32, the encoder's own precision (so a
stored vector is the vector, not an approximation), 1,536 bytes for 384 values."""


def vector_blob(vector: np.ndarray) -> bytes:
    """One vector (a 1-D array) as the bytes both backends store.

    Raises:
        ValueError: ``vector`` is not a 1-D array of numbers.
    """
    array = np.asarray(vector)
    if array.ndim != 1:
        raise ValueError(f"a lead vector must be a 1-D array, got shape {array.shape}")
    return np.ascontiguousarray(array, dtype=VECTOR_DTYPE).tobytes()


def vector_rows(vectors: np.ndarray) -> list[bytes]:
    """One blob per row of a 2-D array of sentence vectors (what both backends store).

    Raises:
        ValueError: ``vectors`` is not a 2-D array of numbers.
    """
    array = np.asarray(vectors)
    if array.ndim != 2:
        raise ValueError(f"sentence vectors must be a 2-D array, got shape {array.shape}")
    return [row.tobytes() for row in np.ascontiguousarray(array, dtype=VECTOR_DTYPE)]


Execute = Callable[[str], Iterable[Sequence[Any]]]
"""Runs one parameterless SQL statement and returns its rows (both backends' connections)."""

COUNTED_TABLES = ("articles", "analyses", "sentences", "raw_inputs", "runs", "article_sources")


def count_rows(execute: Execute) -> dict[str, int]:
    """How many rows the main tables hold (the same SQL on every backend)."""
    return {t: int(next(iter(execute(f"SELECT count(*) FROM {t}")))[0]) for t in COUNTED_TABLES}


def distinct_facets(execute: Execute) -> dict[str, list[str]]:
    """The distinct outlets, languages and formats stored, for filter menus."""
    columns = (("outlets", "outlet"), ("languages", "language"), ("formats", "format"))
    return {
        key: [
            str(row[0])
            for row in execute(
                f"SELECT DISTINCT {column} FROM articles WHERE {column} IS NOT NULL "
                f"ORDER BY {column} LIMIT 500"
            )
        ]
        for key, column in columns
    }
