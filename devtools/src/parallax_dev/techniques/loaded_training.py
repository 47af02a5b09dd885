"""Training and cross-validating the loaded-language head on BASIL's lexical-bias spans.

Each word piece of a BASIL 2010-2016 sentence is a positive when it overlaps a span the
annotators marked as lexical bias. Everything is split by story (the three outlets'
reports of one event stay together), so no event is both learnt and scored:

- the piece unit is fit on each inner story fold's complement to give out-of-fold piece
  scores, and once more on every training story for the head itself (same epochs, so its
  logits are on the scale the sentence unit learnt);
- the sentence unit is fit on those out-of-fold piece scores and the sentences' positions;
- the threshold is the most precise one reaching :data:`MIN_RECALL` on sentence scores that
  are themselves out-of-fold (the sentence unit refit without each inner fold).

:func:`cross_validate` does all of this inside each outer training part, with the other
outer folds as its inner folds, and only scores the held-out stories; :func:`train_head`
does it once over every story (the same five story folds as inner folds) for the shipped
head.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from parallax.encoder import TokenStates
from parallax.persuasion.loaded import (
    SENTENCE_FEATURES,
    LoadedLanguageHead,
    Position,
    piece_features,
    score_summary,
)
from parallax_dev.techniques.basil import BasilSentence, load_sentences
from parallax_dev.techniques.token_cache import cached_tokens

FOLDS = 5
INNER_FOLDS = 5
HIDDEN = 128
EPOCHS = 6
DROPOUT = 0.5
NEGATIVE_SHARE = 5
"""Each epoch sees every positive piece and one negative in this many (weighted up to match)."""
SEED = 0
SENTENCE_C = 1.0
MIN_RECALL = 0.30
"""The threshold is the most precise one whose out-of-fold sentence recall reaches this."""


@dataclass
class SpanData:
    """Word-piece features with their labels, the sentence each belongs to, and positions."""

    features: np.ndarray
    labels: np.ndarray
    owner: np.ndarray
    positions: np.ndarray
    gold: np.ndarray


def piece_data(sentences: list[BasilSentence], tokens: list[TokenStates]) -> SpanData:
    """Label each word piece by whether it overlaps an annotated lexical span."""
    labels = [
        np.array(
            [any(a < end and start < b for a, b in s.lexical) for start, end in t.offsets],
            dtype=bool,
        )
        for s, t in zip(sentences, tokens, strict=True)
    ]
    return SpanData(
        features=np.concatenate([piece_features(t.states) for t in tokens if len(t.states)]),
        labels=np.concatenate(labels),
        owner=np.concatenate([np.full(len(x), i) for i, x in enumerate(labels)]),
        positions=np.stack([p.features() for p in article_positions(sentences)]),
        gold=np.array([bool(s.lexical) for s in sentences]),
    )


def article_positions(sentences: list[BasilSentence]) -> list[Position]:
    """Each sentence's position in its article (sentences are in article order)."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        counts[sentence.article] = counts.get(sentence.article, 0) + 1
    seen: dict[str, int] = {}
    positions = []
    for sentence in sentences:
        index = seen.get(sentence.article, 0)
        seen[sentence.article] = index + 1
        positions.append(Position(index, counts[sentence.article]))
    return positions


def story_folds(sentences: list[BasilSentence], folds: int) -> list[np.ndarray]:
    """Sentence numbers per fold, whole stories to a fold (stories in sorted order)."""
    stories = sorted({s.story for s in sentences})
    fold_of = {story: i % folds for i, story in enumerate(stories)}
    assignment = np.array([fold_of[s.story] for s in sentences])
    return [np.flatnonzero(assignment == k) for k in range(folds)]


@dataclass
class PieceUnit:
    """The piece unit's layers, with the input standardisation folded into the first."""

    hidden_weights: np.ndarray
    hidden_bias: np.ndarray
    weights: np.ndarray
    bias: float

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Piece logits of :func:`parallax.persuasion.loaded.piece_features` rows."""
        head = LoadedLanguageHead(
            self.weights,
            self.bias,
            np.zeros(len(SENTENCE_FEATURES), dtype=np.float32),
            0.0,
            np.zeros(3, dtype=np.float32),
            threshold=1.0,
            extend=0.0,
            hidden_weights=self.hidden_weights,
            hidden_bias=self.hidden_bias,
        )
        return head.piece_logits_of(features)


def fit_piece_unit(data: SpanData, rows: np.ndarray) -> PieceUnit:
    """Fit the piece unit on the pieces of the sentences numbered in ``rows``.

    One hidden layer with dropout, trained with every positive piece and a fresh fifth of
    the negatives each epoch (weighted back up), on a fixed seed so reruns match.
    """
    import torch
    from torch import nn

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    mask = np.isin(data.owner, rows)
    raw = data.features[mask]
    mean, scale = raw.mean(axis=0), raw.std(axis=0) + 1e-6
    inputs = torch.from_numpy(((raw - mean) / scale).astype(np.float32))
    labels = data.labels[mask]
    targets = torch.from_numpy(labels.astype(np.float32))
    positives, negatives = np.flatnonzero(labels), np.flatnonzero(~labels)
    model = nn.Sequential(
        nn.Dropout(DROPOUT),
        nn.Linear(inputs.shape[1], HIDDEN),
        nn.GELU(approximate="tanh"),
        nn.Dropout(DROPOUT),
        nn.Linear(HIDDEN, 1),
    )
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    model.train()
    for _ in range(EPOCHS):
        drawn = rng.choice(negatives, len(negatives) // NEGATIVE_SHARE, replace=False)
        order = np.concatenate([positives, drawn])
        rng.shuffle(order)
        for start in range(0, len(order), 512):
            batch = torch.from_numpy(order[start : start + 512])
            weight = torch.where(targets[batch] > 0, 1.0, float(NEGATIVE_SHARE))
            loss = nn.functional.binary_cross_entropy_with_logits(
                model(inputs[batch]).squeeze(-1), targets[batch], weight=weight
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    first, last = model[1], model[4]
    assert isinstance(first, nn.Linear) and isinstance(last, nn.Linear)
    hidden = first.weight.detach().numpy().T / scale[:, None]
    return PieceUnit(
        hidden_weights=hidden.astype(np.float32),
        hidden_bias=(first.bias.detach().numpy() - mean @ hidden).astype(np.float32),
        weights=last.weight.detach().numpy()[0].astype(np.float32),
        bias=float(last.bias.detach().numpy()[0]),
    )


def sentence_features(data: SpanData, rows: np.ndarray, unit: PieceUnit) -> np.ndarray:
    """(len(rows), 7) sentence-unit inputs of the sentences in ``rows``."""
    mask = np.isin(data.owner, rows)
    logits = unit.logits(data.features[mask])
    owners = data.owner[mask]
    summaries = np.tile(score_summary(np.zeros(0)), (len(rows), 1))
    index_of = {int(r): i for i, r in enumerate(rows)}
    present, starts = np.unique(owners, return_index=True)  # owners come in sentence order
    for owner, part in zip(present, np.split(logits, starts[1:]), strict=True):
        summaries[index_of[int(owner)]] = score_summary(part)
    return np.hstack([summaries, data.positions[rows]])


def fit_sentence_unit(features: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic sentence unit on standardised inputs, the scaling folded into the weights."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    unit = LogisticRegression(C=SENTENCE_C, max_iter=2000)
    unit.fit((features - mean) / scale, gold)
    weights = unit.coef_[0] / scale
    return weights.astype(np.float32), float(unit.intercept_[0] - weights @ mean)


def choose_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The most precise threshold whose recall on ``gold`` is at least :data:`MIN_RECALL`."""
    order = np.argsort(-scores)
    hits = np.cumsum(gold[order])
    precision = hits / np.arange(1, len(order) + 1)
    recall = hits / max(int(gold.sum()), 1)
    allowed = np.flatnonzero(recall >= MIN_RECALL)
    best = int(allowed[np.argmax(precision[allowed])])
    return float(scores[order][best])


def _piece_extend(logits: np.ndarray, labels: np.ndarray) -> float:
    """The piece logit at which out-of-fold piece F1 is highest: where a span stops."""
    order = np.argsort(-logits)
    hits = np.cumsum(labels[order])
    f1 = 2 * hits / (np.arange(1, len(order) + 1) + max(int(labels.sum()), 1))
    return float(logits[order][int(np.argmax(f1))])


class PieceUnits:
    """Piece units fit on given training sentences, each fit once however often it is asked.

    Story-split cross-validation asks for the same unit more than once: with the outer folds
    as each training part's inner folds, the unit trained without outer folds j and k serves
    both the held-out fold k (as its inner unit for j) and the held-out fold j (for k), so
    15 fits do the work of 30 (:func:`cross_validate`).
    """

    def __init__(self, data: SpanData) -> None:
        self.data = data
        self._fitted: dict[bytes, PieceUnit] = {}

    def fit(self, rows: np.ndarray) -> PieceUnit:
        """The piece unit fit on the sentences numbered in ``rows``."""
        key = np.sort(rows).astype(np.int64).tobytes()
        if key not in self._fitted:
            self._fitted[key] = fit_piece_unit(self.data, rows)
        return self._fitted[key]


def fit_head(
    data: SpanData,
    sentences: list[BasilSentence],
    rows: np.ndarray,
    inner: list[np.ndarray] | None = None,
    units: PieceUnits | None = None,
) -> LoadedLanguageHead:
    """Fit the whole head on the sentences in ``rows``, every choice made out-of-fold.

    ``inner`` are the held-out parts of ``rows`` the out-of-fold choices are made on (whole
    stories each; default :data:`INNER_FOLDS` story folds); ``units`` lets several fits
    share piece units fit on the same sentences. Runs on one BLAS and one torch thread: the
    products here are many and middling, and split over threads on a shared machine they
    mostly wait on each other.
    """
    import torch
    from threadpoolctl import threadpool_limits

    if inner is None:
        inner = [rows[part] for part in story_folds([sentences[i] for i in rows], INNER_FOLDS)]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            return _fit_head(data, rows, inner, units or PieceUnits(data))
    finally:
        torch.set_num_threads(threads)


def _fit_head(
    data: SpanData, rows: np.ndarray, held_parts: list[np.ndarray], units: PieceUnits
) -> LoadedLanguageHead:
    features = np.zeros((len(data.gold), 7), dtype=np.float32)
    piece_logits: list[np.ndarray] = []
    piece_labels: list[np.ndarray] = []
    for held in held_parts:
        unit = units.fit(np.setdiff1d(rows, held))
        features[held] = sentence_features(data, held, unit)
        mask = np.isin(data.owner, held)
        piece_logits.append(unit.logits(data.features[mask]))
        piece_labels.append(data.labels[mask])
    scores = np.zeros(len(data.gold), dtype=np.float32)
    for held in held_parts:
        rest = np.setdiff1d(rows, held)
        weights, bias = fit_sentence_unit(features[rest], data.gold[rest])
        scores[held] = 1.0 / (1.0 + np.exp(-(features[held] @ weights + bias)))
    sentence_weights, sentence_bias = fit_sentence_unit(features[rows], data.gold[rows])
    unit = units.fit(rows)
    return LoadedLanguageHead(
        weights=unit.weights,
        bias=unit.bias,
        hidden_weights=unit.hidden_weights,
        hidden_bias=unit.hidden_bias,
        sentence_weights=sentence_weights,
        sentence_bias=sentence_bias,
        unknown_position=data.positions[rows].mean(axis=0).astype(np.float32),
        threshold=choose_threshold(scores[rows], data.gold[rows]),
        extend=_piece_extend(np.concatenate(piece_logits), np.concatenate(piece_labels)),
    )


@dataclass
class CrossValidation:
    """Held-out-story predictions of the head: sentence scores, thresholds and spans."""

    scores: np.ndarray
    flagged: np.ndarray
    thresholds: list[float]
    spans: list[list[tuple[int, int, float]]]
    heads: list[LoadedLanguageHead]
    folds: list[np.ndarray]
    positions: list[Position]


def cross_validate(shared: Path) -> tuple[list[BasilSentence], CrossValidation]:
    """Story-split cross-validation with every choice made inside each training part.

    Each training part's own out-of-fold choices are made on the other outer folds (four
    inner folds of whole stories), so the piece units are shared between parts
    (:class:`PieceUnits`).
    """
    sentences = load_sentences(shared)
    _, tokens = cached_tokens([s.text for s in sentences])
    data = piece_data(sentences, tokens)
    positions = article_positions(sentences)
    scores = np.zeros(len(sentences), dtype=np.float32)
    flagged = np.zeros(len(sentences), dtype=bool)
    spans: list[list[tuple[int, int, float]]] = [[] for _ in sentences]
    thresholds, heads = [], []
    folds = story_folds(sentences, FOLDS)
    units = PieceUnits(data)
    for k, held in enumerate(folds):
        inner = [part for j, part in enumerate(folds) if j != k]
        head = fit_head(data, sentences, np.sort(np.concatenate(inner)), inner, units)
        logits = head.article_piece_logits([tokens[i] for i in held])
        for i, piece_logits in zip(held, logits, strict=True):
            scores[i] = head.sentence_score(tokens[i], positions[i], piece_logits)
            flagged[i] = scores[i] >= head.threshold
            spans[i] = head.spans(sentences[i].text, tokens[i], positions[i], logits=piece_logits)
        thresholds.append(head.threshold)
        heads.append(head)
    return sentences, CrossValidation(scores, flagged, thresholds, spans, heads, folds, positions)


def train_head(shared: Path) -> LoadedLanguageHead:
    """Fit the shipped head on every 2010-2016 story; every choice made out-of-fold."""
    sentences = load_sentences(shared)
    _, tokens = cached_tokens([s.text for s in sentences])
    data = piece_data(sentences, tokens)
    head = fit_head(data, sentences, np.arange(len(sentences)))
    head.meta = {
        "trained": date.today().isoformat(),
        "data": "BASIL 2010-2016 lexical-bias spans, all 70 stories",
        "piece_unit": f"{HIDDEN} hidden units, {EPOCHS} epochs, dropout {DROPOUT}, seed {SEED}",
        "sentence_unit": f"logistic, C={SENTENCE_C}, on out-of-fold piece scores",
        "threshold": f"most precise at out-of-fold sentence recall >= {MIN_RECALL} "
        f"({INNER_FOLDS} story folds)",
        "command": "parallax-dev train techniques",
    }
    return head
