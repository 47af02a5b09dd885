"""Sentence vectors and word-piece states of data-set texts, cached between runs.

Cross-validating span heads reads the same token states many times, and encoding BASIL's
5,243 sentences takes minutes on a shared machine; the cache key hashes the texts, the
encoder's name and its precision, so changed data never reads stale states.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from parallax.encoder import MODEL_NAME, TokenStates, shared_encoder
from parallax.persuasion.loaded import datelined, shifted
from parallax_dev.cache_files import write_atomically


def cache_dir() -> Path:
    """``$PARALLAX_CACHE/tokens`` (default ``.cache/tokens`` in the working folder)."""
    return Path(os.environ.get("PARALLAX_CACHE", ".cache")) / "tokens"


def cached_tokens(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenStates]]:
    """Sentence vectors and token states of ``texts``, from the cache when it has them."""
    encoder = shared_encoder()
    digest = hashlib.sha256(f"{MODEL_NAME}/{encoder.precision}".encode())
    for text in texts:
        digest.update(text.encode("utf-8", "replace") + b"\x00")
    path = cache_dir() / f"{digest.hexdigest()[:24]}.npz"
    if path.exists():
        with np.load(path) as stored:
            vectors, states = stored["vectors"], stored["states"].astype(np.float32)
            offsets, bounds = stored["offsets"], stored["bounds"]
        tokens = [TokenStates(states[a:b], offsets[a:b]) for a, b in itertools.pairwise(bounds)]
        return vectors, tokens
    vectors, tokens = encoder.encode_with_tokens(list(texts))
    bounds = np.cumsum([0] + [len(t.states) for t in tokens])
    write_atomically(
        path,
        lambda stream: np.savez(
            stream,
            vectors=vectors,
            states=np.concatenate([t.states for t in tokens]).astype(np.float16),
            offsets=np.concatenate([t.offsets for t in tokens]),
            bounds=bounds,
        ),
    )
    return vectors, tokens


def head_tokens(texts: Sequence[str]) -> tuple[np.ndarray, list[TokenStates]]:
    """:func:`cached_tokens`, with a text opening with a dateline read as the pipeline does.

    The embed step gives the loaded-language head the word pieces of a datelined sentence
    read without its dateline (offsets still into the whole text); the vectors stay the
    whole texts'.
    """
    vectors, tokens = cached_tokens(texts)
    cuts = datelined(texts)
    if cuts:
        _, tails = cached_tokens([texts[i][n:] for i, n in cuts])
        tokens = list(tokens)
        for (i, n), tail in zip(cuts, tails, strict=True):
            tokens[i] = shifted(tail, n)
    return vectors, tokens
