"""Evaluating portrayal: roles on the Narrative Frames Corpus, sentiment on BASIL.

Neither corpus gives actors in our form, so the gold entities become actors whose mentions
are the entity's string found in the text (case-insensitive; for BASIL's person names, the
full name and the surname). Articles go through the parse and sentence steps of the
pipeline; the ``events`` layer is not used here (its actors would not be the gold ones), so
the figures measure the wording, label and tone signals alone, a lower bound for the
pipeline, which adds event evidence.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from parallax.model import Article
from parallax.portrayal.roles import portray

NFC_ROLES = {"hero": "protagonist", "villain": "antagonist", "victim": "victim"}


@dataclass
class PortrayalScores:
    """Role accuracy/macro-F1 on NFC entities and sentiment agreement on BASIL."""

    role_n: int
    role_accuracy: float
    role_macro_f1: float
    role_majority: float
    role_confusion: dict[str, dict[str, int]]
    sentiment_n: int
    sentiment_accuracy: float
    sentiment_majority: float


def _mentions(text: str, sentences: list[Any], names: list[str]) -> list[dict[str, Any]]:
    found = []
    for name in names:
        if len(name) < 3:
            continue
        for match in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            for s in sentences:
                if s.start <= match.start() < s.end:
                    found.append(
                        {
                            "text": match.group(),
                            "start": match.start(),
                            "end": match.end(),
                            "sentence_id": s.id,
                        }
                    )
                    break
    return found


def _analyse(texts: list[str]) -> list[Any]:
    from parallax.pipeline import load

    pipeline = load(["parse", "sentences"])
    articles = [Article(text=t, source=f"eval#{i}", language="en") for i, t in enumerate(texts)]
    return list(pipeline.pipe(articles))


def nfc_roles(shared: Path, limit: int | None = None) -> tuple[list[str], list[str]]:
    """Gold and predicted roles of the NFC entities (hero/villain/victim mapped)."""
    folder = shared / "datasets" / "narrative_frames_corpus" / "data"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the data folder")
    with (folder / "articles_metadata.tsv").open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    texts = {r[0]: r[4] for r in rows if len(r) > 4}
    entities: dict[str, list[tuple[str, str]]] = {}
    with (folder / "role_and_frame_annoations.tsv").open(encoding="utf-8") as handle:
        for line in list(handle)[1:]:
            cells = line.rstrip("\n").split("\t")
            if len(cells) > 3 and cells[3] in NFC_ROLES and cells[0] in texts:
                entities.setdefault(cells[0], []).append((cells[1], NFC_ROLES[cells[3]]))
    ids = sorted(entities, key=int)[:limit]
    analyses = _analyse([texts[i] for i in ids])
    gold, predicted = [], []
    for article_id, analysis in zip(ids, analyses, strict=True):
        actors: list[dict[str, Any]] = []
        for number, (name, role) in enumerate(entities[article_id]):
            mentions = _mentions(analysis.article.text, analysis.sentences, [name])
            if mentions:
                actors.append({"id": f"e{number}", "name": name, "mentions": mentions})
                gold.append(role)
        portray(actors, analysis.sentences, analysis.article.text)
        predicted += [str(a["role"]) for a in actors]
    return gold, predicted


def basil_sentiment(shared: Path, limit: int | None = None) -> tuple[list[str], list[str]]:
    """Gold author feeling (pos/neu/neg) towards BASIL main entities, and our sign."""
    folder = shared / "inputs" / "basil-media-bias"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the data folder")
    records = [json.loads(line) for line in (folder / "basil_articles.jsonl").open()]
    records = records[:limit]
    analyses = _analyse([r["text"] for r in records])
    gold, predicted = [], []
    for record, analysis in zip(records, analyses, strict=True):
        source = {"nyt": "nyt", "fox": "fox", "hpo": "hpo"}.get(record["source_code"], "")
        matches = list(folder.glob(f"annotations/*/{record['story_id']}_*_ann.json"))
        annotation = _basil_annotation(matches, source, record)
        if annotation is None:
            continue
        actors: list[dict[str, Any]] = []
        feelings: list[str] = []
        for key, feeling in annotation.items():
            if not key.startswith("author_feeling_") or key.endswith("main_event"):
                continue
            name = key.removeprefix("author_feeling_").replace("_", " ")
            names = [name, name.split()[-1]] if " " in name else [name]
            mentions = _mentions(analysis.article.text, analysis.sentences, names)
            if mentions and feeling in {"pos", "neu", "neg"}:
                actors.append({"id": name, "name": name, "mentions": mentions})
                feelings.append(feeling)
        portray(actors, analysis.sentences, analysis.article.text)
        gold += feelings
        predicted += [
            "pos"
            if float(a["sentiment"]) > 0.25
            else "neg"
            if float(a["sentiment"]) < -0.25
            else "neu"
            for a in actors
        ]
    return gold, predicted


def _basil_annotation(
    paths: list[Path], source: str, record: dict[str, Any]
) -> dict[str, Any] | None:
    # BASIL numbers the three articles of a story 1-3; we match the annotation by its
    # article file's source.
    for path in paths:
        article = path.parents[2] / "articles" / path.parent.name / path.name.replace("_ann", "")
        try:
            meta = json.loads(article.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if str(meta.get("source", "")).lower().startswith(source[:2]) or meta.get(
            "title"
        ) == record.get("title"):
            data = json.loads(path.read_text(encoding="utf-8"))
            return dict(data.get("article-level-annotations", {}))
    return None


def _macro_f1(gold: list[str], predicted: list[str], labels: list[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        denominator = gold.count(label) + predicted.count(label)
        scores.append(2 * tp / denominator if denominator else 0.0)
    return sum(scores) / len(scores)


def run(shared: Path, limit: int | None = None) -> PortrayalScores:
    """Both evaluations (``limit`` articles each, all when None)."""
    gold, predicted = nfc_roles(shared, limit)
    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    sentiment_gold, sentiment_predicted = basil_sentiment(shared, limit)
    n, m = max(len(gold), 1), max(len(sentiment_gold), 1)
    return PortrayalScores(
        role_n=len(gold),
        role_accuracy=sum(g == p for g, p in zip(gold, predicted, strict=True)) / n,
        role_macro_f1=_macro_f1(gold, predicted, ["protagonist", "antagonist", "victim"]),
        role_majority=Counter(gold).most_common(1)[0][1] / n if gold else 0.0,
        role_confusion=confusion,
        sentiment_n=len(sentiment_gold),
        sentiment_accuracy=sum(
            g == p for g, p in zip(sentiment_gold, sentiment_predicted, strict=True)
        )
        / m,
        sentiment_majority=(
            Counter(sentiment_gold).most_common(1)[0][1] / m if sentiment_gold else 0.0
        ),
    )


def format_markdown(scores: PortrayalScores) -> str:
    """The ``docs/evaluation.md`` section for portrayal."""
    roles = ("protagonist", "antagonist", "victim", "neutral")
    header = "| gold \\ ours | " + " | ".join(roles) + " |\n|---|" + "--:|" * len(roles)
    rows = "\n".join(
        f"| {g} | "
        + " | ".join(str(scores.role_confusion.get(g, {}).get(r, 0)) for r in roles)
        + " |"
        for g in roles[:3]
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval portrayal` reproduces these
figures.*

**Roles** on the Narrative Frames Corpus (Frermann et al. 2023): every entity annotated as
hero, villain or victim (mapped to protagonist, antagonist, victim) whose string occurs in
its article; {scores.role_n} entities. Gold has no neutral entities, so every *neutral* we
give counts as an error. The paper does not report an entity-role classifier to compare
with; the majority-class baseline is given instead.

| Metric | parallax | Majority class |
|---|--:|--:|
| accuracy | {scores.role_accuracy:.3f} | {scores.role_majority:.3f} |
| macro-F1 (3 roles) | {scores.role_macro_f1:.3f} | – |

{header}
{rows}

**Sentiment** towards BASIL's main entities (Fan et al. 2019, article-level
`author_feeling_<entity>` in pos/neu/neg): our sentiment cut at ±0.25 into three classes,
{scores.sentiment_n} (article, entity) pairs whose entity is named in the text.

| Metric | parallax | Majority class |
|---|--:|--:|
| 3-way accuracy | {scores.sentiment_accuracy:.3f} | {scores.sentiment_majority:.3f} |

These figures measure the wording, label and tone signals alone (the evaluation does not
have our event layer for the gold entities). Both corpora are harder than the seeds: NFC
entities are often abstract ("climate alarmism") and BASIL's reports are mostly neutral
in wording, which is why the role evidence is usually too weak and we say *neutral*.
"""
