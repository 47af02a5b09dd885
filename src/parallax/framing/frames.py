"""Article frames: a trained head for the frames GVFC teaches, cue words for every frame.

The head is a multinomial logistic regression over the shared MiniLM embedding and hashed
word n-grams, fit on the Gun Violence Frame Corpus headlines with their theme mapped into
our taxonomy (:data:`parallax.framing.taxonomy.GVFC`). Frames no public data set teaches
(history, security and defence outside gun violence, international relations ...) are
scored by the share of sentences carrying the frame's cue words. An article's score for a
frame is the larger of the two.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from parallax.errors import ConfigError
from parallax.framing.taxonomy import FRAMES, KEYWORDS
from parallax.models import models_dir

STEM = "frames"
MIN_SCORE = 0.2
_CUES = {
    frame: re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE)
    for frame, cues in KEYWORDS.items()
}


def cue_scores(sentences: Sequence[str]) -> dict[str, float]:
    """Per frame, the share of sentences with a cue word, scaled so a third of them is 1."""
    if not sentences:
        return dict.fromkeys(FRAMES, 0.0)
    return {
        frame: min(sum(bool(_CUES[frame].search(s)) for s in sentences) / len(sentences) * 3, 1.0)
        for frame in FRAMES
    }


def head_features(texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """Embedding plus hashed word uni- and bigrams."""
    from sklearn.feature_extraction.text import HashingVectorizer

    hashed = HashingVectorizer(
        n_features=2**12, ngram_range=(1, 2), alternate_sign=False, norm="l2"
    ).transform(list(texts))
    return np.hstack([np.asarray(vectors, np.float32), hashed.toarray().astype(np.float32)])


@dataclass
class FrameHead:
    """Softmax over the frames GVFC teaches."""

    labels: list[str]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """(texts, labels) probabilities."""
        logits = head_features(texts, vectors) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)

    def save(self, folder: Path) -> list[Path]:
        """Write ``frames.npz`` and ``frames.json``."""
        np.savez_compressed(
            folder / f"{STEM}.npz", weights=self.weights.astype(np.float16), bias=self.bias
        )
        card = folder / f"{STEM}.json"
        card.write_text(
            json.dumps(
                {
                    "labels": self.labels,
                    "data": "gvfc (all 1,300 framed headlines)",
                    "command": "parallax-dev train frames",
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        return [folder / f"{STEM}.npz", card]


@lru_cache(maxsize=1)
def bundled_head() -> FrameHead:
    """The committed frame head.

    Raises:
        ConfigError: the weights are missing (run ``parallax-dev train frames``).
    """
    folder = models_dir()
    try:
        card = json.loads((folder / f"{STEM}.json").read_text(encoding="utf-8"))
        with np.load(folder / f"{STEM}.npz") as arrays:
            return FrameHead(
                list(card["labels"]),
                arrays["weights"].astype(np.float32),
                arrays["bias"].astype(np.float32),
            )
    except FileNotFoundError as exc:
        raise ConfigError(
            f"the frames model is missing ({exc.filename}); run `parallax-dev train frames`"
        ) from None


def article_frames(
    sentences: Sequence[str], vectors: np.ndarray, head: FrameHead | None = None
) -> list[dict[str, object]]:
    """The frames of one article, ``{"name", "score"}`` sorted by score, weak ones dropped."""
    head = head or bundled_head()
    scores = cue_scores(sentences)
    if len(sentences):
        mean = head.probabilities(sentences, vectors).mean(axis=0)
        for name, p in zip(head.labels, mean, strict=True):
            scores[name] = max(scores[name], float(p))
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return [{"name": n, "score": round(s, 3)} for n, s in ranked if s >= MIN_SCORE]
