"""Small classifier heads over the shared sentence embeddings, stored as plain numpy arrays.

A head is a standardiser plus a stack of dense layers (one layer: logistic regression;
more: a small multi-layer perceptron with ReLU) ending in one logit, and a decision
threshold tuned on the dev split. The weights live in ``.npz`` files beside a JSON
description in :mod:`parallax.models`: numpy arrays load the same in any numpy version, unlike
pickled scikit-learn objects, and inference is a few matrix products.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import numpy as np

from parallax.errors import ConfigError

MODELS_PACKAGE = "parallax.models"


@dataclass(frozen=True)
class Head:
    """A trained binary classifier over ``[embedding, lexical features]`` rows.

    Attributes:
        name: file stem under :mod:`parallax.models` (``checkworthiness``, ``subjectivity``).
        mean, scale: the standardiser fitted on the training rows.
        weights, biases: dense layers; ReLU between them, a sigmoid after the last.
        threshold: the probability at or above which the label is positive (tuned on dev).
        metadata: how the head was trained (data, seed, scores on dev), for the record.
    """

    name: str
    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    threshold: float
    metadata: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The positive-class probability of each row."""
        hidden = (np.asarray(rows, dtype=np.float32) - self.mean) / self.scale
        for i, (weight, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            hidden = hidden @ weight + bias
            if i < len(self.weights) - 1:
                hidden = np.maximum(hidden, 0.0)
        logits = np.clip(hidden[:, 0], -30.0, 30.0)
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """1 where the probability reaches the tuned threshold, else 0."""
        return (self.probabilities(rows) >= self.threshold).astype(np.int8)

    def save(self, folder: Path) -> list[Path]:
        """Write ``<name>.npz`` and ``<name>.json`` into ``folder``; return both paths."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {"mean": self.mean, "scale": self.scale}
        for i, (weight, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            arrays[f"weight{i}"] = weight.astype(np.float32)
            arrays[f"bias{i}"] = bias.astype(np.float32)
        npz = folder / f"{self.name}.npz"
        with npz.open("wb") as handle:
            cast(Any, np.savez_compressed)(handle, **arrays)
        description = {
            "name": self.name,
            "layers": len(self.weights),
            "threshold": round(float(self.threshold), 6),
            **self.metadata,
        }
        meta = folder / f"{self.name}.json"
        meta.write_text(json.dumps(description, indent=2, sort_keys=True) + "\n", "utf-8")
        return [npz, meta]


def read_head(folder: Path | Any, name: str) -> Head:
    """Read the head ``name`` from ``folder`` (a path or an importlib resource folder).

    Raises:
        ConfigError: the files are missing or unreadable.
    """
    try:
        meta = json.loads((folder / f"{name}.json").read_text("utf-8"))
        with (folder / f"{name}.npz").open("rb") as handle:
            arrays = dict(np.load(handle))
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"the trained head {name!r} could not be read from {folder} ({exc}); "
            "regenerate it with `parallax-dev train statements`"
        ) from exc
    layers = int(meta["layers"])
    return Head(
        name=name,
        mean=arrays["mean"],
        scale=arrays["scale"],
        weights=tuple(arrays[f"weight{i}"] for i in range(layers)),
        biases=tuple(arrays[f"bias{i}"] for i in range(layers)),
        threshold=float(meta["threshold"]),
        metadata={k: v for k, v in meta.items() if k not in {"name", "layers", "threshold"}},
    )


@lru_cache(maxsize=8)
def bundled_head(name: str) -> Head:
    """The committed head ``name`` from the installed package, loaded once per process."""
    return read_head(resources.files(MODELS_PACKAGE), name)
