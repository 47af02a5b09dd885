"""Choosing portrayal's sentiment cuts and minimum evidence on selection parts only.

An actor's sentiment label comes from the mean, over the sentences the model read in the
article's own voice, of P(positive) - P(negative): negative at or below
:data:`parallax.portrayal.roles.NEGATIVE_CUT`, positive above ``POSITIVE_CUT``, and
neutral whatever the mean when fewer than ``MIN_SENTENCES`` sentences were read. The three
are chosen here, on a grid, from the pipeline's own output on two corpora, each split in a
part to choose on and a part only reported:

* BASIL 2010-2016 by story: stories whose id starts with a hex digit 0-7 are chosen on, the
  rest (8-f) held out, so the three articles of a story stay on one side;
* PerSenT dev by document: even ``DOCUMENT_INDEX`` chosen on, odd held out

(:func:`parallax_dev.evaluation.portrayal.selection_part`).

The rule: among the grid points where the PerSenT selection part reaches the issue's bars
(accuracy 0.55, macro-F1 0.45), the one with the best BASIL selection macro-F1; ties go to
more required evidence (precision first), then to the wider neutral band. Narrative Frames
is not used: its roles come from other constants.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from parallax.portrayal import roles

NEGATIVE_GRID = tuple(round(x, 2) for x in np.arange(-0.6, 0.001, 0.05))
POSITIVE_GRID = tuple(round(x, 2) for x in np.arange(0.0, 0.401, 0.05))
EVIDENCE_GRID = (1, 2, 3, 4)
PERSENT_BARS = (0.55, 0.45)
"""The issue's PerSenT accuracy and macro-F1."""
SENTIMENTS = ("neg", "neu", "pos")


@dataclass(frozen=True)
class Item:
    """One gold judgment: its label, the actor's raw own-voice mean and sentences read."""

    gold: str
    mean: float | None
    """None when the pipeline found no actor for the gold entity (counts as neutral)."""
    sentences: int
    selection: bool
    """In the part thresholds are chosen on."""


@dataclass(frozen=True)
class Choice:
    """The chosen cuts and minimum, with accuracy and macro-F1 per corpus part."""

    negative: float
    positive: float
    least: int
    scores: dict[str, tuple[float, float]]
    """``basil/selection``, ``basil/held out``, ``persent/...``: (accuracy, macro-F1)."""


@contextmanager
def raw_means() -> Iterator[None]:
    """Portray with no minimum, so each actor's sentiment is the raw own-voice mean.

    The learned role reading is off meanwhile: the sentiment does not depend on it, and
    this way the cuts can be chosen before its weights exist.
    """
    kept = roles.MIN_SENTENCES, roles.USE_ROLE_MODEL
    roles.MIN_SENTENCES, roles.USE_ROLE_MODEL = 0, False
    try:
        yield
    finally:
        roles.MIN_SENTENCES, roles.USE_ROLE_MODEL = kept


def items(
    details: Sequence[tuple[str, dict[str, Any] | None, str]], selection: Callable[[str], bool]
) -> list[Item]:
    """The evaluation's details as items, each on its side of the corpus's split."""
    found = []
    for gold, actor, key in details:
        read = (
            sum(
                1
                for e in actor.get("evidence", [])
                if e["signal"] == "sentiment" and e["voice"] == "own"
            )
            if actor
            else 0
        )
        mean = float(actor["sentiment"]) if actor else None
        found.append(Item(gold, mean, read, selection(key)))
    return found


def label(item: Item, negative: float, positive: float, least: int) -> str:
    """The label the rule gives one item."""
    if item.mean is None or item.sentences < least:
        return "neu"
    return "neg" if item.mean <= negative else "pos" if item.mean > positive else "neu"


def scores(
    found: Sequence[Item], negative: float, positive: float, least: int
) -> tuple[float, float]:
    """(accuracy, macro-F1 over the three labels) of the rule on ``found``."""
    gold = [i.gold for i in found]
    predicted = [label(i, negative, positive, least) for i in found]
    accuracy = float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))
    f1 = []
    for name in SENTIMENTS:
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == name)
        total = gold.count(name) + predicted.count(name)
        f1.append(2 * hits / total if total else 0.0)
    return round(accuracy, 3), round(float(np.mean(f1)), 3)


def choose(basil: Sequence[Item], persent: Sequence[Item]) -> Choice:
    """The grid point the module's rule picks, scored on every part."""
    parts = {
        "basil/selection": [i for i in basil if i.selection],
        "basil/held out": [i for i in basil if not i.selection],
        "persent/selection": [i for i in persent if i.selection],
        "persent/held out": [i for i in persent if not i.selection],
    }
    best: tuple[tuple[float, ...], Choice] | None = None
    for negative, positive, least in itertools.product(NEGATIVE_GRID, POSITIVE_GRID, EVIDENCE_GRID):
        measured = {name: scores(part, negative, positive, least) for name, part in parts.items()}
        accuracy, f1 = measured["persent/selection"]
        meets = accuracy >= PERSENT_BARS[0] and f1 >= PERSENT_BARS[1]
        rank = (
            float(meets),
            measured["basil/selection"][1] if meets else f1 + measured["basil/selection"][1],
            float(least),
            positive - negative,
        )
        if best is None or rank > best[0]:
            best = (rank, Choice(negative, positive, least, measured))
    assert best is not None
    return best[1]
