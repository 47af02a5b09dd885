"""Vectors the pipeline already computed, served to comparisons instead of re-encoding.

The ``embed`` step gives every sentence of an analysed article a unit vector from the shared
encoder, and one more to the article's lead (:func:`parallax.comparison.terms.lead`, what
story clustering compares); the runner stores them with the analysis. Claim alignment and
clustering need exactly those vectors (the same model on the same texts), so encoding them
again for every comparison only makes requests queue for the one encoder.
:class:`KnownVectors` is an :data:`~parallax.comparison.alignment.Encoder` that answers the
texts it knows from the stored vectors and sends only the rest (analyses stored before
vectors were kept, records read from a report file) to the real encoder, in one batch, so
the comparison is the same as with fresh encoding, and a comparison of stored analyses
does not call the encoder at all.

The stored bytes are checked before use: a vector of the wrong length, with values that
are not finite, or not of unit length is not trusted; that text is encoded instead and a
warning names the article, so damage costs time, never a wrong or failed comparison. A
lead vector is stored with the digest of the lead text it encodes (:func:`text_digest`) and
used only for a record whose lead is that text.

This module reads vectors through :class:`VectorSource`, a one-method protocol both stores
satisfy; it does not import the store.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from parallax.comparison.alignment import Encoder, encoder_or_shared
from parallax.comparison.terms import lead
from parallax.record import ArticleRecord

log = logging.getLogger(__name__)

DIMENSION = 384
"""The encoder's dimension (all-MiniLM-L6-v2); a stored vector of another length is damaged."""
VECTOR_DTYPE = np.dtype("<f4")
"""How the stores keep vectors (:data:`parallax.store.base.VECTOR_DTYPE`)."""
UNIT_TOLERANCE = 1e-3
"""How far a stored vector's length may be from 1 (the encoder normalises every row)."""


class VectorSource(Protocol):
    """Where stored sentence vectors come from (both stores implement it)."""

    def get_sentence_vectors(self, article_id: str, pipeline: str) -> Mapping[int, bytes]:
        """The stored vectors of an analysis by sentence index, as raw bytes."""
        ...

    def get_lead_vector(self, article_id: str, pipeline: str) -> tuple[str, bytes] | None:
        """The stored lead vector of an analysis as (text digest, raw bytes), or None."""
        ...


def text_digest(text: str) -> str:
    """What a stored lead vector is checked against: the SHA-256 of its text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_vector(blob: bytes, text: str = "x") -> np.ndarray | None:
    """A stored vector as a float32 row, or None when it cannot be trusted.

    Args:
        blob: the stored bytes.
        text: the sentence it belongs to: the encoder gives a blank text a zero row, so
            a zero row is only right for a blank text.
    """
    if len(blob) != DIMENSION * VECTOR_DTYPE.itemsize:
        return None
    vector = np.frombuffer(blob, dtype=VECTOR_DTYPE).astype(np.float32)
    if not np.isfinite(vector).all():
        return None
    norm = float(np.linalg.norm(vector))
    if not text.strip():
        return vector if norm == 0.0 else None
    return vector if abs(norm - 1.0) <= UNIT_TOLERANCE else None


class KnownVectors:
    """An encoder that serves known texts from stored vectors and encodes the rest in one batch.

    Attributes:
        served: how many texts were answered from known vectors so far.
        encoded: how many texts were sent to the encoder so far.
    """

    def __init__(
        self, known: Mapping[str, np.ndarray] | None = None, encode: Encoder | None = None
    ) -> None:
        """Wrap ``encode`` (default: the shared encoder) with the ``known`` text vectors."""
        self.known: dict[str, np.ndarray] = dict(known or {})
        self._fresh: dict[str, np.ndarray] = {}
        self._encode = encode
        self.served = 0
        self.encoded = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text, as the encoder would give it."""
        result = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        again = 0
        for i, text in enumerate(texts):
            vector = self.known.get(text)
            if vector is None and text in self._fresh:
                vector, again = self._fresh[text], again + 1
            if vector is None:
                missing.setdefault(text, []).append(i)
            else:
                result[i] = vector
        self.served += len(texts) - again - sum(len(rows) for rows in missing.values())
        if missing:
            fresh = self._encoder()(list(missing))
            self.encoded += len(missing)
            for text, vector, rows in zip(missing, fresh, missing.values(), strict=True):
                result[rows] = vector
                self._fresh[text] = vector  # a comparison asks for some texts more than once
        return result

    def _encoder(self) -> Encoder:
        self._encode = encoder_or_shared(self._encode)
        return self._encode

    def add_stored(self, source: VectorSource, records: Sequence[ArticleRecord]) -> None:
        """Learn the stored sentence and lead vectors of ``records`` (analysis records).

        Records without a pipeline version (report files, bare articles) or without stored
        vectors (analysed before vectors were kept) add nothing: their texts are encoded.
        """
        for record in records:
            pipeline = record.get("pipeline")
            if not pipeline or record.get("status", "analysed") != "analysed":
                continue
            self._add_sentences(source, record, str(record["id"]), str(pipeline))
            self._add_lead(source, record, str(record["id"]), str(pipeline))

    def _add_sentences(
        self, source: VectorSource, record: ArticleRecord, article_id: str, pipeline: str
    ) -> None:
        stored = source.get_sentence_vectors(article_id, pipeline)
        if not stored:
            return
        sentences = record.get("sentences") or []
        if set(stored) != set(range(len(sentences))):
            log.warning(
                "article %s: %d stored sentence vectors for %d sentences; encoding its "
                "sentences again instead",
                article_id,
                len(stored),
                len(sentences),
            )
            return
        damaged = []
        for i, sentence in enumerate(sentences):
            text = str(sentence.get("text", ""))
            vector = decode_vector(stored[i], text)
            if vector is None:
                damaged.append(i)
            else:
                self.known.setdefault(text, vector)
        if damaged:
            log.warning(
                "article %s: damaged stored vectors for sentences %s; encoding them again",
                article_id,
                ", ".join(map(str, damaged)),
            )

    def _add_lead(
        self, source: VectorSource, record: ArticleRecord, article_id: str, pipeline: str
    ) -> None:
        stored = source.get_lead_vector(article_id, pipeline)
        if stored is None:
            return
        digest, blob = stored
        text = lead(record)
        if digest != text_digest(text):
            log.warning(
                "article %s: the stored lead vector is of another lead text; encoding its "
                "lead again",
                article_id,
            )
            return
        vector = decode_vector(blob, text)
        if vector is None:
            log.warning(
                "article %s: damaged stored lead vector; encoding its lead again", article_id
            )
            return
        self.known.setdefault(text, vector)


def stored_encoder(
    source: VectorSource, records: Sequence[ArticleRecord], encode: Encoder | None = None
) -> KnownVectors:
    """An encoder for comparing ``records`` that reads their stored sentence and lead vectors.

    Args:
        source: the store the records came from.
        records: analysis records (``parallax.report.json_report``).
        encode: the encoder for what is not stored (default: the shared one).
    """
    encoder = KnownVectors(encode=encode)
    encoder.add_stored(source, records)
    return encoder
