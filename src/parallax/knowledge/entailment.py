"""The entailment step: does an evidence sentence support, contradict, or not decide a claim?

A small classifier over features of the pair, trained by ``parallax-dev train entailment`` on
SICK and Climate-FEVER (see ``parallax_dev.training.entailment`` in ``devtools/``):

- the shared MiniLM sentence embeddings ``u`` (premise) and ``v`` (hypothesis), combined as
  ``[u, v, |u - v|, u * v]`` (the InferSent recipe), so the model sees both sentences and
  where they differ;
- lexical features that embeddings blur: a negation in one sentence and not the other,
  numbers in the claim that the evidence does not contain, antonym pairs across the two,
  word overlap in both directions, and the embedding cosine.

The weights are a few hundred kilobytes of numpy arrays in ``parallax/models/entailment.npz``;
prediction needs numpy only (plus the shared encoder for the embeddings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ConfigError

LABELS = ("entailment", "contradiction", "neutral")
"""The entailment labels, in the order of every score vector."""

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "entailment.npz"

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "nowhere", "without"}
    | {"n't", "cannot", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't"}
    | {"won't", "wouldn't", "can't", "couldn't", "hasn't", "haven't", "hadn't", "shouldn't"}
)
_ANTONYM_PAIRS = (
    "increase decrease|rise fall|rising falling|rose fell|more less|most least|higher lower"
    "|high low|up down|gain loss|win lose|won lost|winner loser|warm cool|warmer cooler"
    "|warming cooling|hot cold|big small|large small|long short|open closed|open shut"
    "|join leave|joined left|enter exit|accept reject|accepted rejected|support oppose"
    "|supported opposed|allow forbid|before after|first last|start end|began ended|begin end"
    "|man woman|men women|boy girl|inside outside|in out|on off|sit stand|sitting standing"
    "|full empty|fast slow|young old|new old|true false|alive dead|present absent"
    "|include exclude|always never|all none|everyone nobody|same different|agree disagree"
    "|peace war|ally enemy|legal illegal|signed withdrew|member outsider|strong weak"
    "|expand shrink|expanded shrank|positive negative|success failure|safe dangerous"
)
ANTONYMS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split()) for pair in _ANTONYM_PAIRS.split("|")
)
LEXICAL_FEATURES = (
    "negation_mismatch",
    "negations_premise",
    "negations_hypothesis",
    "hypothesis_numbers_missing",
    "numbers_shared",
    "antonym_pairs",
    "hypothesis_words_in_premise",
    "premise_words_in_hypothesis",
    "jaccard",
    "cosine",
    "length_ratio",
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def lexical_features(premise: str, hypothesis: str, cosine: float) -> np.ndarray:
    """The :data:`LEXICAL_FEATURES` of one pair, as float32."""
    p_words, h_words = _words(premise), _words(hypothesis)
    p_set, h_set = set(p_words), set(h_words)
    neg_p = sum(w in NEGATIONS or w.endswith("n't") for w in p_words)
    neg_h = sum(w in NEGATIONS or w.endswith("n't") for w in h_words)
    p_nums, h_nums = _numbers(premise), _numbers(hypothesis)
    antonyms = sum(1 for a in p_set - h_set for b in h_set - p_set if frozenset((a, b)) in ANTONYMS)
    union = p_set | h_set
    return np.array(
        [
            float((neg_p > 0) != (neg_h > 0)),
            min(neg_p, 3) / 3,
            min(neg_h, 3) / 3,
            float(bool(h_nums - p_nums)),
            float(bool(h_nums & p_nums)),
            min(antonyms, 3) / 3,
            len(h_set & p_set) / len(h_set) if h_set else 0.0,
            len(h_set & p_set) / len(p_set) if p_set else 0.0,
            len(h_set & p_set) / len(union) if union else 0.0,
            cosine,
            min(len(h_words) / max(len(p_words), 1), 3.0) / 3,
        ],
        dtype=np.float32,
    )


def pair_features(
    premises: Sequence[str], hypotheses: Sequence[str], u: np.ndarray, v: np.ndarray
) -> np.ndarray:
    """Feature rows ``[u, v, |u-v|, u*v, lexical]`` for aligned premises and hypotheses."""
    if not (len(premises) == len(hypotheses) == len(u) == len(v)):
        raise ValueError("premises, hypotheses and both embedding arrays must align")
    cosines = np.einsum("ij,ij->i", u, v)
    lexical = (
        np.stack(
            [
                lexical_features(p, h, float(c))
                for p, h, c in zip(premises, hypotheses, cosines, strict=True)
            ]
        )
        if len(premises)
        else np.zeros((0, len(LEXICAL_FEATURES)), dtype=np.float32)
    )
    return np.hstack([u, v, np.abs(u - v), u * v, lexical]).astype(np.float32)


@dataclass(frozen=True)
class EntailmentModel:
    """A standardised multilayer perceptron (or, with no hidden layer, logistic regression).

    Attributes:
        mean: per-feature mean subtracted before the first layer.
        scale: per-feature standard deviation the features are divided by.
        weights: one matrix per layer; ReLU between layers, softmax at the end.
        biases: one vector per layer.
        info: what it was trained on and how it scored (kept with the weights).
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    info: dict[str, Any]

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Probabilities over :data:`LABELS`, one row per feature row."""
        x = (features - self.mean) / self.scale
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            x = x @ w + b
            if i < len(self.weights) - 1:
                x = np.maximum(x, 0.0)
        x = x - x.max(axis=1, keepdims=True)
        e = np.exp(x)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)

    def save(self, path: Path) -> None:
        """Write the weights as a compressed ``.npz`` (float16 to stay small)."""
        import json

        arrays: dict[str, Any] = {
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "info": np.array(json.dumps(self.info)),
        }
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            arrays[f"w{i}"] = w.astype(np.float16)
            arrays[f"b{i}"] = b.astype(np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> EntailmentModel:
        """Read weights written by :meth:`save`.

        Raises:
            ConfigError: the file is missing or not an entailment model.
        """
        import json

        if not path.is_file():
            raise ConfigError(
                f"no entailment model at {path}; run `parallax-dev train entailment` to create it"
            )
        try:
            with np.load(path, allow_pickle=False) as data:
                layers = sorted(int(k[1:]) for k in data.files if k.startswith("w"))
                return cls(
                    mean=data["mean"],
                    scale=data["scale"],
                    weights=tuple(data[f"w{i}"].astype(np.float32) for i in layers),
                    biases=tuple(data[f"b{i}"] for i in layers),
                    info=json.loads(str(data["info"])),
                )
        except (KeyError, ValueError, OSError) as exc:
            raise ConfigError(f"{path} is not an entailment model ({exc})") from None


@lru_cache(maxsize=1)
def default_model() -> EntailmentModel:
    """The bundled model (loaded once per process)."""
    return EntailmentModel.load(MODEL_PATH)


def judge_many(
    pairs: Sequence[tuple[str, str]], model: EntailmentModel | None = None
) -> list[dict[str, Any]]:
    """Judge many (premise, hypothesis) pairs in one encoder pass.

    Returns:
        One ``{"label": "entailment"|"contradiction"|"neutral", "scores": {label: p}}`` per
        pair, in order.
    """
    if not pairs:
        return []
    from parallax.encoder import encode

    model = model or default_model()
    premises = [p for p, _ in pairs]
    hypotheses = [h for _, h in pairs]
    vectors = encode([*premises, *hypotheses])
    u, v = vectors[: len(pairs)], vectors[len(pairs) :]
    probs = model.predict_proba(pair_features(premises, hypotheses, u, v))
    return [
        {
            "label": LABELS[int(row.argmax())],
            "scores": {label: round(float(p), 4) for label, p in zip(LABELS, row, strict=True)},
        }
        for row in probs
    ]


def judge(premise: str, hypothesis: str, model: EntailmentModel | None = None) -> dict[str, Any]:
    """Whether ``premise`` entails, contradicts or is neutral towards ``hypothesis``.

    >>> judge("NATO has 32 members.", "NATO has 30 members.")["label"]  # doctest: +SKIP
    'contradiction'
    """
    return judge_many([(premise, hypothesis)], model)[0]
