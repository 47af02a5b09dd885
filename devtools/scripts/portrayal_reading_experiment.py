r"""Experiment: a learned document-level reading of an actor's sentiment, against the cuts.

Not part of the pipeline. The pipeline calls an actor's sentiment from the mean of
P(positive) - P(negative) over its own-voice sentences and two cuts
(:mod:`parallax.portrayal.roles`). This script asks whether a small learned reading of the
evidence the pipeline already has per actor does better on BASIL (author feeling towards
each main entity) and PerSenT dev (author sentiment towards the main person) together:

* ``multinomial``: logistic regression over negative / neutral / positive, with a bias
  towards neutral (precision first);
* ``two-stage``: one regression for "the author takes a side at all", one for the side;
* ``gate``: the cuts, but only where a regression says the author takes a side.

Everything is fitted and chosen (regularisation, class weights, neutral bias, gate bar,
cuts) on the selection parts only (BASIL stories 0-7, PerSenT's even documents) by
five-fold cross-validation grouped by story or document; the rule is the sum of the two
corpora's cross-validated macro-F1 (``--rule persent-first``: PerSenT's bars first, then
BASIL's macro-F1, as the committed cuts were chosen). The chosen setting is then refitted
on the whole selection part and scored once on the held-out parts. The features are an actor's
own-voice readings (count, mean, min, max, first, shares read clearly negative or
positive), its quoted readings (count, mean), how prominent it is (mentions, share of the
article's actor mentions and person mentions, whether most mentioned, share of sentences
naming it, actors and sentences in the article: whether the article is about this one
actor), the genre step's opinion call, its deeds, and three products of the mean with
prominence and genre.

    python devtools/scripts/portrayal_reading_experiment.py --shared ../shared
    python devtools/scripts/portrayal_reading_experiment.py --shared ../shared --diagnose

The pipeline's output is kept in ``.cache/portrayal/reading-items.json`` (the first run
takes several minutes; later runs seconds). Results are in docs/evaluation.md ("Actor
portrayal (NewsMTSC, BASIL, PerSenT, NFC)").
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

LABELS = ("neg", "neu", "pos")
_WORDS = {"negative": "neg", "neutral": "neu", "positive": "pos"}
EVIDENCE = ["n", "has", "mean", "min", "max", "negative", "positive", "first", "quoted", "qmean"]
PROMINENCE = [
    "mentions",
    "share",
    "top",
    "person_share",
    "sentence_share",
    "actors",
    "sentences",
    "opinion",
    "harms",
    "harmed",
    "helps",
]
PRODUCTS = ["mean_x_share", "mean_x_top", "mean_x_opinion"]
NEGATIVE_GRID = [round(float(x), 2) for x in np.arange(-0.6, 0.001, 0.05)]
POSITIVE_GRID = [round(float(x), 2) for x in np.arange(0.0, 0.401, 0.05)]
LEAST_GRID = (1, 2, 3)
Cuts = tuple[float, float, int]
PERSENT_BARS = (0.55, 0.45)
RULE = "sum"
"""How settings are chosen: ``sum`` of the two corpora's macro-F1, or ``persent-first``
(the rule of :mod:`parallax_dev.training.portrayal_cuts`: PerSenT's bars met first, then
BASIL's macro-F1)."""


def merit(measured: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """How good per-corpus scores are under :data:`RULE` (higher is better)."""
    if RULE == "sum":
        return 0.0, sum(f1 for _, f1 in measured.values())
    accuracy, f1 = measured["PerSenT"]
    meets = accuracy >= PERSENT_BARS[0] and f1 >= PERSENT_BARS[1]
    return float(meets), measured["BASIL"][1] + (0.0 if meets else f1)


def _order(sentence_id: Any) -> int:
    digits = str(sentence_id).lstrip("s")
    return int(digits) if digits.isdigit() else 0


@contextmanager
def _recording(store: dict[str, dict[str, Any]]) -> Iterator[None]:
    """Keep each article's portrayed actors and length while the evaluation casts them."""
    from parallax_dev.evaluation import portrayal

    original = portrayal.cast

    def cast(analyses: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        result = original(analyses)
        for key, analysis in analyses.items():
            store[key] = {"sentences": len(analysis.sentences), "actors": result[key]}
        return result

    portrayal.cast = cast
    try:
        yield
    finally:
        portrayal.cast = original


def extract(shared: Path, path: Path) -> list[dict[str, Any]]:
    """Per gold judgment: corpus, gold, side of the split, and the actor's features."""
    if path.is_file():
        loaded: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
        return loaded
    from parallax_dev.datasets.newsmtsc import cache_dir
    from parallax_dev.evaluation import portrayal

    items = []
    for corpus, run in (("BASIL", portrayal.basil), ("PerSenT", portrayal.persent)):
        store: dict[str, dict[str, Any]] = {}
        with _recording(store):
            found = run(shared, cache_dir())
        for gold, actor, key in found.details:
            items.append(
                {
                    "corpus": corpus,
                    "gold": gold,
                    "group": key.split(":")[0] if corpus == "BASIL" else key,
                    "selection": portrayal.selection_part(corpus, key, frozenset()),
                    "cuts": _WORDS[actor["sentiment_label"]] if actor else "neu",
                    "features": features(actor, store[key]) if actor else None,
                }
            )
    path.write_text(json.dumps(items), "utf-8")
    return items


def features(actor: dict[str, Any], article: dict[str, Any]) -> dict[str, float]:
    """What the pipeline already knows of one actor, as numbers."""
    evidence = actor.get("evidence", [])
    own = sorted(
        (_order(e["sentence_id"]), float(e["value"]))
        for e in evidence
        if e["signal"] == "sentiment" and e["voice"] == "own"
    )
    leans = np.array([v for _, v in own])
    quoted = [
        float(e["value"]) for e in evidence if e["signal"] == "sentiment" and e["voice"] != "own"
    ]
    actors = article["actors"]
    counts = [len(a.get("mentions", [])) for a in actors]
    persons = sum(len(a.get("mentions", [])) for a in actors if a.get("type") == "person")
    mentions = actor.get("mentions", [])
    deeds = Counter(
        e["signal"].split(":")[0]
        for e in evidence
        if e["voice"] == "own" and e["signal"] != "sentiment"
    )
    n = len(leans)
    mean = float(leans.mean()) if n else 0.0
    found = {
        "n": math.log1p(n),
        "has": float(n > 0),
        "mean": mean,
        "min": float(leans.min()) if n else 0.0,
        "max": float(leans.max()) if n else 0.0,
        "negative": float((leans <= -0.5).mean()) if n else 0.0,
        "positive": float((leans >= 0.5).mean()) if n else 0.0,
        "first": own[0][1] if n else 0.0,
        "quoted": math.log1p(len(quoted)),
        "qmean": float(np.mean(quoted)) if quoted else 0.0,
        "mentions": math.log1p(len(mentions)),
        "share": len(mentions) / max(sum(counts), 1),
        "top": float(len(mentions) >= max(counts, default=0)),
        "person_share": len(mentions) / max(persons, 1) if actor.get("type") == "person" else 0.0,
        "sentence_share": len({m.get("sentence_id") for m in mentions})
        / max(article["sentences"], 1),
        "actors": math.log1p(len(actors)),
        "sentences": math.log1p(article["sentences"]),
        "opinion": float(actor.get("article_genre") == "opinion"),
        "harms": math.log1p(
            deeds["agent of harmful action"] + deeds["subject of harmful-sounding word"]
        ),
        "harmed": math.log1p(
            deeds["target of harmful action"] + deeds["object of harmful-sounding word"]
        ),
        "helps": math.log1p(
            deeds["agent of helpful action"] + deeds["subject of helpful-sounding word"]
        ),
    }
    found["mean_x_share"] = mean * found["sentence_share"]
    found["mean_x_top"] = mean * found["top"]
    found["mean_x_opinion"] = mean * found["opinion"]
    return found


def scores(items: list[dict[str, Any]], predicted: list[str]) -> tuple[float, float]:
    """(accuracy, macro-F1 over the three labels); zeros for no items."""
    gold = [i["gold"] for i in items]
    if not gold:
        return 0.0, 0.0
    f1 = []
    for name in LABELS:
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == name)
        total = gold.count(name) + predicted.count(name)
        f1.append(2 * hits / total if total else 0.0)
    accuracy = float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))
    return round(accuracy, 3), round(float(np.mean(f1)), 3)


def by_corpus(items: list[dict[str, Any]], predicted: list[str]) -> dict[str, tuple[float, float]]:
    """Scores per corpus."""
    return {
        corpus: scores(
            [i for i in items if i["corpus"] == corpus],
            [p for i, p in zip(items, predicted, strict=True) if i["corpus"] == corpus],
        )
        for corpus in ("BASIL", "PerSenT")
    }


def _matrix(items: list[dict[str, Any]], keys: list[str]) -> np.ndarray:
    return np.array(
        [[i["features"][k] for k in keys] if i["features"] else [0.0] * len(keys) for i in items]
    )


def _cut(item: dict[str, Any], cuts: Cuts) -> str:
    negative, positive, least = cuts
    found = item["features"]
    if found is None or round(math.expm1(found["n"])) < least:
        return "neu"
    return "neg" if found["mean"] <= negative else "pos" if found["mean"] > positive else "neu"


def _best_cuts(items: list[dict[str, Any]], allowed: Callable[[int], bool]) -> Cuts:
    def total(cuts: Cuts) -> tuple[float, float]:
        predicted = [_cut(i, cuts) if allowed(n) else "neu" for n, i in enumerate(items)]
        return merit(by_corpus(items, predicted))

    grid: list[Cuts] = [
        (float(n), float(p), least)
        for n, p, least in itertools.product(NEGATIVE_GRID, POSITIVE_GRID, LEAST_GRID)
    ]
    return max(grid, key=total)


Reading = Callable[[list[dict[str, Any]], list[dict[str, Any]]], list[str]]


def multinomial(keys: list[str], c: float, weights: str | None, bias: float) -> Reading:
    """Logistic regression over the three labels, ``bias`` added to neutral's log-odds."""

    def read(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[str]:
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        fit = [i for i in train if i["features"]]
        scaler = StandardScaler().fit(_matrix(fit, keys))
        model = LogisticRegression(C=c, class_weight=weights, max_iter=2000)
        model.fit(scaler.transform(_matrix(fit, keys)), [LABELS.index(i["gold"]) for i in fit])
        odds = model.predict_log_proba(scaler.transform(_matrix(test, keys)))
        odds[:, 1] += bias
        return [
            LABELS[k] if i["features"] else "neu" for i, k in zip(test, odds.argmax(1), strict=True)
        ]

    return read


def _sided(
    train: list[dict[str, Any]], keys: list[str], c: float, target: Callable[[dict[str, Any]], bool]
) -> Callable[[list[dict[str, Any]]], np.ndarray]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(_matrix(train, keys))
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit(scaler.transform(_matrix(train, keys)), [target(i) for i in train])
    return lambda items: np.asarray(
        model.predict_proba(scaler.transform(_matrix(items, keys)))[:, 1]
    )


def two_stage(keys: list[str], c: float, bar: float) -> Reading:
    """Whether the author takes a side (at ``bar``), then which, each a regression."""

    def read(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[str]:
        fit = [i for i in train if i["features"]]
        polar = _sided(fit, keys, c, lambda i: i["gold"] != "neu")(test)
        side = _sided(
            [i for i in fit if i["gold"] != "neu"], keys, c, lambda i: i["gold"] == "pos"
        )(test)
        return [
            "neu" if not i["features"] or p < bar else "pos" if s >= 0.5 else "neg"
            for i, p, s in zip(test, polar, side, strict=True)
        ]

    return read


def gate(keys: list[str], c: float, bar: float) -> Reading:
    """The cuts (chosen on the training items) where a regression says a side is taken."""

    def read(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[str]:
        fit = [i for i in train if i["features"]]
        polar = _sided(fit, keys, c, lambda i: i["gold"] != "neu")
        on_train = polar(train)
        cuts = _best_cuts(train, lambda n: bool(train[n]["features"]) and on_train[n] >= bar)
        return [
            _cut(i, cuts) if p >= bar else "neu" for i, p in zip(test, polar(test), strict=True)
        ]

    return read


def cuts_alone(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[str]:
    """The cut rule itself, chosen on the training items by the same rule."""
    cuts = _best_cuts(train, lambda n: True)
    return [_cut(i, cuts) for i in test]


def cross_validated(items: list[dict[str, Any]], read: Reading, folds: int = 5) -> list[str]:
    """Each item's label from a reading fitted on the other folds (grouped by document)."""
    from sklearn.model_selection import GroupKFold

    predicted = ["neu"] * len(items)
    groups = [f"{i['corpus']}:{i['group']}" for i in items]
    for train, test in GroupKFold(folds).split(items, groups=groups):
        found = read([items[n] for n in train], [items[n] for n in test])
        for n, label in zip(test, found, strict=True):
            predicted[n] = label
    return predicted


def candidates() -> dict[str, dict[str, Reading]]:
    """Each kind of reading with its settings to choose among."""
    sets = {
        "evidence": EVIDENCE,
        "+prominence": EVIDENCE + PROMINENCE,
        "all": EVIDENCE + PROMINENCE + PRODUCTS,
    }
    return {
        "multinomial": {
            f"{name} C={c} {weights} bias={bias}": multinomial(keys, c, weights, bias)
            for (name, keys), c, weights, bias in itertools.product(
                sets.items(), (0.03, 0.3, 3.0), (None, "balanced"), (0.0, 0.5, 1.0)
            )
        },
        "two-stage": {
            f"{name} C={c} bar={bar}": two_stage(keys, c, bar)
            for (name, keys), c, bar in itertools.product(
                sets.items(), (0.03, 0.3), (0.4, 0.5, 0.6)
            )
        },
        "gate": {
            f"{name} C={c} bar={bar}": gate(keys, c, bar)
            for (name, keys), c, bar in itertools.product(
                sets.items(), (0.03, 0.3), (0.3, 0.4, 0.5)
            )
        },
        "cuts": {"chosen by the same rule": cuts_alone},
    }


def diagnose(selection: list[dict[str, Any]]) -> None:
    """How well single features rank each corpus's labels, and a reading fitted per corpus.

    The AUC of ``-mean`` for negative against the rest, of ``mean`` and of the actor's share
    of the article's mentions for positive against the rest; the share of actors that are
    the article's most mentioned; the best cross-validated multinomial reading fitted on one
    corpus alone (as if the corpus were known).
    """
    from sklearn.metrics import roc_auc_score

    readings = candidates()["multinomial"]
    for corpus in ("BASIL", "PerSenT"):
        part = [i for i in selection if i["corpus"] == corpus and i["features"]]
        gold = np.array([i["gold"] for i in part])
        column = {k: np.array([i["features"][k] for i in part]) for k in ("mean", "share", "top")}
        print(
            f"{corpus}: AUC -mean for neg {roc_auc_score(gold == 'neg', -column['mean']):.2f}, "
            f"mean for pos {roc_auc_score(gold == 'pos', column['mean']):.2f}, "
            f"share for pos {roc_auc_score(gold == 'pos', column['share']):.2f}; "
            f"most mentioned {column['top'].mean():.2f}"
        )
        alone = [i for i in selection if i["corpus"] == corpus]
        measured = {
            n: by_corpus(alone, cross_validated(alone, r))[corpus] for n, r in readings.items()
        }
        name = max(measured, key=lambda n: measured[n][1])
        print(f"  fitted on {corpus} alone: {name}, cross-validated {measured[name]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--diagnose", action="store_true", help="single features, per corpus")
    parser.add_argument("--rule", choices=("sum", "persent-first"), default="sum")
    args = parser.parse_args()
    global RULE
    RULE = args.rule
    from parallax_dev.datasets.newsmtsc import cache_dir

    items = extract(args.shared, cache_dir() / "reading-items.json")
    selection = [i for i in items if i["selection"]]
    held = [i for i in items if not i["selection"]]
    if args.diagnose:
        diagnose(selection)
        return
    print(
        "committed cuts: selection",
        by_corpus(selection, [i["cuts"] for i in selection]),
        "held out",
        by_corpus(held, [i["cuts"] for i in held]),
    )
    for kind, settings in candidates().items():
        measured = {
            name: by_corpus(selection, cross_validated(selection, read))
            for name, read in settings.items()
        }
        name = max(measured, key=lambda n: merit(measured[n]))
        print(
            f"{kind}: {name}; cross-validated selection {measured[name]}; "
            f"held out {by_corpus(held, settings[name](selection, held))}",
            flush=True,
        )


if __name__ == "__main__":
    main()
