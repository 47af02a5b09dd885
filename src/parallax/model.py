"""The data model shared by ingestion, the pipeline, storage and reports.

Everything here is plain data with no behaviour that needs NLP or a database, so every
layer can import it (the dependency direction is model <- pipeline <- components <-
ingest/store <- cli/api/web/ray).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from parallax.record import TechniqueRecord

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Return ``text`` in NFC with runs of whitespace collapsed, for hashing and comparing."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_id(text: str) -> str:
    """Return the article id for ``text``: a hash of its normalised content.

    Ids are content hashes so that reruns are idempotent and the same text read from two
    files (or fetched twice) is one article, whatever its file name.
    """
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def bytes_id(data: bytes) -> str:
    """Return a short hash of raw input bytes (used to skip inputs already processed)."""
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass(frozen=True)
class Article:
    """One article as read from an input, before any analysis.

    Attributes:
        text: the article's own words (no masthead, epigraph, navigation or boilerplate).
        source: where it came from, e.g. a path, ``path#record-3`` or a URL.
        title, outlet, author, url: metadata when the input names them, else None.
        date: publication date when known.
        language: ISO 639-1 code detected from the text (``"und"`` when undetermined).
        format: the reader that produced it (``text``, ``markdown``, ``html``, ``pdf`` ...).
        raw: the input's bytes for this article, kept so analyses can be recomputed later.
        meta: anything else the reader found (masthead tagline, epigraph, encoding, ...).
    """

    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: date | None = None
    url: str | None = None
    language: str = "und"
    format: str = "text"
    raw: bytes = b""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Content-hash id of the article's text."""
        return content_id(self.text)


@dataclass(frozen=True)
class Skipped:
    """An input (or part of one) that was deliberately not stored, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Failed:
    """An input (or part of one) that could not be read, and a message saying why."""

    source: str
    reason: str


Outcome = Article | Skipped | Failed
"""What reading one input item yields: an article, a deliberate skip, or a failure."""


@dataclass
class Sentence:
    """A sentence of an analysed article, with character offsets into the article text."""

    id: str
    index: int
    text: str
    start: int
    end: int
    type: str | None = None
    checkworthiness: float | None = None
    techniques: list[TechniqueRecord] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Entity:
    """A named-entity mention with character offsets into the article text."""

    text: str
    label: str
    start: int
    end: int
    sentence_id: str


AnalysisStatus = Literal["analysed", "not_analysed"]


@dataclass
class Analysis:
    """An article and everything the pipeline's components have added to it.

    Components fill the layers they declare in ``assigns``; later components add layers
    (``actors``, ``events``, ``claims`` ...) without changing this class, through
    ``layers``. ``doc`` holds the spaCy Doc while the pipeline runs (it is dropped at the
    end), ``vectors`` the sentence embeddings (one row per sentence, from
    :mod:`parallax.encoder`) and ``lead_vector`` the embedding of the article's lead (what
    story clustering compares), which the runner stores so comparisons need not re-encode.
    ``tokens`` holds each sentence's word-piece states from the same encoder pass
    (:class:`parallax.encoder.TokenStates`), for span heads; like ``doc`` it is dropped at
    the end of the pipeline.
    """

    article: Article
    status: AnalysisStatus = "analysed"
    reason: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)
    doc: Any = None
    vectors: Any = None
    lead_vector: Any = None
    tokens: Any = None
    layer_states: Any = None
    """Per sentence, the word-piece states after the encoder's fourth layer
    (:class:`parallax.encoder.LayerStates`), from the embed step's pass, which the portrayal
    step's target-sentiment model runs its own top layers on; dropped at the end like
    ``tokens``."""

    @property
    def id(self) -> str:
        """The analysed article's id."""
        return self.article.id


DocumentFormat = Literal["text", "markdown", "html", "pdf", "feed", "warc", "jsonl", "csv", "json"]
