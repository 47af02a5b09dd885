"""Sentence embeddings of dataset texts, cached on disk between training and evaluation runs.

Encoding a data set with the shared MiniLM takes minutes on a small machine; training,
tuning and evaluating read the same texts many times. The cache key is a hash of the texts
and the model name, so a changed data set or encoder never reads stale vectors.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from parallax.encoder import MODEL_NAME, encode
from parallax_dev.cache_files import write_atomically


def cache_dir() -> Path:
    """The cache folder: ``$PARALLAX_CACHE`` or ``.cache/embeddings`` in the working folder."""
    return Path(os.environ.get("PARALLAX_CACHE", ".cache")) / "embeddings"


def cached_encode(texts: Sequence[str]) -> np.ndarray:
    """Encode ``texts`` with the shared encoder, reusing an earlier run's vectors if any."""
    digest = hashlib.sha256(MODEL_NAME.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "replace") + b"\x00")
    path = cache_dir() / f"{digest.hexdigest()[:24]}.npy"
    if path.exists():
        vectors: np.ndarray = np.load(path)
        if vectors.shape[0] == len(texts):
            return vectors
    vectors = encode(list(texts))
    write_atomically(path, lambda stream: np.save(stream, vectors))
    return vectors
