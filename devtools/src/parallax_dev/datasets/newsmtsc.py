"""NewsMTSC as training and selection data for the target-sentiment model.

Each (sentence, target) pair is one example; the sentence is encoded once by the shared
encoder (:meth:`parallax.encoder.SentenceEncoder.encode_with_states`, the very call the
pipeline's embed step makes) and its token states are cached under ``.cache/portrayal`` so
that training runs and evaluations after the first do not encode again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parallax.encoder import MODEL_NAME, STATE_LAYER, LayerStates, shared_encoder
from parallax.portrayal.target_sentiment import LABELS, Query, target_mask
from parallax_dev.cache_files import write_atomically

SPLITS = {"train": "train.jsonl", "dev_rw": "dev_rw.jsonl", "dev_mt": "dev_mt.jsonl"}
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


@dataclass(frozen=True)
class Split:
    """One file's examples: model queries and gold class indices (into :data:`LABELS`)."""

    name: str
    queries: list[Query]
    labels: np.ndarray


def cache_dir() -> Path:
    """Where portrayal's training and evaluation keep encoder states between runs."""
    return Path(os.environ.get("PARALLAX_CACHE", ".cache")) / "portrayal"


def folder(shared: Path) -> Path:
    """The NewsMTSC folder inside ``shared``, or an error that says what to pass."""
    path = shared / "datasets" / "newsmtsc_target_sentiment"
    if not path.is_dir():
        raise FileNotFoundError(
            f"{path} is missing; pass --shared pointing at the folder that holds datasets/"
        )
    return path


def _states(texts: list[str], cache: Path) -> list[LayerStates]:
    encoder = shared_encoder()
    digest = hashlib.sha256(
        f"{MODEL_NAME}|{STATE_LAYER}|{encoder.precision}|{LayerStates.__name__}".encode()
    )
    for text in texts:
        digest.update(text.encode("utf-8", "replace") + b"\x00")
    path = cache / f"states-{digest.hexdigest()[:16]}.pickle"
    if path.is_file():
        with path.open("rb") as handle:
            cached: list[LayerStates] = pickle.load(handle)
            return cached
    _, states = encoder.encode_with_states(texts, threads=1)
    write_atomically(path, lambda stream: pickle.dump(states, stream))
    return states


def load_split(shared: Path, name: str, cache: Path) -> Split:
    """The examples of one split (``train``, ``dev_rw`` or ``dev_mt``)."""
    with (folder(shared) / SPLITS[name]).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    states = _states([r["sentence_normalized"] for r in rows], cache)
    queries: list[Query] = []
    labels: list[int] = []
    for row, encoded in zip(rows, states, strict=True):
        for target in row["targets"]:
            label = POLARITY.get(float(target["polarity"]))
            mask = target_mask(encoded.offsets, int(target["from"]), int(target["to"]))
            if label is None or not mask.any():
                continue  # the target lies beyond the encoder's 256 word pieces
            queries.append(Query(encoded.states, mask))
            labels.append(LABELS.index(label))
    return Split(name, queries, np.asarray(labels, dtype=np.int64))


def macro_f1(gold: np.ndarray, predicted: np.ndarray, classes: int = len(LABELS)) -> float:
    """Mean over classes of F1 (a class absent from both gold and predictions scores 0)."""
    scores = []
    for label in range(classes):
        tp = int(((gold == label) & (predicted == label)).sum())
        denominator = int((gold == label).sum() + (predicted == label).sum())
        scores.append(2 * tp / denominator if denominator else 0.0)
    return float(np.mean(scores))
