"""Training and cross-validating the loaded-language head on BASIL's lexical-bias spans.

Each word piece of a BASIL 2010-2016 sentence is a positive when it overlaps a span the
annotators marked as lexical bias. Cross-validation splits by story (the three outlets'
reports of one event stay together), so no event is both learnt and scored. Within each
training part, a second story split gives out-of-fold scores on which the threshold is
chosen; the held-out stories only score it. The shipped head is fit on every story, with
the threshold chosen the same way on out-of-fold scores over all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from parallax.encoder import TokenStates
from parallax.persuasion.loaded import LoadedLanguageHead
from parallax_dev.techniques.basil import BasilSentence, load_sentences
from parallax_dev.techniques.token_cache import cached_tokens

FOLDS = 5
INNER_FOLDS = 4
C = 1.0
MIN_RECALL = 0.30
"""The threshold is the most precise one whose out-of-fold sentence recall reaches this."""
EXTEND_RATIO = 0.5
"""A neighbouring piece joins a span at this share of the threshold."""


@dataclass
class SpanData:
    """Word-piece states with their labels and the sentence each piece belongs to."""

    states: np.ndarray
    labels: np.ndarray
    owner: np.ndarray


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
        states=np.concatenate([t.states for t in tokens]),
        labels=np.concatenate(labels),
        owner=np.concatenate([np.full(len(x), i) for i, x in enumerate(labels)]),
    )


def fit_unit(data: SpanData, rows: np.ndarray) -> tuple[np.ndarray, float]:
    """Fit the logistic unit on the pieces of the sentences numbered in ``rows``."""
    from sklearn.linear_model import LogisticRegression

    mask = np.isin(data.owner, rows)
    unit = LogisticRegression(C=C, max_iter=1000)
    unit.fit(data.states[mask], data.labels[mask])
    return unit.coef_[0].astype(np.float32), float(unit.intercept_[0])


def sentence_scores(
    data: SpanData, rows: np.ndarray, weights: np.ndarray, bias: float, size: int
) -> np.ndarray:
    """Each sentence's highest piece probability (zeros outside ``rows``)."""
    mask = np.isin(data.owner, rows)
    probabilities = 1.0 / (1.0 + np.exp(-(data.states[mask] @ weights + bias)))
    scores = np.zeros(size, dtype=np.float32)
    np.maximum.at(scores, data.owner[mask], probabilities)
    return scores


def choose_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The most precise threshold whose recall on ``gold`` is at least :data:`MIN_RECALL`."""
    order = np.argsort(-scores)
    hits = np.cumsum(gold[order])
    precision = hits / np.arange(1, len(order) + 1)
    recall = hits / max(int(gold.sum()), 1)
    allowed = np.flatnonzero(recall >= MIN_RECALL)
    best = int(allowed[np.argmax(precision[allowed])])
    return float(scores[order][best])


def story_folds(sentences: list[BasilSentence], folds: int) -> list[np.ndarray]:
    """Sentence numbers per fold, whole stories to a fold (stories in sorted order)."""
    stories = sorted({s.story for s in sentences})
    fold_of = {story: i % folds for i, story in enumerate(stories)}
    assignment = np.array([fold_of[s.story] for s in sentences])
    return [np.flatnonzero(assignment == k) for k in range(folds)]


def _inner_threshold(
    data: SpanData, sentences: list[BasilSentence], rows: np.ndarray, gold: np.ndarray
) -> float:
    inner_sentences = [sentences[i] for i in rows]
    scores = np.zeros(len(sentences), dtype=np.float32)
    for part in story_folds(inner_sentences, INNER_FOLDS):
        held = rows[part]
        weights, bias = fit_unit(data, np.setdiff1d(rows, held))
        scores[held] = sentence_scores(data, held, weights, bias, len(sentences))[held]
    return choose_threshold(scores[rows], gold[rows])


@dataclass
class CrossValidation:
    """Held-out-story predictions of the head: sentence scores, thresholds and spans."""

    scores: np.ndarray
    flagged: np.ndarray
    thresholds: list[float]
    spans: list[list[tuple[int, int, float]]]
    heads: list[LoadedLanguageHead]
    folds: list[np.ndarray]


def cross_validate(shared: Path) -> tuple[list[BasilSentence], CrossValidation]:
    """Story-split cross-validation with thresholds chosen inside each training part."""
    sentences = load_sentences(shared)
    _, tokens = cached_tokens([s.text for s in sentences])
    data = piece_data(sentences, tokens)
    gold = np.array([bool(s.lexical) for s in sentences])
    scores = np.zeros(len(sentences), dtype=np.float32)
    flagged = np.zeros(len(sentences), dtype=bool)
    spans: list[list[tuple[int, int, float]]] = [[] for _ in sentences]
    thresholds, heads = [], []
    folds = story_folds(sentences, FOLDS)
    for held in folds:
        rows = np.setdiff1d(np.arange(len(sentences)), held)
        threshold = _inner_threshold(data, sentences, rows, gold)
        weights, bias = fit_unit(data, rows)
        head = LoadedLanguageHead(weights, bias, threshold, threshold * EXTEND_RATIO)
        for i in held:
            scores[i] = head.sentence_score(tokens[i])
            flagged[i] = scores[i] >= threshold
            spans[i] = head.spans(sentences[i].text, tokens[i]) if flagged[i] else []
        thresholds.append(threshold)
        heads.append(head)
    return sentences, CrossValidation(scores, flagged, thresholds, spans, heads, folds)


def train_head(shared: Path) -> LoadedLanguageHead:
    """Fit the shipped head on every 2010-2016 story; threshold from out-of-fold scores."""
    sentences = load_sentences(shared)
    _, tokens = cached_tokens([s.text for s in sentences])
    data = piece_data(sentences, tokens)
    gold = np.array([bool(s.lexical) for s in sentences])
    everything = np.arange(len(sentences))
    scores = np.zeros(len(sentences), dtype=np.float32)
    for held in story_folds(sentences, FOLDS):
        weights, bias = fit_unit(data, np.setdiff1d(everything, held))
        scores[held] = sentence_scores(data, held, weights, bias, len(sentences))[held]
    threshold = choose_threshold(scores, gold)
    weights, bias = fit_unit(data, everything)
    return LoadedLanguageHead(
        weights,
        bias,
        threshold,
        threshold * EXTEND_RATIO,
        meta={
            "trained": date.today().isoformat(),
            "data": "BASIL 2010-2016 lexical-bias spans, all 70 stories",
            "threshold": f"most precise at out-of-fold sentence recall >= {MIN_RECALL} "
            f"({FOLDS} story folds)",
            "command": "parallax-dev train techniques",
        },
    )
