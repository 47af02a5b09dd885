"""Story clustering scored on BASIL and described on RUWA; its throughput at 10x and 100x.

* ``evaluate`` (``parallax-dev eval stories``): the adjusted Rand index of our stories against
  BASIL's (70 stories, each told by The New York Times, Fox News and HuffPost), on the tuning
  half (2010-2012), the held-out half (2013-2016) and overall; and, on RUWA's 864 headlines
  of 20-28 February 2022, how many stories we find, their sizes, examples, and their purity
  against RUWA's event labels.
* ``benchmark`` (``parallax-dev bench stories``): the corpus repeated 10 and 100 times with
  variations (each copy shifted in time, new ids, titles with a word dropped, embeddings
  jittered) and clustered from scratch; articles per second, comparisons per article and
  peak memory, beside the 1x run in the same process.

Lead embeddings of the originals are computed once with the shared encoder and cached
under ``.cache/`` (the encoder is not what these measure).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import numpy as np

from parallax.comparison.stories import (
    DEFAULT_PARAMS,
    ClusterParams,
    StoryFeatures,
    StoryIndex,
    features,
)
from parallax.comparison.terms import lead
from parallax.record import ActorRecord, EntityRecord
from parallax_dev.cache_files import write_atomically

BASIL = Path("inputs/basil-media-bias/basil_articles.jsonl")
RUWA = Path("inputs/ruwa-ukraine-war-headlines/ruwa_2022-02-20_to_2022-02-28.jsonl")
TUNING_YEARS = ("2010", "2011", "2012")
CACHE = Path(".cache/story-leads")
SPAN_DAYS = 400
"""Each copy of the corpus is shifted this many days more than the one before."""


class LabelledRecord(TypedDict):
    """An article of a story-clustering data set: what clustering reads, and its gold story."""

    id: str
    title: str | None
    outlet: str | None
    date: str | None
    text: str
    story: str | None
    # Never set here (no pipeline runs), but declared so the record is a StoryFields.
    entities: NotRequired[list[EntityRecord]]
    actors: NotRequired[list[ActorRecord]]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the shared data")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def basil_records(shared: Path) -> list[LabelledRecord]:
    """BASIL's articles as report-like records, with ``story`` holding the gold story id."""
    rows = _read_jsonl(shared / BASIL)
    return [
        {
            "id": f"basil-{i}",
            "title": row.get("title"),
            "outlet": row.get("source"),
            "date": row.get("date"),
            "text": row.get("text") or "",
            "story": row["story_id"],
        }
        for i, row in enumerate(rows)
    ]


def ruwa_records(shared: Path) -> list[LabelledRecord]:
    """RUWA's headlines (title and description) as records, ``story`` = its event label."""
    rows = _read_jsonl(shared / RUWA)
    return [
        {
            "id": f"ruwa-{i}",
            "title": row.get("title") or None,
            "outlet": row.get("site"),
            "date": row.get("date"),
            "text": row.get("description") or "",
            "story": row.get("event"),
        }
        for i, row in enumerate(rows)
        if (row.get("title") or row.get("description"))
    ]


def lead_vectors(records: Sequence[LabelledRecord], cache: Path = CACHE) -> np.ndarray:
    """Lead embeddings of records, from the cache when the same leads were encoded before."""
    leads = [lead(r) for r in records]
    key = hashlib.sha256("\x00".join(leads).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{key}.npy"
    if path.exists():
        return np.asarray(np.load(path), dtype=np.float32)
    from parallax.encoder import encode

    vectors = encode(leads)
    write_atomically(path, lambda stream: np.save(stream, vectors))
    return vectors


def cluster(
    items: Sequence[StoryFeatures], params: ClusterParams = DEFAULT_PARAMS
) -> tuple[list[int], StoryIndex]:
    """Cluster features with a fresh index; labels in input order."""
    index = StoryIndex(params)
    return index.add_all(items), index


def ari(gold: Sequence[Any], predicted: Sequence[int]) -> float:
    """The adjusted Rand index of two labelings."""
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(list(gold), list(predicted)))


@dataclass
class StoryScores:
    """BASIL scores on the tuning half, the held-out half and overall."""

    tuning: float
    held_out: float
    overall: float
    stories: int
    gold_stories: int


def basil_scores(
    records: Sequence[LabelledRecord], vectors: np.ndarray, params: ClusterParams
) -> StoryScores:
    """Cluster each half separately and the whole corpus; ARI of each against the gold."""
    items = features(records, vectors)
    halves: dict[bool, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        halves[str(record["date"])[:4] in TUNING_YEARS].append(i)
    scores = {}
    for tuning, members in halves.items():
        labels, _ = cluster([items[i] for i in members], params)
        scores[tuning] = ari([records[i]["story"] for i in members], labels)
    labels, index = cluster(items, params)
    return StoryScores(
        tuning=scores[True],
        held_out=scores[False],
        overall=ari([r["story"] for r in records], labels),
        stories=len(index.stories),
        gold_stories=len({r["story"] for r in records}),
    )


def tune(records: Sequence[LabelledRecord], vectors: np.ndarray) -> tuple[ClusterParams, float]:
    """Grid-search threshold and embedding weight on the tuning half (2010-2012) only.

    Many settings score the same on 105 articles, so the choice is the middle of the widest
    run of best-scoring thresholds: the setting furthest from either kind of error.
    """
    members = [i for i, r in enumerate(records) if str(r["date"])[:4] in TUNING_YEARS]
    items = features([records[i] for i in members], vectors[members])
    gold = [records[i]["story"] for i in members]
    thresholds = [round(float(t), 2) for t in np.arange(0.10, 0.61, 0.02)]
    table: dict[tuple[float, float], float] = {}
    for weight in (0.2, 0.3, 0.4, 0.5, 0.6):
        for threshold in thresholds:
            params = replace(DEFAULT_PARAMS, threshold=threshold, embedding_weight=weight)
            table[weight, threshold] = ari(gold, cluster(items, params)[0])
    top = max(table.values())
    best: tuple[int, float, float] = (0, 0.0, 0.0)
    for weight in sorted({w for w, _ in table}):
        run: list[float] = []
        for threshold in [*thresholds, 99.0]:
            if table.get((weight, threshold), -1.0) >= top - 1e-9:
                run.append(threshold)
                continue
            if len(run) > best[0]:
                best = (len(run), weight, run[len(run) // 2])
            run = []
    params = replace(DEFAULT_PARAMS, threshold=best[2], embedding_weight=best[1])
    return params, top


def ruwa_summary(
    records: Sequence[LabelledRecord], vectors: np.ndarray, params: ClusterParams
) -> dict[str, Any]:
    """Cluster counts, sizes, examples and purity against RUWA's event labels."""
    labels, _ = cluster(features(records, vectors), params)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    sizes = sorted((len(g) for g in groups.values()), reverse=True)
    majority = sum(
        Counter(records[i]["story"] for i in g).most_common(1)[0][1] for g in groups.values()
    )
    outlets = [len({records[i]["outlet"] for i in g}) for g in groups.values()]
    largest = sorted(groups.values(), key=len, reverse=True)[:5]
    return {
        "headlines": len(records),
        "stories": len(groups),
        "singletons": sum(1 for s in sizes if s == 1),
        "largest": sizes[:10],
        "multi_outlet": sum(1 for n in outlets if n > 1),
        "purity": majority / len(records),
        "ari_events": ari([r["story"] for r in records], labels),
        "examples": [
            {
                "size": len(g),
                "outlets": sorted({str(records[i]["outlet"]) for i in g}),
                "titles": [str(records[i]["title"] or records[i]["text"])[:90] for i in g[:3]],
            }
            for g in largest
        ],
    }


def _variant(
    items: Sequence[StoryFeatures], copy: int, rng: random.Random, np_rng: np.random.Generator
) -> list[StoryFeatures]:
    """One perturbed copy: shifted in time, new ids, a term dropped, jittered embedding."""
    shifted = []
    for item in items:
        terms = sorted(item.terms)
        if len(terms) > 3:
            terms.pop(rng.randrange(len(terms)))
        noise = np_rng.normal(0.0, 0.01, item.vector.shape).astype(np.float32)
        vector = item.vector + noise
        vector /= np.linalg.norm(vector) or 1.0
        day = None if item.day is None else item.day + SPAN_DAYS * copy + rng.randint(0, 1)
        shifted.append(StoryFeatures(f"{item.id}-{copy}", day, vector, frozenset(terms)))
    return shifted


def benchmark(
    records: Sequence[LabelledRecord], vectors: np.ndarray, scales: Sequence[int] = (1, 10, 100)
) -> list[dict[str, Any]]:
    """Time clustering of the corpus repeated ``scale`` times with variations."""
    base = features(records, vectors)
    gold = [r["story"] for r in records]
    rows = []
    for scale in scales:
        rng, np_rng = random.Random(scale), np.random.default_rng(scale)
        items: list[StoryFeatures] = []
        labels_gold: list[str] = []
        for copy in range(scale):
            items.extend(base if copy == 0 else _variant(base, copy, rng, np_rng))
            labels_gold.extend(f"{g}-{copy}" for g in gold)
        started = time.perf_counter()
        labels, index = cluster(items)
        elapsed = time.perf_counter() - started
        tracemalloc.start()  # a second, traced run: tracing slows the timed one down
        cluster(items)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append(
            {
                "scale": scale,
                "articles": len(items),
                "seconds": elapsed,
                "per_second": len(items) / elapsed,
                "comparisons_per_article": index.comparisons / len(items),
                "peak_mib": peak / 2**20,
                "ari": ari(labels_gold, labels),
            }
        )
    return rows


def format_evaluation(
    scores: StoryScores, tuned: ClusterParams, tuned_score: float, ruwa: dict[str, Any]
) -> str:
    """The evaluation as Markdown for docs/evaluation.md."""
    lines = [
        "| BASIL part | articles | adjusted Rand index |",
        "|---|---|---|",
        f"| tuning half (2010-2012) | 105 | {scores.tuning:.3f} |",
        f"| held-out half (2013-2016) | 105 | {scores.held_out:.3f} |",
        f"| all 210 | 210 | {scores.overall:.3f} ({scores.stories} stories found, "
        f"{scores.gold_stories} gold) |",
        "",
        f"Grid search on the tuning half alone picks threshold {tuned.threshold} and "
        f"embedding weight {tuned.embedding_weight} (tuning-half ARI {tuned_score:.3f}); "
        f"the defaults are threshold {DEFAULT_PARAMS.threshold}, weight "
        f"{DEFAULT_PARAMS.embedding_weight}, window {DEFAULT_PARAMS.window_days} days.",
        "",
        f"RUWA, {ruwa['headlines']} headlines of 20-28 February 2022: {ruwa['stories']} stories "
        f"({ruwa['singletons']} single headlines; largest {', '.join(map(str, ruwa['largest']))}), "
        f"{ruwa['multi_outlet']} told by more than one outlet; purity against RUWA's event "
        f"labels {ruwa['purity']:.3f} (ARI {ruwa['ari_events']:.3f}).",
        "",
        "Largest RUWA stories:",
        "",
    ]
    for example in ruwa["examples"]:
        lines.append(
            f"- {example['size']} headlines from {', '.join(example['outlets'])}: "
            + " / ".join(f"“{t}”" for t in example["titles"])
        )
    return "\n".join(lines) + "\n"


def format_benchmark(rows: Sequence[dict[str, Any]]) -> str:
    """The benchmark as a Markdown table with ratios to the 1x run."""
    base = rows[0]
    lines = [
        "| corpus | articles | seconds | articles/s | ratio to 1x | comparisons/article "
        "| peak MiB | ARI |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['scale']}x BASIL | {row['articles']} | {row['seconds']:.2f} | "
            f"{row['per_second']:.0f} | {row['per_second'] / base['per_second']:.2f} | "
            f"{row['comparisons_per_article']:.1f} | {row['peak_mib']:.1f} | {row['ari']:.3f} |"
        )
    return "\n".join(lines) + "\n"
