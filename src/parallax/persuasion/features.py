"""The features the techniques model reads: embedding, hashed word n-grams, cue counts.

The frozen MiniLM embedding carries what a sentence is about and its tone; hashed word
uni- and bigrams carry the exact wording that techniques such as loaded language depend on
(a hashing vectoriser needs no stored vocabulary, so the committed weights are just a
matrix); the cue counts carry the rule detectors' and lexicons' verdicts, so the model
can learn how far to trust each rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from parallax.persuasion import rules
from parallax.persuasion.lexicon import INTENSIFIERS
from parallax.persuasion.taxonomy import TECHNIQUES

HASH_FEATURES = 2**12
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class _Line:
    """A text treated as a one-sentence article, for the rule detectors."""

    def __init__(self, text: str) -> None:
        self.text, self.start, self.end = text, 0, len(text)


def cue_features(text: str) -> np.ndarray:
    """Rule hits per technique plus surface cues (shouting, exclamations, intensifiers)."""
    hits = np.zeros(len(TECHNIQUES), dtype=np.float32)
    index = {name: i for i, name in enumerate(TECHNIQUES)}
    for span in rules.detect([_Line(text)]):
        hits[index[span.name]] = 1.0
    words = _WORD.findall(text)
    count = max(len(words), 1)
    surface = np.array(
        [
            sum(w.isupper() and len(w) > 1 for w in words) / count,
            min(text.count("!"), 3) / 3,
            min(text.count("?"), 3) / 3,
            min(sum(w.lower() in INTENSIFIERS for w in words), 3) / 3,
            min(len(words), 60) / 60,
            min(text.count("“") + text.count('"'), 4) / 4,
        ],
        dtype=np.float32,
    )
    return np.concatenate([hits, surface])


def _hasher() -> object:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=HASH_FEATURES,
        ngram_range=(1, 2),
        alternate_sign=False,
        norm="l2",
        lowercase=True,
        token_pattern=r"(?u)\b\w[\w'’-]*\b",
    )


def feature_matrix(texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """Stack the features of ``texts`` (``vectors`` = their embeddings, one row each)."""
    hashed = _hasher().transform(list(texts)).toarray().astype(np.float32)  # type: ignore[attr-defined]
    cues = np.stack([cue_features(t) for t in texts]) if texts else np.zeros((0, 27), np.float32)
    return np.hstack([np.asarray(vectors, dtype=np.float32), hashed, cues])
