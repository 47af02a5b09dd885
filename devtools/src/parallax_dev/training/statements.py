"""Train the check-worthiness and subjectivity heads from ``../shared/datasets``.

``parallax-dev train statements`` runs :func:`train_all`: for each task it fits logistic
regression on the training split's ``[embedding, lexical features]`` rows for a few
regularisation strengths, keeps the one whose best-threshold score on the dev split is
highest, and stores its weights with that threshold. The test splits are never read here.
Fixed solver, fixed data order and no random initialisation make the result
deterministic: the same data give the same files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parallax.statements.features import FEATURE_NAMES, lexical_features
from parallax.statements.heads import Head
from parallax_dev.datasets.statements import (
    LabelledSentences,
    cached_vectors,
    load_checkworthiness,
    load_subjectivity,
)
from parallax_dev.paths import default_models_dir

THRESHOLDS = tuple(round(0.2 + 0.02 * i, 2) for i in range(31))
"""Decision thresholds tried on dev (0.20 to 0.80)."""


@dataclass(frozen=True)
class Task:
    """One head to train: its data, its metric and whether classes are re-weighted."""

    name: str
    load: Callable[[Path, str], LabelledSentences]
    metric: str  # "positive_f1" or "macro_f1"
    balanced: bool
    regularisation: tuple[float, ...]
    tuning_splits: tuple[str, ...] = ("dev",)


TASKS = (
    # The 2023 test set (the 2024 "dev-test") is a tuning split here, as the task intends:
    # its debates are closer in time to the 2024 test than the dev split's.
    Task(
        "checkworthiness",
        load_checkworthiness,
        "positive_f1",
        balanced=False,
        regularisation=(0.1, 1.0),
        tuning_splits=("dev", "dev-test"),
    ),
    Task(
        "subjectivity",
        load_subjectivity,
        "macro_f1",
        balanced=True,
        regularisation=(0.01, 0.03, 0.1),
    ),
)
"""The heads; ``regularisation`` is scikit-learn's ``C`` (inverse strength) tried on dev."""


def rows_for(split: LabelledSentences, cache_dir: Path | None = None) -> np.ndarray:
    """The head's input rows for a split: shared-encoder vectors plus lexical features."""
    return np.hstack([cached_vectors(split.texts, cache_dir), lexical_features(split.texts)])


def score(labels: np.ndarray, predicted: np.ndarray, metric: str) -> float:
    """Positive-class F1 or macro-F1 of binary predictions."""
    from sklearn.metrics import f1_score

    average = "binary" if metric == "positive_f1" else "macro"
    return float(f1_score(labels, predicted, average=average, zero_division=0))


def best_threshold(
    labels: np.ndarray, probabilities: np.ndarray, metric: str
) -> tuple[float, float]:
    """The threshold in :data:`THRESHOLDS` with the best score (ties: closest to 0.5)."""
    scored = [
        (score(labels, (probabilities >= t).astype(np.int8), metric), -abs(t - 0.5), t)
        for t in THRESHOLDS
    ]
    best, _, threshold = max(scored)
    return threshold, best


def train_head(task: Task, shared: Path, cache_dir: Path | None = None) -> Head:
    """Fit, select on dev and return one head (nothing is written)."""
    from sklearn.linear_model import LogisticRegression

    train = task.load(shared, "train")
    tuning = [task.load(shared, split) for split in task.tuning_splits]
    dev = LabelledSentences(
        "+".join(t.name for t in tuning),
        [text for t in tuning for text in t.texts],
        np.concatenate([t.labels for t in tuning]),
    )
    x_train, x_dev = rows_for(train, cache_dir), rows_for(dev, cache_dir)
    mean = x_train.mean(axis=0)
    scale = x_train.std(axis=0) + 1e-6
    z_train, z_dev = (x_train - mean) / scale, (x_dev - mean) / scale
    candidates = []
    for c in task.regularisation:
        model = LogisticRegression(
            C=c,
            max_iter=1000,
            class_weight="balanced" if task.balanced else None,
        )
        model.fit(z_train, train.labels)
        probabilities = model.predict_proba(z_dev)[:, 1]
        threshold, dev_score = best_threshold(dev.labels, probabilities, task.metric)
        candidates.append((dev_score, -c, threshold, model))
    dev_score, neg_c, threshold, model = max(candidates, key=lambda item: item[:2])
    weight = model.coef_.T.astype(np.float32)
    bias = model.intercept_.astype(np.float32)
    digest = hashlib.sha256(weight.tobytes() + bias.tobytes()).hexdigest()[:12]
    return Head(
        name=task.name,
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        weights=(weight,),
        biases=(bias,),
        threshold=threshold,
        metadata={
            "digest": digest,
            "model": "logistic regression (scikit-learn lbfgs), standardised inputs",
            "inputs": f"all-MiniLM-L6-v2 sentence vector (384) + lexical features "
            f"({len(FEATURE_NAMES)}: {', '.join(FEATURE_NAMES)})",
            "trained_on": f"{train.name} ({len(train.texts)} sentences, "
            f"{train.positives} positive)",
            "tuned_on": f"{dev.name} ({len(dev.texts)} sentences)",
            "regularisation_C": -neg_c,
            "class_weight": "balanced" if task.balanced else "none",
            "dev_score": round(dev_score, 4),
            "metric": task.metric,
            "command": "parallax-dev train statements",
        },
    )


def train_all(shared: Path, out: Path | None = None, cache_dir: Path | None = None) -> list[Path]:
    """Train every head, write the files into ``out`` and return their paths."""
    folder = out or default_models_dir()
    written: list[Path] = []
    for task in TASKS:
        written += train_head(task, shared, cache_dir).save(folder)
    return written
