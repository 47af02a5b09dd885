"""Experiment: does an actor's sentiment label need a clearly read sentence on its side?

Not part of the pipeline. The pipeline labels an actor's sentiment from the mean of
P(positive) - P(negative) over its own-voice sentences and two cuts
(:mod:`parallax.portrayal.roles`), so a mean of weak readings (+0.08 and +0.07) past the
positive cut (+0.05) reads as *positive*. The rule tried here keeps the label only when some
own-voice reading is at least ``+c`` (positive) or at most ``-c`` (negative), and otherwise
answers neutral; it is scored at the committed cuts and with the cuts chosen again the way
:mod:`parallax_dev.training.portrayal_cuts` chooses them (PerSenT's bars first, then BASIL's
macro-F1, on the selection parts only), each time on the selection and held-out parts.

    python devtools/scripts/portrayal_clear_reading_experiment.py --shared ../shared

The pipeline runs once per code version (kept in ``.cache/portrayal`` like the evaluation's).
Results and the decision: docs/evaluation.md, *Actor portrayal*.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

from parallax.portrayal import roles
from parallax_dev.datasets.newsmtsc import cache_dir, macro_f1
from parallax_dev.evaluation.portrayal import basil, persent, selection_part
from parallax_dev.training.portrayal_cuts import (
    EVIDENCE_GRID,
    NEGATIVE_GRID,
    PERSENT_BARS,
    POSITIVE_GRID,
    SENTIMENTS,
    raw_means,
)

Row = tuple[str, float | None, list[float], bool]
"""Gold label, the actor's own-voice mean (None: no actor), its readings, in selection."""


def rows(shared: Path) -> dict[str, list[Row]]:
    """Each corpus's items with their own-voice readings, from one pipeline run."""
    cache = cache_dir()
    with raw_means():
        found = {"BASIL": basil(shared, cache), "PerSenT": persent(shared, cache)}
    result: dict[str, list[Row]] = {}
    for name, scores in found.items():
        result[name] = []
        for gold, actor, key in scores.details:
            readings = [
                float(e["value"])
                for e in (actor or {}).get("evidence", [])
                if e["signal"] == "sentiment" and e["voice"] == "own"
            ]
            mean = float(actor["sentiment"]) if actor else None
            result[name].append((gold, mean, readings, selection_part(name, key, frozenset())))
    return result


def label(row: Row, negative: float, positive: float, least: int, clear: float) -> str:
    """The cut rule, with a clearly read sentence required on the label's side."""
    _, mean, readings, _ = row
    if mean is None or len(readings) < least:
        return "neu"
    if mean <= negative:
        return "neg" if not readings or min(readings) <= -clear else "neu"
    if mean > positive:
        return "pos" if not readings or max(readings) >= clear else "neu"
    return "neu"


def scores(part: list[Row], *rule: float) -> tuple[float, float]:
    """(accuracy, macro-F1) of the rule on one part."""
    gold = np.array([SENTIMENTS.index(r[0]) for r in part])
    predicted = np.array([SENTIMENTS.index(label(r, *rule)) for r in part])  # type: ignore[arg-type]
    return round(float((gold == predicted).mean()), 3), round(macro_f1(gold, predicted), 3)


def main() -> None:
    """Print the scores at the committed cuts and with the cuts chosen again, per ``c``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    found = rows(args.shared)
    parts = {
        f"{name}/{side}": [r for r in found[name] if r[3] == (side == "selection")]
        for name in found
        for side in ("selection", "held out")
    }
    committed = (roles.NEGATIVE_CUT, roles.POSITIVE_CUT, roles.MIN_SENTENCES)
    for clear in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7):
        measured = {k: scores(v, *committed, clear) for k, v in parts.items()}
        print(f"c={clear} at the committed cuts: {measured}")
    for clear in (0.0, 0.3, 0.5, 0.7):
        best: tuple[tuple[float, ...], tuple[float, float, int], dict[str, object]] | None = None
        for negative, positive, least in itertools.product(
            NEGATIVE_GRID, POSITIVE_GRID, EVIDENCE_GRID
        ):
            measured = {k: scores(v, negative, positive, least, clear) for k, v in parts.items()}
            accuracy, f1 = measured["PerSenT/selection"]
            meets = accuracy >= PERSENT_BARS[0] and f1 >= PERSENT_BARS[1]
            basil_f1 = measured["BASIL/selection"][1]
            rank = (float(meets), basil_f1 if meets else f1 + basil_f1, least, positive - negative)
            if best is None or rank > best[0]:
                best = (rank, (negative, positive, least), dict(measured))
        assert best is not None
        print(f"c={clear} with the cuts chosen again {best[1]}: {best[2]}")


if __name__ == "__main__":
    main()
