r"""Experiment: sentiment cuts by prominence, the article's main actor apart from the others.

Not part of the pipeline. BASIL's entities are often secondary actors of their articles
(the most mentioned actor for 41% of them), PerSenT's people mostly the article's subject
(83%), and the two corpora want different cuts (docs/evaluation.md, "Actor portrayal").
This script asks whether two pairs of cuts, one for the most mentioned actor and one for
the others, chosen on the selection parts as the committed cuts were (PerSenT's bars
first, then BASIL's macro-F1, or BASIL's accuracy), carry over to the held-out parts.
Each actor's raw own-voice mean comes from the portrayal evaluation's cached analyses
(run ``parallax-dev eval portrayal`` first); the means are kept in /tmp between runs.

    PARALLAX_CACHE=$PWD/.cache python devtools/scripts/portrayal_prominence_experiment.py
"""

from __future__ import annotations

import itertools
import os
import pickle
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import parallax_dev.evaluation.portrayal as evaluation
from parallax_dev.evaluation.portrayal import selection_part
from parallax_dev.training.portrayal_cuts import raw_means

SHARED = Path(os.environ.get("PARALLAX_SHARED", "../shared"))
CACHE = Path(os.environ.get("PARALLAX_CACHE", ".cache")) / "portrayal"
KEPT = Path("/tmp/parallax_prominence_items.pkl")
LABELS = ("neg", "neu", "pos")
Row = tuple[str, str, str, float | None, int, bool]
"""(corpus, key, gold, raw own-voice mean, own-voice sentences read, most mentioned)."""
Cuts = tuple[float, float, float, float]
"""(negative, positive) for the most mentioned actor, then for the others."""


def rows() -> list[Row]:
    """Every gold judgment of BASIL and PerSenT dev with its actor's evidence."""
    if KEPT.exists():
        with KEPT.open("rb") as handle:
            kept: list[Row] = pickle.load(handle)
            return kept
    portrayed: dict[str, list[dict[str, Any]]] = {}
    original = evaluation.cast

    def keeping(analyses: Any) -> dict[str, list[dict[str, Any]]]:
        done = original(analyses)
        portrayed.update(done)
        return done

    evaluation.cast = keeping
    found: list[Row] = []
    with raw_means():
        for corpus, run in (("BASIL", evaluation.basil), ("PerSenT", evaluation.persent)):
            portrayed.clear()
            for gold, actor, key in run(SHARED, CACHE).details:
                if actor is None:
                    found.append((corpus, key, gold, None, 0, False))
                    continue
                most = max(len(a.get("mentions", [])) for a in portrayed[key])
                own = [
                    e
                    for e in actor.get("evidence", [])
                    if e.get("signal") == "sentiment" and e.get("voice") == "own"
                ]
                top = len(actor.get("mentions", [])) >= most
                found.append((corpus, key, gold, actor.get("sentiment"), len(own), top))
    with KEPT.open("wb") as handle:
        pickle.dump(found, handle)
    return found


def label(row: Row, cuts: Cuts, least: int = 2) -> str:
    """The label the cuts give: the main actor's pair or the others'."""
    _, _, _, mean, read, top = row
    if mean is None or read < least:
        return "neu"
    negative, positive = cuts[:2] if top else cuts[2:]
    return "neg" if mean <= negative else "pos" if mean > positive else "neu"


def accuracy_f1(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the three labels."""
    scores = []
    for name in LABELS:
        pairs = list(zip(gold, predicted, strict=True))
        hit = sum(g == name and p == name for g, p in pairs)
        shown = sum(p == name for _, p in pairs)
        real = sum(g == name for g, _ in pairs)
        precision, recall = hit / shown if shown else 0.0, hit / real if real else 0.0
        scores.append(2 * precision * recall / (precision + recall) if hit else 0.0)
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return right / len(gold), sum(scores) / len(scores)


def parts(found: list[Row], cuts: Cuts) -> dict[tuple[str, bool], tuple[float, float]]:
    """Accuracy and macro-F1 on each corpus's selection and held-out parts."""
    result = {}
    for corpus, selection in itertools.product(("BASIL", "PerSenT"), (True, False)):
        chosen = [
            r
            for r in found
            if r[0] == corpus and selection_part(corpus, r[1], frozenset()) == selection
        ]
        result[(corpus, selection)] = accuracy_f1(
            [r[2] for r in chosen], [label(r, cuts) for r in chosen]
        )
    return result


def show(found: list[Row], cuts: Cuts) -> None:
    """One line: the cuts and the four parts' accuracy / macro-F1."""
    cells = " ".join(
        f"{corpus} {'selection' if selection else 'held out'} {a:.3f}/{f:.3f};"
        for (corpus, selection), (a, f) in parts(found, cuts).items()
    )
    print(cuts, cells)


def main() -> None:
    """The committed cuts, then the best pairs chosen on the selection parts."""
    found = rows()
    print("committed:", end=" ")
    show(found, (-0.55, 0.05, -0.55, 0.05))
    negatives = (-0.7, -0.6, -0.55, -0.5, -0.4, -0.3)
    positives = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8)
    ranked = []
    for cuts in itertools.product(negatives, positives, (*negatives, -1.01), (*positives, 1.01)):
        scored = parts(found, cuts)
        persent, basil = scored[("PerSenT", True)], scored[("BASIL", True)]
        ranked.append((persent[0] >= 0.55 and persent[1] >= 0.45, basil[1], basil[0], cuts))
    for title, key in (("BASIL macro-F1", 1), ("BASIL accuracy", 2)):
        print(f"-- PerSenT's bars, then {title}, on the selection parts:")
        for entry in sorted(ranked, key=lambda e: (e[0], e[key]), reverse=True)[:4]:
            show(found, entry[3])


if __name__ == "__main__":
    main()
