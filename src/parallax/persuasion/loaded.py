"""The loaded-language head: which words of a news sentence carry the writer's judgement.

A logistic head over the shared encoder's word-piece states, trained on the lexical-bias
spans that BASIL's annotators marked in 2010-2016 US political reports (Fan et al. 2019),
so it learns what news readers call loaded ("stinging blow", "bogus") rather than a word
list. A sentence is flagged when its most loaded piece reaches the head's threshold, which
was chosen on held-out stories for precision; the span shown is that piece's word and its
loaded neighbours, so the reader sees which words carry the charge. The weights are a
vector in ``models/loaded_language.npz`` and the thresholds in ``models/loaded_language.json``
(``parallax-dev train techniques`` writes both).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.encoder import TokenStates
from parallax.errors import ConfigError
from parallax.persuasion.model import models_dir

STEM = "loaded_language"
_WORD_CHAR = re.compile(r"[\w'’-]")


@dataclass
class LoadedLanguageHead:
    """One logistic unit per word piece, and the thresholds that turn it into spans.

    Attributes:
        weights: (384,) float32 over a piece's last-layer state.
        bias: the unit's intercept.
        threshold: a sentence is flagged when a piece's probability reaches this.
        extend: neighbouring pieces at or above this join the flagged piece's span.
        meta: how the head was trained and what it scored, kept with the weights.
    """

    weights: np.ndarray
    bias: float
    threshold: float
    extend: float
    meta: dict[str, Any] = field(default_factory=dict)

    def piece_probabilities(self, tokens: TokenStates) -> np.ndarray:
        """Probability that each word piece is part of a loaded phrase."""
        if not len(tokens.states):
            return np.zeros(0, dtype=np.float32)
        logits = tokens.states @ self.weights + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)

    def sentence_score(self, tokens: TokenStates) -> float:
        """The sentence's score: its most loaded piece's probability (0 when empty)."""
        probabilities = self.piece_probabilities(tokens)
        return float(probabilities.max()) if len(probabilities) else 0.0

    def spans(
        self, text: str, tokens: TokenStates, threshold: float | None = None
    ) -> list[tuple[int, int, float]]:
        """(start, end, score) of the loaded phrases in ``text``, offsets into ``text``.

        Each piece at or above ``threshold`` (default: the head's) seeds a span, grown over
        adjacent pieces at or above :attr:`extend` and widened to whole words; the score is
        the highest piece probability inside.
        """
        cut = self.threshold if threshold is None else threshold
        probabilities = self.piece_probabilities(tokens)
        found: list[tuple[int, int, float]] = []
        index = 0
        while index < len(probabilities):
            if probabilities[index] < cut:
                index += 1
                continue
            first = last = index
            while first > 0 and probabilities[first - 1] >= self.extend:
                first -= 1
            while last + 1 < len(probabilities) and probabilities[last + 1] >= self.extend:
                last += 1
            start, end = _whole_words(
                text, int(tokens.offsets[first][0]), int(tokens.offsets[last][1])
            )
            score = float(probabilities[first : last + 1].max())
            if found and start <= found[-1][1]:
                previous = found.pop()
                start, score = previous[0], max(score, previous[2])
                end = max(end, previous[1])
            if end > start:
                found.append((start, end, score))
            index = last + 1
        return found

    def save(self, folder: Path) -> list[Path]:
        """Write ``loaded_language.npz`` (weights) and ``.json`` (thresholds, meta)."""
        folder.mkdir(parents=True, exist_ok=True)
        weights = folder / f"{STEM}.npz"
        np.savez_compressed(
            weights,
            weights=self.weights.astype(np.float32),
            bias=np.float32(self.bias),
        )
        card = folder / f"{STEM}.json"
        card.write_text(
            json.dumps(
                {
                    "threshold": round(float(self.threshold), 4),
                    "extend": round(float(self.extend), 4),
                    "meta": self.meta,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        return [weights, card]

    @classmethod
    def load(cls, folder: Path | None = None) -> LoadedLanguageHead:
        """Read the head written by :meth:`save`.

        Raises:
            ConfigError: the files are missing (run ``parallax-dev train techniques``).
        """
        folder = folder or models_dir()
        try:
            card = json.loads((folder / f"{STEM}.json").read_text(encoding="utf-8"))
            with np.load(folder / f"{STEM}.npz") as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = float(arrays["bias"])
        except FileNotFoundError as exc:
            raise ConfigError(
                f"the loaded-language head is missing ({exc.filename}); regenerate it with "
                "`parallax-dev train techniques`"
            ) from None
        return cls(
            weights=weights,
            bias=bias,
            threshold=float(card["threshold"]),
            extend=float(card["extend"]),
            meta=dict(card.get("meta", {})),
        )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` to the words it touches (a piece may be half a word)."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end


@lru_cache(maxsize=1)
def bundled_head() -> LoadedLanguageHead:
    """The committed loaded-language head, loaded once per process."""
    return LoadedLanguageHead.load()
