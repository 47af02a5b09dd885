"""Reference documents a user trusts, split into sentences and searchable as evidence.

``parallax kb add-document FILE...`` reads each file with the ordinary ingest readers (text,
Markdown, HTML, PDF, feeds, ...), splits it into sentences with the shared spaCy model, and
stores every sentence with its shared MiniLM embedding in ``documents.db`` in the user's
knowledge base. :meth:`DocumentStore.search` finds evidence for a claim two ways and fuses
them: SQLite FTS5 full-text search (BM25, Porter stemming) catches exact names and numbers,
the embeddings catch paraphrase; reciprocal-rank fusion ranks the union, so a sentence that
both find comes first. :func:`judged_evidence` adds the entailment judgement of each
evidence sentence against the claim.

Documents are keyed by a hash of their text, so adding the same document twice changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import StoreError
from parallax.model import Article, content_id

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    source TEXT NOT NULL,
    url TEXT,
    date TEXT,
    added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_document ON sentences(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='porter unicode61'
);
"""
_RRF_K = 60
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "there",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
    ]
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Evidence:
    """A sentence of a reference document found for a query.

    Attributes:
        text: the sentence.
        source: the document's source (path or URL), for the citation.
        title: the document's title, when it has one.
        document_id: content-hash id of the document.
        position: the sentence's index in the document (0-based).
        score: the fused rank score (higher is better).
        cosine: the embedding similarity to the query.
        fulltext: whether full-text search found it.
    """

    text: str
    source: str
    title: str | None
    document_id: str
    position: int
    score: float
    cosine: float
    fulltext: bool

    def as_dict(self) -> dict[str, Any]:
        """The evidence record of the report (``kind`` = ``document``)."""
        return {
            "kind": "document",
            "text": self.text,
            "source": self.source,
            "title": self.title,
            "document_id": self.document_id,
            "position": self.position,
            "score": round(self.score, 5),
            "cosine": round(self.cosine, 4),
        }


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, sentence)`` with character offsets, from the shared spaCy model."""
    from parallax.spacy_model import load_spacy

    nlp = load_spacy()
    pieces = []
    offset = 0
    for paragraph in text.split("\n\n"):
        start = text.find(paragraph, offset)
        offset = start + len(paragraph)
        if not paragraph.strip():
            continue
        for sent in nlp(paragraph).sents:
            stripped = sent.text.strip()
            if stripped:
                begin = start + sent.start_char + sent.text.find(stripped)
                pieces.append((begin, begin + len(stripped), stripped))
    return pieces


def fts_query(text: str) -> str:
    """An FTS5 query matching any content word of ``text`` (each quoted, so safe)."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS]
    return " OR ".join(f'"{w}"' for w in dict.fromkeys(words))


class DocumentStore:
    """The SQLite file holding the user's reference documents."""

    def __init__(self, path: Path):
        """Open (creating when needed) the document store at ``path``.

        Raises:
            StoreError: the file cannot be opened as a database or lacks FTS5.
        """
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open the reference-document store {path}: {exc}; move the file "
                "aside and add the documents again"
            ) from None
        self._matrix: tuple[int, np.ndarray, np.ndarray] | None = None

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def add(self, article: Article) -> int:
        """Store one document's sentences; returns how many (0 if it was already there)."""
        from parallax.encoder import encode

        doc_id = content_id(article.text)
        if self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            return 0
        sentences = split_sentences(article.text)
        vectors = encode([s for _, _, s in sentences])
        with self._db:
            self._db.execute(
                "INSERT INTO documents (id, title, source, url, date, added) VALUES (?,?,?,?,?,?)",
                (
                    doc_id,
                    article.title,
                    article.url or article.source,
                    article.url,
                    article.date.isoformat() if article.date else None,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )
            for position, ((start, end, text), vector) in enumerate(
                zip(sentences, vectors, strict=True)
            ):
                cursor = self._db.execute(
                    "INSERT INTO sentences (document_id, position, text, start, end, vector) "
                    "VALUES (?,?,?,?,?,?)",
                    (doc_id, position, text, start, end, vector.astype(np.float32).tobytes()),
                )
                self._db.execute(
                    "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)",
                    (cursor.lastrowid, text),
                )
        self._matrix = None
        return len(sentences)

    def add_all(self, articles: Iterable[Article]) -> int:
        """Store many documents; returns the number of sentences added."""
        return sum(self.add(article) for article in articles)

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document with its sentence count, oldest first."""
        rows = self._db.execute(
            "SELECT d.id, d.title, d.source, d.added, COUNT(s.id) FROM documents d "
            "LEFT JOIN sentences s ON s.document_id = d.id GROUP BY d.id ORDER BY d.added, d.id"
        ).fetchall()
        return [
            {"id": r[0], "title": r[1], "source": r[2], "added": r[3], "sentences": r[4]}
            for r in rows
        ]

    def _vectors(self) -> tuple[np.ndarray, np.ndarray]:
        count = self._db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
        if self._matrix is None or self._matrix[0] != count:
            rows = self._db.execute("SELECT id, vector FROM sentences ORDER BY id").fetchall()
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            matrix = (
                np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
                if rows
                else np.zeros((0, 384), dtype=np.float32)
            )
            self._matrix = (count, ids, matrix)
        return self._matrix[1], self._matrix[2]

    def search(self, query: str, k: int = 5, pool: int = 50) -> list[Evidence]:
        """The ``k`` best evidence sentences for ``query`` (full-text and embedding, fused)."""
        from parallax.encoder import encode

        ranks: dict[int, float] = {}
        fulltext: set[int] = set()
        match = fts_query(query)
        if match:
            rows = self._db.execute(
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? "
                "ORDER BY bm25(sentences_fts) LIMIT ?",
                (match, pool),
            ).fetchall()
            for rank, (rowid,) in enumerate(rows):
                ranks[rowid] = ranks.get(rowid, 0.0) + 1.0 / (_RRF_K + rank)
                fulltext.add(rowid)
        ids, matrix = self._vectors()
        cosines: dict[int, float] = {}
        if len(ids):
            similarity = matrix @ encode([query])[0]
            order = np.argsort(-similarity)[:pool]
            for rank, index in enumerate(order):
                rowid = int(ids[index])
                ranks[rowid] = ranks.get(rowid, 0.0) + 1.0 / (_RRF_K + rank)
            cosines = {int(i): float(s) for i, s in zip(ids, similarity, strict=True)}
        best = sorted(ranks, key=lambda r: -ranks[r])[:k]
        results = []
        for rowid in best:
            row = self._db.execute(
                "SELECT s.text, d.source, d.title, d.id, s.position FROM sentences s "
                "JOIN documents d ON d.id = s.document_id WHERE s.id = ?",
                (rowid,),
            ).fetchone()
            results.append(
                Evidence(
                    text=row[0],
                    source=row[1],
                    title=row[2],
                    document_id=row[3],
                    position=row[4],
                    score=ranks[rowid],
                    cosine=cosines.get(rowid, 0.0),
                    fulltext=rowid in fulltext,
                )
            )
        return results


def default_document_store(directory: Path | None = None) -> DocumentStore:
    """The document store in the user's knowledge base (``documents.db``)."""
    from parallax.knowledge.user import user_kb_dir

    return DocumentStore((directory or user_kb_dir()) / "documents.db")


def existing_document_store(directory: Path | None = None) -> DocumentStore | None:
    """The user's document store if they have added documents, else None (nothing created).

    The checker calls this on every claim; a user without documents must not get an empty
    database file as a side effect.
    """
    from parallax.knowledge.user import user_kb_dir

    path = (directory or user_kb_dir()) / "documents.db"
    return DocumentStore(path) if path.is_file() else None


def judged_evidence(
    claim: str, store: DocumentStore, k: int = 5, min_cosine: float = 0.3
) -> list[dict[str, Any]]:
    """Evidence sentences for ``claim``, each with the entailment judgement against it.

    Sentences less similar to the claim than ``min_cosine`` are dropped before judging:
    a sentence about something else cannot support or contradict the claim.

    Returns:
        Evidence records (see :meth:`Evidence.as_dict`) with ``label`` and ``scores``.
    """
    from parallax.knowledge.entailment import judge_many

    found = [e for e in store.search(claim, k) if e.cosine >= min_cosine]
    judgements = judge_many([(e.text, claim) for e in found])
    return [{**e.as_dict(), **j} for e, j in zip(found, judgements, strict=True)]
