"""Training the target-sentiment model: the top two encoder layers, a marker and a classifier.

The two layers start as all-MiniLM-L6-v2's own fifth and sixth layers, the target marker at
zero and the classifier at random; all are trained on NewsMTSC train with cross-entropy,
and the epoch with the best macro-F1 on NewsMTSC's two dev files together is kept. The loss
weighs the classes by their inverse frequency (the measure is macro-F1, and positive is the
rarest class), and at the end two offsets on the negative and positive logits are chosen on
the same dev files (a grid over [-1, 1]) and folded into the classifier's bias. Runs on the
CPU with one torch thread by default: the machines this project trains on are shared.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import torch

from parallax.encoder import STATE_LAYER
from parallax.portrayal.target_sentiment import (
    LABELS,
    TUNED_LAYERS,
    TargetModel,
    batch_tensors,
    predict,
    save,
    starting_point,
)
from parallax_dev.datasets.newsmtsc import Split, load_split, macro_f1

EPOCHS = 4
BATCH = 32
LAYER_RATE = 6e-5
HEAD_RATE = 1e-3
SEED = 7
"""Chosen on the dev files between two finished runs: seed 13 reached 0.748 pooled, seed 7
0.751 (float32); a run with seed 21 was stopped for time after one epoch."""


@dataclass
class Result:
    """Dev macro-F1 per epoch and of the kept epoch, per dev file and pooled."""

    epochs: list[dict[str, float]]
    best_epoch: int
    dev: dict[str, float]


def evaluate(model: TargetModel, splits: list[Split]) -> dict[str, float]:
    """Macro-F1 on each split and on all of them pooled."""
    scores: dict[str, float] = {}
    golds, predictions = [], []
    for split in splits:
        predicted = predict(split.queries, model).argmax(1)
        scores[split.name] = round(macro_f1(split.labels, predicted), 4)
        golds.append(split.labels)
        predictions.append(predicted)
    scores["pooled"] = round(macro_f1(np.concatenate(golds), np.concatenate(predictions)), 4)
    return scores


def calibrate(model: TargetModel, splits: list[Split]) -> tuple[float, float]:
    """Offsets on the negative and positive logits that maximise pooled dev macro-F1.

    Folded into the classifier's bias in place; returns the offsets chosen.
    """
    logits = []
    for split in splits:
        probabilities = predict(split.queries, model)
        logits.append(np.log(np.clip(probabilities, 1e-9, 1.0)))
    scores, gold = np.concatenate(logits), np.concatenate([s.labels for s in splits])
    grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
    best = (macro_f1(gold, scores.argmax(1)), 0.0, 0.0)
    for negative in grid:
        for positive in grid:
            shifted = scores + np.array([negative, 0.0, positive])
            found = macro_f1(gold, shifted.argmax(1))
            if found > best[0] + 1e-9:
                best = (found, float(negative), float(positive))
    with torch.no_grad():
        model.classify.bias += torch.tensor([best[1], 0.0, best[2]])
    return best[1], best[2]


def train(
    shared: Path,
    out: Path,
    cache: Path,
    epochs: int = EPOCHS,
    threads: int = 1,
    seed: int = SEED,
) -> Result:
    """Train, keep the best dev epoch, and write the weights and metadata into ``out``."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    random.seed(seed)
    train_split = load_split(shared, "train", cache)
    dev = [load_split(shared, "dev_rw", cache), load_split(shared, "dev_mt", cache)]
    model = starting_point()
    head = [model.marker, *model.classify.parameters()]
    optimiser = torch.optim.AdamW(
        [
            {"params": model.blocks.parameters(), "lr": LAYER_RATE},
            {"params": head, "lr": HEAD_RATE},
        ],
        weight_decay=0.01,
    )
    steps = epochs * ((len(train_split.queries) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, step / (0.06 * steps)) * max(0.0, 1 - step / steps)
    )
    # Batches of similar length waste little on padding; their order is shuffled.
    order = sorted(
        range(len(train_split.queries)), key=lambda i: len(train_split.queries[i].target)
    )
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    labels = torch.from_numpy(train_split.labels)
    counts = np.bincount(train_split.labels, minlength=len(LABELS)).astype(np.float32)
    class_weights = torch.from_numpy(counts.sum() / (len(LABELS) * counts))
    history: list[dict[str, float]] = []
    best: tuple[float, int, dict[str, Any], dict[str, float]] | None = None
    for epoch in range(1, epochs + 1):
        model.train()
        random.shuffle(batches)
        started, total = time.time(), 0.0
        for rows in batches:
            states, mask, target = batch_tensors([train_split.queries[i] for i in rows])
            loss = torch.nn.functional.cross_entropy(
                model(states, mask, target), labels[rows], weight=class_weights
            )
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(rows)
        model.eval()
        scores = evaluate(model, dev)
        scores["epoch"] = epoch
        scores["train_loss"] = round(total / len(train_split.queries), 4)
        scores["seconds"] = round(time.time() - started, 1)
        history.append(scores)
        print(scores, flush=True)
        if best is None or scores["pooled"] > best[0]:
            state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            best = (scores["pooled"], epoch, state, scores)
    assert best is not None
    model.load_state_dict(best[2])
    model.eval()
    offsets = calibrate(model, dev)
    calibrated = evaluate(model, dev)
    print({"calibrated": calibrated, "offsets": offsets}, flush=True)
    dev_scores = {k: calibrated[k] for k in ("dev_rw", "dev_mt", "pooled")}
    save(
        model,
        out,
        {
            "name": "target_sentiment",
            "command": "parallax-dev train portrayal",
            "model": (
                f"all-MiniLM-L6-v2 layers {STATE_LAYER + 1}-{STATE_LAYER + TUNED_LAYERS} "
                "fine-tuned over the shared states after layer "
                f"{STATE_LAYER}, a learned target marker, linear classifier over the "
                "mean target and mean sentence states"
            ),
            "labels": list(LABELS),
            "trained_on": f"NewsMTSC train ({len(train_split.queries)} targets)",
            "tuned_on": (
                "NewsMTSC dev_rw + dev_mt (epoch with the best pooled macro-F1, then "
                "negative/positive logit offsets)"
            ),
            "logit_offsets": {"negative": offsets[0], "positive": offsets[1]},
            "dev_score_before_offsets": {k: best[3][k] for k in ("dev_rw", "dev_mt", "pooled")},
            "class_weights": "inverse frequency",
            "metric": "macro_f1",
            "dev_score": dev_scores,
            "epochs": epochs,
            "best_epoch": best[1],
            "learning_rates": {"layers": LAYER_RATE, "head": HEAD_RATE},
            "batch": BATCH,
            "seed": seed,
            "trained": date.today().isoformat(),
            "precision": "float16 weights",
        },
    )
    return Result(history, best[1], dev_scores)
