"""The loaded-language head: which words of a news sentence carry the writer's judgement.

Two small units over the shared encoder's last-layer word-piece states, trained on
the lexical-bias spans that BASIL's annotators marked in 2010-2016 US political reports
(Fan et al. 2019), so it learns what news readers call loaded ("stinging blow", "bogus")
rather than a word list:

- a piece unit (one hidden layer) scores each word piece from its state and from its state
  minus the sentence's mean state (what sets the word apart from the sentence around it);
- a sentence unit turns the pieces' scores (the highest, the mean of the two highest, the
  mean), the sentence's length and where it sits in its article into the probability that
  the sentence carries a loaded phrase. Position is there because reporters load the
  opening of a story far more than its body (Fan et al. found the same in BASIL): the same
  word weighs more in a lede than in paragraph twenty.

A sentence is flagged when that probability reaches the threshold chosen on held-out stories
for precision; the span shown is its most loaded word and any other piece the piece unit
calls loaded, widened to whole words, so the reader sees which words carry the charge. The
weights are in ``models/loaded_language.npz`` and the thresholds in
``models/loaded_language.json`` (``parallax-dev train techniques`` writes both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from parallax.datelines import dateline_length
from parallax.encoder import TokenStates
from parallax.errors import ConfigError
from parallax.models import models_dir

STEM = "loaded_language"
_WORD_CHAR = re.compile(r"[\w'’-]")
LEDE_MARGIN = 0.5
"""How far under :attr:`LoadedLanguageHead.extend` a lede's most loaded word may stay.

Measured on BASIL's held-out stories (2026-12-05), head alone: of 126 ledes flagged, the
62 with no word reaching ``extend`` were 18% right against 36% for the others; leaving
them all out gives precision 0.229 at recall 0.306 (0.222 at 0.343 before), half a logit
of margin 0.226 at 0.323 with 91 ledes flagged. The margin keeps the family's recall clear
of the 0.30 floor in a fresh environment, where it came out 0.300 without one."""
EARLY = 10
"""Sentences past this index count as equally deep in the article."""
SENTENCE_FEATURES = (
    "highest",
    "two_highest",
    "mean",
    "length",
    "relative_position",
    "lede",
    "depth",
)


@dataclass(frozen=True)
class Position:
    """Where a sentence sits in its article: its index (from 0) among ``count`` sentences."""

    index: int
    count: int

    def features(self) -> np.ndarray:
        """Relative position, whether it is the lede, and depth (index capped at EARLY)."""
        return np.array(
            [
                self.index / max(self.count, 1),
                float(self.index == 0),
                min(self.index, EARLY) / EARLY,
            ],
            dtype=np.float32,
        )


def piece_features(states: np.ndarray) -> np.ndarray:
    """Each piece's state and its state minus the sentence's mean state, side by side."""
    if not len(states):
        return np.zeros((0, 2 * states.shape[1] if states.ndim == 2 else 0), dtype=np.float32)
    return np.hstack([states, states - states.mean(axis=0, keepdims=True)])


def _gelu(values: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, as the piece unit was trained with."""
    return np.asarray(
        0.5 * values * (1.0 + np.tanh(0.7978845608 * (values + 0.044715 * values**3))),
        dtype=np.float32,
    )


def score_summary(logits: np.ndarray) -> np.ndarray:
    """The highest piece logit, the mean of the two highest, the mean, and log(1 + pieces).

    The length is there because a long sentence has more words that could be loaded; the
    logits are -10 for an empty sentence.
    """
    if not len(logits):
        return np.array([-10.0, -10.0, -10.0, 0.0], dtype=np.float32)
    ranked = np.sort(logits)[::-1]
    return np.array(
        [ranked[0], ranked[:2].mean(), ranked.mean(), np.log1p(len(ranked))], dtype=np.float32
    )


@dataclass
class LoadedLanguageHead:
    """The piece unit, the sentence unit, and the thresholds that turn them into spans.

    Attributes:
        weights: the piece unit's output weights: (hidden,) over its hidden layer, or
            (768,) over :func:`piece_features` when it has none.
        bias: the piece unit's intercept.
        sentence_weights: (7,) float32 over :data:`SENTENCE_FEATURES`.
        sentence_bias: the sentence unit's intercept.
        unknown_position: the position features used for a sentence read on its own (the
            average over the training sentences), so it is neither lede nor body.
        threshold: a sentence is flagged when its probability reaches this.
        extend: pieces whose logit reaches this join the shown span.
        meta: how the head was trained and what it scored, kept with the weights.
        hidden_weights: (768, hidden) float32 of the piece unit's hidden layer (None: no
            hidden layer).
        hidden_bias: (hidden,) float32.
    """

    weights: np.ndarray
    bias: float
    sentence_weights: np.ndarray
    sentence_bias: float
    unknown_position: np.ndarray
    threshold: float
    extend: float
    meta: dict[str, Any] = field(default_factory=dict)
    hidden_weights: np.ndarray | None = None
    hidden_bias: np.ndarray | None = None

    def piece_logits(self, tokens: TokenStates) -> np.ndarray:
        """The piece unit's logit for each word piece of one sentence."""
        if not len(tokens.states):
            return np.zeros(0, dtype=np.float32)
        return self.piece_logits_of(piece_features(tokens.states))

    def piece_logits_of(self, features: np.ndarray) -> np.ndarray:
        """The piece unit's logits for rows of :func:`piece_features` (any sentences)."""
        inputs = features
        if self.hidden_weights is not None and self.hidden_bias is not None:
            inputs = _gelu(inputs @ self.hidden_weights + self.hidden_bias)
        return np.asarray(inputs @ self.weights + self.bias, dtype=np.float32)

    def article_piece_logits(self, tokens: Sequence[TokenStates]) -> list[np.ndarray]:
        """:meth:`piece_logits` for every sentence of an article, in one matrix product.

        One product over all of an article's pieces costs about as much as one sentence's,
        so the head adds little to the pipeline (issue 19's throughput bar).
        """
        features = [piece_features(t.states) for t in tokens if len(t.states)]
        if not features:
            return [np.zeros(0, dtype=np.float32) for _ in tokens]
        logits = self.piece_logits_of(np.vstack(features))
        result, at = [], 0
        for t in tokens:
            result.append(logits[at : at + len(t.states)])
            at += len(t.states)
        return result

    def sentence_score(
        self,
        tokens: TokenStates,
        position: Position | None = None,
        logits: np.ndarray | None = None,
    ) -> float:
        """Probability that the sentence carries a loaded phrase (``position`` None: unknown).

        ``logits``: the sentence's piece logits when already computed
        (:meth:`article_piece_logits`).
        """
        return self._score(self.piece_logits(tokens) if logits is None else logits, position)

    def _score(self, logits: np.ndarray, position: Position | None) -> float:
        where = self.unknown_position if position is None else position.features()
        features = np.concatenate([score_summary(logits), where])
        logit = float(features @ self.sentence_weights + self.sentence_bias)
        return 1.0 / (1.0 + float(np.exp(-logit)))

    def spans(
        self,
        text: str,
        tokens: TokenStates,
        position: Position | None = None,
        threshold: float | None = None,
        logits: np.ndarray | None = None,
    ) -> list[tuple[int, int, float]]:
        """(start, end, score) of the loaded phrases in ``text``, offsets into ``text``.

        Nothing when the sentence's probability is under ``threshold`` (default: the
        head's). Otherwise the most loaded piece and every piece whose logit reaches
        :attr:`extend` are shown, adjacent ones joined and widened to whole words; each
        span's score is the sentence's probability. ``logits``: the sentence's piece logits
        when already computed (:meth:`article_piece_logits`).

        A lede shows nothing unless one of its words comes within :data:`LEDE_MARGIN` of
        :attr:`extend`. BASIL's annotators loaded ledes more than any other sentence, so
        the position lifts a lede's probability; without a word the piece unit marks, the
        flag rests on the position alone and the word shown is one a reader cannot see as
        loaded ("round", "watchdog" in wire ledes).

        Function words and punctuation are never the loaded word (:func:`visible_logits`):
        the piece unit sometimes scores "the" or a comma highest, and a flag resting on one
        is a flag a reader cannot see. When its most loaded piece is one, the sentence shows
        something only if a content word comes within :data:`LEDE_MARGIN` of the bar, as a
        lede must. The probability itself is read from every piece, as the head was trained.
        """
        if logits is None:
            logits = self.piece_logits(tokens)
        score = self._score(logits, position)
        if score < (self.threshold if threshold is None else threshold) or not len(logits):
            return []
        seen = visible_logits(text, tokens, logits)
        best = int(np.argmax(seen))
        near = float(seen[best]) >= self.extend - LEDE_MARGIN
        lede = position is not None and position.index == 0
        if seen[best] <= FLOOR or ((lede or best != int(np.argmax(logits))) and not near):
            return []
        marked = seen >= self.extend
        marked[best] = True
        found: list[tuple[int, int, float]] = []
        for index in np.flatnonzero(marked):
            start, end = _whole_words(
                text, int(tokens.offsets[index][0]), int(tokens.offsets[index][1])
            )
            if end <= start:
                continue
            if found and start <= found[-1][1] + 1:
                start = found.pop()[0]
            found.append((start, end, score))
        return found

    def best_word(
        self, text: str, tokens: TokenStates, logits: np.ndarray | None = None
    ) -> tuple[int, int] | None:
        """The whole word around the sentence's most loaded visible piece (None: none).

        That word is what lifts the sentence over the threshold; the other words a span
        shows ride on it (they need only reach :attr:`extend`). Whose voice the flag is in
        is that word's voice (:func:`parallax.persuasion.voices.carried_by_other_voice`).
        """
        if logits is None:
            logits = self.piece_logits(tokens)
        if not len(logits):
            return None
        seen = visible_logits(text, tokens, logits)
        best = int(np.argmax(seen))
        if seen[best] <= FLOOR:
            return None
        return _whole_words(text, int(tokens.offsets[best][0]), int(tokens.offsets[best][1]))

    def save(self, folder: Path) -> list[Path]:
        """Write ``loaded_language.npz`` (weights) and ``.json`` (thresholds, meta)."""
        folder.mkdir(parents=True, exist_ok=True)
        weights = folder / f"{STEM}.npz"
        arrays: dict[str, np.ndarray] = {
            "weights": self.weights.astype(np.float32),
            "bias": np.asarray(self.bias, dtype=np.float32),
            "sentence_weights": self.sentence_weights.astype(np.float32),
            "sentence_bias": np.asarray(self.sentence_bias, dtype=np.float32),
            "unknown_position": self.unknown_position.astype(np.float32),
        }
        if self.hidden_weights is not None and self.hidden_bias is not None:
            arrays["hidden_weights"] = self.hidden_weights.astype(np.float32)
            arrays["hidden_bias"] = self.hidden_bias.astype(np.float32)
        np.savez_compressed(weights, allow_pickle=False, **arrays)
        card = folder / f"{STEM}.json"
        card.write_text(
            json.dumps(
                {
                    "threshold": round(float(self.threshold), 4),
                    "extend": round(float(self.extend), 4),
                    "sentence_features": list(SENTENCE_FEATURES),
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
            ConfigError: the files are missing or from an older head (run
                ``parallax-dev train techniques``).
        """
        folder = folder or models_dir()
        try:
            card = json.loads((folder / f"{STEM}.json").read_text(encoding="utf-8"))
            with np.load(folder / f"{STEM}.npz") as arrays:
                head = cls(
                    weights=arrays["weights"].astype(np.float32),
                    bias=float(arrays["bias"]),
                    sentence_weights=arrays["sentence_weights"].astype(np.float32),
                    sentence_bias=float(arrays["sentence_bias"]),
                    unknown_position=arrays["unknown_position"].astype(np.float32),
                    threshold=float(card["threshold"]),
                    extend=float(card["extend"]),
                    meta=dict(card.get("meta", {})),
                    hidden_weights=(
                        arrays["hidden_weights"].astype(np.float32)
                        if "hidden_weights" in arrays
                        else None
                    ),
                    hidden_bias=(
                        arrays["hidden_bias"].astype(np.float32)
                        if "hidden_bias" in arrays
                        else None
                    ),
                )
        except FileNotFoundError as exc:
            raise ConfigError(
                f"the loaded-language head is missing ({exc.filename}); regenerate it with "
                "`parallax-dev train techniques`"
            ) from None
        except KeyError as exc:
            raise ConfigError(
                f"the loaded-language head in {folder} lacks {exc}; it is from an older "
                "version, regenerate it with `parallax-dev train techniques`"
            ) from None
        return head


FLOOR = -10.0
"""The logit a piece no reader could see as loaded is given (an empty sentence's summary)."""


def visible_logits(text: str, tokens: TokenStates, logits: np.ndarray) -> np.ndarray:
    """``logits`` with the pieces of function words and punctuation set to :data:`FLOOR`.

    A loaded phrase is carried by content words ("stinging blow", "bogus"); when the piece
    unit's highest piece is "the", "of" or a comma, it is not reading a charge a reader can
    see. Which words are function words is spaCy's English stop list, a general resource.
    """
    if not len(logits):
        return logits
    shown = logits.copy()
    for index, (start, end) in enumerate(tokens.offsets[: len(logits)]):
        a, b = _whole_words(text, int(start), int(end))
        piece, word = text[int(start) : int(end)], text[a:b].lower()
        if not any(ch.isalpha() for ch in piece) or word in STOP_WORDS:
            shown[index] = FLOOR
    return shown


def datelined(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(index, dateline length) of each text that opens with a dateline.

    The head reads such a text from the first word after its dateline. A dateline is where
    the report was filed, never the writer's wording, yet it lifts the head's reading of
    the sentence it opens: on invented wire ledes, "PHOENIX (Wire) — " raised the
    probability of a plain lede by 0.03 to 0.10, over the threshold for words no reader
    calls loaded ("storm", "swelled"), because the piece unit reads every piece in the
    context of the others and BASIL's ledes seldom open with an agency's dateline.
    """
    return [(i, n) for i, text in enumerate(texts) if (n := dateline_length(text))]


def shifted(tokens: TokenStates, by: int) -> TokenStates:
    """``tokens`` of a text's tail read as offsets into the whole text (``by`` characters on)."""
    return TokenStates(tokens.states, tokens.offsets + np.int32(by))


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
