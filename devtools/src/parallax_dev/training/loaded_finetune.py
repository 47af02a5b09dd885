"""Experiment: fine-tune the encoder's top layer(s) on BASIL to find loaded-language sentences.

The shipped loaded-language head (:mod:`parallax_dev.techniques.loaded_training`) reads
frozen all-MiniLM-L6-v2 states and reaches about 0.23 precision at recall 0.30 on BASIL's
lexical-bias sentences. This measures the one direction it left open: letting the encoder's
top layer(s) learn from BASIL. The embed step already keeps each sentence's states after
layer 4 (:data:`parallax.encoder.STATE_LAYER`), so a tuned copy of layer 6 (``--tuned 1``;
layer 5 stays frozen) or of layers 5-6 (``--tuned 2``) run on those states, with a small
head, would cost two of the encoder's six layers per sentence.

The head scores each word piece (an auxiliary loss on whether it overlaps an annotated
lexical span, weighed by ``--aux``) and the sentence, from the mean of its pieces' tuned
states (left out with ``--no-pooled``), its highest, two highest and mean piece logits, its
length and its position in the article (the same three position features as the shipped
head, which gained most from them). ``--layer-rate 0`` keeps the layers frozen (the control:
what the same units reach without tuning); ``--refit`` trains once more on all four
training folds for the chosen number of epochs.

Folds are the shipped evaluation's own (:func:`~parallax_dev.techniques.loaded_training.
story_folds`, five folds of whole stories). For held-out fold ``k`` the model is trained on
three folds; fold ``k + 1`` (mod 5) is held apart from training to choose the epoch (best
average precision) and the threshold (the most precise one reaching recall 0.30 there,
as the shipped head chooses its own); fold ``k`` is only scored. Scores of the held-out
folds are pooled and reported as precision at recall 0.30, average precision (AP) and the
precision and recall of the flagged sentences; ``--baseline`` cross-validates the shipped
head on the same folds for the same figures. ``--timing`` compares the cost per sentence of
the tuned layers on kept layer-4 states with a whole encoder pass.

Rerun (on one shared CPU core: about a minute to encode and cache BASIL's layer-4 states
the first time, two to three minutes a fold, five for ``--baseline``)::

    export HF_HUB_OFFLINE=1 PARALLAX_CACHE=.cache
    nice -n 10 python -m parallax_dev.training.loaded_finetune --shared ../shared
        --tuned 2 --epochs 6 --layer-rate 1e-4 --baseline --timing --out /tmp/finetune.npz

(one command line; the last line continues the one before). Measured in December 2026 and
not kept: the best setting, that one, pooled 0.221 precision at recall 0.30 against the
shipped head's 0.232 on the same folds (``docs/evaluation.md``, "Persuasion techniques on
news", has every setting tried).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from parallax.encoder import MODEL_NAME, STATE_LAYER, LayerStates, shared_encoder
from parallax.portrayal.target_sentiment import HIDDEN, Block
from parallax_dev.cache_files import write_atomically
from parallax_dev.techniques.basil import BasilSentence, load_sentences
from parallax_dev.techniques.loaded_training import (
    FOLDS,
    MIN_RECALL,
    article_positions,
    choose_threshold,
    story_folds,
)

ENCODER_LAYERS = 6
MAX_TOKENS = 64
"""Word pieces read per sentence ([CLS] included); BASIL's longer sentences are cut."""
BATCH = 16
LAYER_RATE = 3e-5
HEAD_RATE = 1e-3
SENTENCE_POSITIVE_WEIGHT = 4.0
PIECE_POSITIVE_WEIGHT = 10.0
SEED = 0
EXTRA = 7
"""Sentence-unit inputs beside the pooled state: 3 piece-logit summaries, log length and
the 3 position features."""


def _cache_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CACHE", ".cache")) / "tokens"


def layer_states(texts: Sequence[str]) -> list[LayerStates]:
    """Each text's states after :data:`STATE_LAYER` layers, as the embed step keeps them.

    Cached under ``$PARALLAX_CACHE/tokens`` by a hash of the texts and the encoder's
    precision: encoding BASIL takes minutes on a shared core.
    """
    encoder = shared_encoder()
    digest = hashlib.sha256(f"{MODEL_NAME}|{STATE_LAYER}|{encoder.precision}|layers".encode())
    for text in texts:
        digest.update(text.encode("utf-8", "replace") + b"\x00")
    path = _cache_dir() / f"layer-states-{digest.hexdigest()[:16]}.pickle"
    if path.is_file():
        with path.open("rb") as handle:
            cached: list[LayerStates] = pickle.load(handle)
        return cached
    _, states = encoder.encode_with_states(list(texts), threads=1)
    write_atomically(path, lambda stream: pickle.dump(states, stream))
    return states


def encoder_blocks(first: int, count: int) -> list[Block]:
    """Copies of the encoder's layers ``first + 1 .. first + count`` (1-based), trainable."""
    bert = shared_encoder()._model[0].auto_model
    blocks = []
    for layer in bert.encoder.layer[first : first + count]:
        block = Block()
        block.load_bert(layer)
        blocks.append(block)
    return blocks


@dataclass
class Example:
    """One sentence: its input states, which pieces are words, piece labels and features."""

    states: np.ndarray
    words: np.ndarray
    pieces: np.ndarray
    extra: np.ndarray
    gold: bool


def examples(
    sentences: list[BasilSentence], states: list[LayerStates], frozen: list[Block]
) -> list[Example]:
    """Cut each sentence to :data:`MAX_TOKENS` and run the frozen layers over it once."""
    positions = article_positions(sentences)
    result = []
    for sentence, layer, position in zip(sentences, states, positions, strict=True):
        count = min(len(layer.states), MAX_TOKENS)
        offsets = layer.offsets[:count]
        words = offsets[:, 1] > offsets[:, 0]
        pieces = np.array(
            [any(a < end and start < b for a, b in sentence.lexical) for start, end in offsets]
        )
        result.append(
            Example(
                states=layer.states[:count].astype(np.float32),
                words=words,
                pieces=pieces & words,
                extra=position.features(),
                gold=bool(sentence.lexical),
            )
        )
    if frozen:
        _run_frozen(result, frozen)
    return result


def _run_frozen(found: list[Example], frozen: list[Block]) -> None:
    with torch.inference_mode():
        for block in frozen:
            block.eval()
        for first in range(0, len(found), 64):
            chunk = found[first : first + 64]
            states, mask, _, _, _ = batch_tensors(chunk)
            hidden = states
            padding = ((1.0 - mask) * -1e4)[:, None, None, :]
            for block in frozen:
                hidden = block(hidden, padding)
            for row, example in enumerate(chunk):
                example.states = hidden[row, : len(example.words)].numpy().copy()


def batch_tensors(
    batch: Sequence[Example],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """States, attention mask, word mask, piece labels and extra features, padded."""
    length = max(len(e.words) for e in batch)
    states = torch.zeros(len(batch), length, HIDDEN)
    mask = torch.zeros(len(batch), length)
    words = torch.zeros(len(batch), length)
    pieces = torch.zeros(len(batch), length)
    for row, example in enumerate(batch):
        n = len(example.words)
        states[row, :n] = torch.from_numpy(example.states)
        mask[row, :n] = 1.0
        words[row, :n] = torch.from_numpy(example.words.astype(np.float32))
        pieces[row, :n] = torch.from_numpy(example.pieces.astype(np.float32))
    extra = torch.from_numpy(np.stack([e.extra for e in batch]))
    return states, mask, words, pieces, extra


class TunedTagger(nn.Module):  # type: ignore[misc]
    """Tuned top layer(s), a piece unit and a sentence unit over their states."""

    def __init__(self, blocks: list[Block], pooled: bool = True) -> None:
        """Wrap ``blocks`` (copies of the encoder's top layers) with fresh units.

        ``pooled``: whether the sentence unit reads the mean tuned state besides the piece
        logits' summary (highest, mean of the two highest, mean), length and position.
        """
        super().__init__()
        self.blocks = nn.ModuleList(blocks)
        self.pooled = pooled
        self.dropout = nn.Dropout(0.1)
        self.piece = nn.Linear(HIDDEN, 1)
        self.sentence = nn.Linear((HIDDEN if pooled else 0) + EXTRA, 1)

    def forward(
        self, states: torch.Tensor, mask: torch.Tensor, words: torch.Tensor, extra: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Sentence logits (batch,) and piece logits (batch, tokens)."""
        padding = ((1.0 - mask) * -1e4)[:, None, None, :]
        hidden = states
        for block in self.blocks:
            hidden = block(hidden, padding)
        pieces = self.piece(self.dropout(hidden)).squeeze(-1)
        count = words.sum(1, keepdim=True).clamp(min=1.0)
        masked = pieces.float().masked_fill(words == 0, -20.0).clamp(min=-20.0)
        highest = masked.topk(min(2, masked.shape[1]), dim=1).values
        two = torch.where(count >= 2, highest.mean(1, keepdim=True), highest[:, :1])
        mean = (pieces.float() * words).sum(1, keepdim=True) / count
        parts = [highest[:, :1], two, mean, torch.log1p(count), extra]
        if self.pooled:
            pooled = (hidden.float() * words.unsqueeze(-1)).sum(1) / count
            parts.insert(0, self.dropout(pooled))
        return self.sentence(torch.cat(parts, -1)).squeeze(-1), pieces


def precision_at_recall(scores: np.ndarray, gold: np.ndarray, recall: float = MIN_RECALL) -> float:
    """The highest precision among thresholds whose recall reaches ``recall``."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(gold[order])
    precision = hits / np.arange(1, len(order) + 1)
    reached = hits / max(int(gold.sum()), 1) >= recall
    return float(precision[reached].max())


def average_precision(scores: np.ndarray, gold: np.ndarray) -> float:
    """Average precision of ``scores`` ranking ``gold`` (scikit-learn's definition)."""
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(gold, scores))


def score(model: TunedTagger, found: Sequence[Example]) -> np.ndarray:
    """Sentence probabilities of ``found`` (batched by length, bfloat16 where native)."""
    from parallax.encoder import choose_precision

    model.eval()
    order = sorted(range(len(found)), key=lambda i: len(found[i].words))
    result = np.zeros(len(found), dtype=np.float32)
    fast = choose_precision() == "bfloat16"
    with torch.inference_mode(), torch.autocast("cpu", torch.bfloat16, fast):
        for first in range(0, len(order), 64):
            rows = order[first : first + 64]
            states, mask, words, _, extra = batch_tensors([found[i] for i in rows])
            logits, _ = model(states, mask, words, extra)
            result[rows] = torch.sigmoid(logits.float()).numpy()
    return result


@dataclass
class FoldResult:
    """One held-out fold: its scores, the chosen epoch and threshold, and the history."""

    held: np.ndarray
    scores: np.ndarray
    threshold: float
    epoch: int
    history: list[dict[str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    """What a run varies: tuned layers, epochs, the piece loss's weight, rates, inputs."""

    tuned: int = 1
    epochs: int = 4
    aux: float = 1.0
    layer_rate: float = LAYER_RATE
    pooled: bool = True
    seed: int = SEED
    refit: bool = False
    """Refit on all four training folds for the chosen number of epochs (threshold and epoch
    still come from the model fit on three)."""


def train_fold(
    found: list[Example],
    train_rows: np.ndarray,
    chosen_rows: np.ndarray | None,
    settings: Settings,
    stop: int | None = None,
) -> tuple[TunedTagger, int, list[dict[str, float]]]:
    """Train on ``train_rows``, keep the epoch with the best AP on ``chosen_rows``.

    Without ``chosen_rows``, train for ``stop`` epochs (of a schedule planned for
    ``settings.epochs``) and keep the last.
    """
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    tuned, epochs, aux = settings.tuned, settings.epochs, settings.aux
    model = TunedTagger(encoder_blocks(ENCODER_LAYERS - tuned, tuned), settings.pooled)
    heads = [*model.piece.parameters(), *model.sentence.parameters()]
    optimiser = torch.optim.AdamW(
        [
            {"params": model.blocks.parameters(), "lr": settings.layer_rate},
            {"params": heads, "lr": HEAD_RATE},
        ],
        weight_decay=0.01,
    )
    order = sorted(train_rows.tolist(), key=lambda i: len(found[i].words))
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    steps = epochs * len(batches)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, step / (0.06 * steps)) * max(0.0, 1 - step / steps)
    )
    gold = np.array([e.gold for e in found])
    history: list[dict[str, float]] = []
    best: tuple[float, int, dict[str, Any]] | None = None
    for epoch in range(1, (stop or epochs) + 1):
        model.train()
        rng.shuffle(batches)
        started, total = time.time(), 0.0
        for rows in batches:
            states, mask, words, pieces, extra = batch_tensors([found[i] for i in rows])
            targets = torch.from_numpy(gold[rows].astype(np.float32))
            with torch.autocast("cpu", torch.bfloat16):
                logits, piece_logits = model(states, mask, words, extra)
            loss = nn.functional.binary_cross_entropy_with_logits(
                logits.float(), targets, pos_weight=torch.tensor(SENTENCE_POSITIVE_WEIGHT)
            )
            if aux > 0:
                each = nn.functional.binary_cross_entropy_with_logits(
                    piece_logits.float(),
                    pieces,
                    pos_weight=torch.tensor(PIECE_POSITIVE_WEIGHT),
                    reduction="none",
                )
                loss = loss + aux * (each * words).sum() / words.sum()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(rows)
        if chosen_rows is None:
            continue
        probabilities = score(model, [found[i] for i in chosen_rows])
        ap = average_precision(probabilities, gold[chosen_rows])
        entry = {
            "epoch": epoch,
            "loss": round(total / len(order), 4),
            "chosen_ap": round(ap, 4),
            "chosen_p_at_r": round(precision_at_recall(probabilities, gold[chosen_rows]), 4),
            "seconds": round(time.time() - started, 1),
        }
        history.append(entry)
        print(json.dumps(entry), flush=True)
        if best is None or ap > best[0]:
            best = (ap, epoch, {k: v.detach().clone() for k, v in model.state_dict().items()})
    if chosen_rows is None:
        return model, stop or epochs, history
    assert best is not None
    model.load_state_dict(best[2])
    return model, best[1], history


def cross_validate(
    found: list[Example],
    folds: list[np.ndarray],
    run: Sequence[int],
    settings: Settings,
) -> list[FoldResult]:
    """Each fold in ``run`` held out; the next fold chooses epoch and threshold."""
    gold = np.array([e.gold for e in found])
    results = []
    for k in run:
        chosen_rows = folds[(k + 1) % len(folds)]
        train_rows = np.sort(
            np.concatenate([f for j, f in enumerate(folds) if j not in (k, (k + 1) % len(folds))])
        )
        model, epoch, history = train_fold(found, train_rows, chosen_rows, settings)
        threshold = choose_threshold(
            score(model, [found[i] for i in chosen_rows]), gold[chosen_rows]
        )
        if settings.refit:
            everything = np.sort(np.concatenate([train_rows, chosen_rows]))
            model, _, _ = train_fold(found, everything, None, settings, stop=epoch)
        held = folds[k]
        scores = score(model, [found[i] for i in held])
        result = FoldResult(held, scores, threshold, epoch, history)
        print(json.dumps({"fold": k, **summary(scores, gold[held], threshold)}), flush=True)
        results.append(result)
    return results


def summary(
    scores: np.ndarray, gold: np.ndarray, threshold: float | np.ndarray
) -> dict[str, float]:
    """P@R0.30, AP, and precision/recall of the sentences at or above ``threshold``."""
    flagged = scores >= threshold
    hits = int(np.sum(flagged & gold))
    return {
        "p_at_r30": round(precision_at_recall(scores, gold), 4),
        "ap": round(average_precision(scores, gold), 4),
        "flag_precision": round(hits / max(int(flagged.sum()), 1), 4),
        "flag_recall": round(hits / max(int(gold.sum()), 1), 4),
        "flagged": int(flagged.sum()),
        "gold": int(gold.sum()),
    }


def time_forward(found: list[Example], texts: list[str], tuned: int, count: int = 512) -> None:
    """Milliseconds per sentence: a whole encoder pass against the top two layers on states.

    Both on one thread, the encoder's precision rule, the same ``count`` BASIL sentences;
    the layers' input states are the kept layer-4 states (layer 5 frozen or tuned, the
    cost is the same two layers).
    """
    torch.set_num_threads(1)
    encoder = shared_encoder()
    sample = texts[:count]
    encoder.encode_with_layers(sample[:32], threads=1)
    started = time.perf_counter()
    encoder.encode_with_layers(sample, threads=1)
    whole = (time.perf_counter() - started) / len(sample)
    states = layer_states(sample)
    raw = [
        Example(s.states[:MAX_TOKENS].astype(np.float32), e.words, e.pieces, e.extra, e.gold)
        for s, e in zip(states, found[:count], strict=True)
    ]
    model = TunedTagger(encoder_blocks(STATE_LAYER, ENCODER_LAYERS - STATE_LAYER))
    score(model, raw[:32])
    started = time.perf_counter()
    score(model, raw)
    top = (time.perf_counter() - started) / len(sample)
    print(
        json.dumps(
            {
                "timing_sentences": len(sample),
                "encoder_ms_per_sentence": round(1000 * whole, 3),
                "top_two_layers_ms_per_sentence": round(1000 * top, 3),
                "ratio": round(top / whole, 3),
            }
        ),
        flush=True,
    )


def baseline(shared: Path, run: Sequence[int]) -> dict[str, float]:
    """The shipped head's own cross-validation, scored on the folds in ``run``."""
    from parallax_dev.techniques.loaded_training import cross_validate as head_cv

    sentences, cv = head_cv(shared)
    gold = np.array([bool(s.lexical) for s in sentences])
    rows = np.concatenate([cv.folds[k] for k in run])
    thresholds = np.zeros(len(sentences), dtype=np.float32)
    for k, held in enumerate(cv.folds):
        thresholds[held] = cv.thresholds[k]
    return summary(cv.scores[rows], gold[rows], thresholds[rows])


def main(argv: Sequence[str] | None = None) -> None:
    """Run the experiment and print one JSON line per epoch, fold and pooled result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--tuned", type=int, choices=(1, 2), default=1)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--aux", type=float, default=1.0)
    parser.add_argument("--layer-rate", type=float, default=LAYER_RATE)
    parser.add_argument("--no-pooled", dest="pooled", action="store_false")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--refit", action="store_true")
    parser.add_argument("--folds", type=int, nargs="*", default=list(range(FOLDS)))
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    sentences = load_sentences(args.shared)
    texts = [s.text for s in sentences]
    frozen = encoder_blocks(STATE_LAYER, ENCODER_LAYERS - STATE_LAYER - args.tuned)
    found = examples(sentences, layer_states(texts), frozen)
    if args.timing:
        time_forward(found, texts, args.tuned)
    folds = story_folds(sentences, FOLDS)
    settings = Settings(
        args.tuned, args.epochs, args.aux, args.layer_rate, args.pooled, args.seed, args.refit
    )
    print(json.dumps({"settings": settings.__dict__}), flush=True)
    results = cross_validate(found, folds, args.folds, settings)
    gold = np.array([e.gold for e in found])
    held = np.concatenate([r.held for r in results])
    scores = np.concatenate([r.scores for r in results])
    thresholds = np.concatenate([np.full(len(r.held), r.threshold) for r in results])
    pooled = summary(scores, gold[held], thresholds)
    print(json.dumps({"pooled": pooled, "folds": args.folds}), flush=True)
    if args.out:
        np.savez(args.out, held=held, scores=scores, thresholds=thresholds)
    if args.baseline:
        print(json.dumps({"baseline": baseline(args.shared, args.folds)}), flush=True)


if __name__ == "__main__":
    main()
