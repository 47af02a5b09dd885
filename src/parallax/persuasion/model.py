"""The techniques model: one logistic head per technique, with a tuned threshold each.

The weights are a plain matrix in ``models/techniques.npz`` and the label names and
thresholds in ``models/techniques.json``, both written by ``parallax-dev train techniques``;
inference is one matrix product, with no pickled estimator to trust or version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ConfigError
from parallax.models import models_dir
from parallax.persuasion.features import feature_matrix

MODEL_STEM = "techniques"


@dataclass
class TechniquesModel:
    """Per-technique logistic heads over :func:`parallax.persuasion.features.feature_matrix`.

    Attributes:
        labels: technique names, one per head.
        weights: (heads, features) float32.
        bias: (heads,) float32.
        thresholds: (heads,) probability above which a head says yes.
        meta: how the model was trained (data, scores), kept with the weights.
    """

    labels: list[str]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    meta: dict[str, Any]

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Return (texts, heads) probabilities."""
        if not len(texts):
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        logits = feature_matrix(texts, vectors) @ self.weights.T + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)

    def predict(self, texts: Sequence[str], vectors: np.ndarray) -> list[list[tuple[str, float]]]:
        """Return, per text, the techniques whose probability passes their threshold."""
        probabilities = self.probabilities(texts, vectors)
        return [
            [
                (name, float(p))
                for name, p, t in zip(self.labels, row, self.thresholds, strict=True)
                if p >= t
            ]
            for row in probabilities
        ]

    def save(self, folder: Path, stem: str = MODEL_STEM) -> list[Path]:
        """Write ``<stem>.npz`` (weights) and ``<stem>.json`` (labels, thresholds, meta)."""
        folder.mkdir(parents=True, exist_ok=True)
        weights = folder / f"{stem}.npz"
        np.savez_compressed(
            weights, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32)
        )
        card = folder / f"{stem}.json"
        card.write_text(
            json.dumps(
                {
                    "labels": self.labels,
                    "thresholds": [round(float(t), 4) for t in self.thresholds],
                    "meta": self.meta,
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        return [weights, card]

    @classmethod
    def load(cls, folder: Path | None = None, stem: str = MODEL_STEM) -> TechniquesModel:
        """Read the weights written by :meth:`save`.

        Raises:
            ConfigError: the files are missing (run ``parallax-dev train techniques``).
        """
        folder = folder or models_dir()
        try:
            card = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
            with np.load(folder / f"{stem}.npz") as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = arrays["bias"].astype(np.float32)
        except FileNotFoundError as exc:
            raise ConfigError(
                f"the {stem} model is missing ({exc.filename}); regenerate it with "
                f"`parallax-dev train {stem}`"
            ) from None
        return cls(
            labels=list(card["labels"]),
            weights=weights,
            bias=bias,
            thresholds=np.asarray(card["thresholds"], dtype=np.float32),
            meta=dict(card.get("meta", {})),
        )


@lru_cache(maxsize=1)
def bundled_model() -> TechniquesModel:
    """The committed techniques model, loaded once per process."""
    return TechniquesModel.load()
