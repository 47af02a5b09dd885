"""Training the frame head: GVFC's framed headlines, read and fit (``parallax-dev train frames``).

The head itself, and how the pipeline reads it, live in :mod:`parallax.framing.frames`; only
fitting it needs scikit-learn's solver and the dataset, so those stay out of the package.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from parallax.framing.frames import FrameHead, head_features
from parallax.framing.taxonomy import GVFC


def fit_head(texts: Sequence[str], vectors: np.ndarray, labels: Sequence[str]) -> FrameHead:
    """Fit a :class:`FrameHead` on labelled texts."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=3.0, max_iter=3000)
    model.fit(head_features(texts, vectors), list(labels))
    return FrameHead(
        [str(c) for c in model.classes_],
        model.coef_.astype(np.float32),
        model.intercept_.astype(np.float32),
    )


def load_gvfc(shared: Path) -> tuple[list[str], list[str]]:
    """GVFC headlines with a frame, and their first theme mapped to our frames."""
    path = shared / "datasets" / "gvfc" / "GVFC_extension_multimodal.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the data folder")
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Q3 Theme1"] in GVFC]
    return [r["headline"] for r in rows], [GVFC[r["Q3 Theme1"]] for r in rows]
