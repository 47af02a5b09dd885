"""Evaluating portrayal on public data, end to end through the pipeline.

* **NewsMTSC dev** (rw and mt): the target-sentiment model alone, macro-F1 over 3 classes.
* **BASIL** 2010-2016: the author's feeling (pos/neu/neg) towards each main entity of an
  article, against the sentiment label the pipeline gives the actor that entity is; an
  entity the pipeline found no actor for counts as answered *neutral*.
* **PerSenT** dev: the author's sentiment towards the article's main person, the same way.
* **Narrative Frames Corpus**: hero/villain/victim of each annotated entity. Its entities
  are often not names ("climate alarmists"), which the actors step does not look for, so
  the gold entities become the actors (mentions: the annotated strings found in the text)
  and the rest of the pipeline (quotes, events, techniques, the model) runs as usual.

Each article goes through the pipeline once; the questions for the model (the token states
of the sentences that mention each actor) are kept with the analysis in ``.cache/portrayal``,
so a retrained model and changed role rules are measured without running the pipeline again.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from parallax.portrayal.target_sentiment import predict
from parallax_dev.datasets.newsmtsc import cache_dir, load_split, macro_f1
from parallax_dev.datasets.nfc import article_texts as nfc_texts
from parallax_dev.evaluation.portrayal_bars import bars
from parallax_dev.evaluation.portrayal_runs import PRONOUNS, analyse, cast

csv.field_size_limit(sys.maxsize)

SENTIMENTS = ("neg", "neu", "pos")
ROLES = ("protagonist", "antagonist", "victim")
NFC_ROLES = {"hero": "protagonist", "villain": "antagonist", "victim": "victim"}
_LABEL = {"negative": "neg", "neutral": "neu", "positive": "pos"}


@dataclass
class Scores:
    """Accuracy, macro-F1 and the majority-class baselines of one evaluation."""

    name: str
    n: int
    accuracy: float
    macro_f1: float
    majority_accuracy: float
    majority_macro_f1: float
    matched: int
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    details: list[tuple[str, dict[str, Any] | None, str]] = field(default_factory=list)
    """(gold, the matched actor as portrayed, the document's key) per item, for looking into
    the errors and for splitting a corpus into the part thresholds are chosen on and the
    part they are reported on (:mod:`parallax_dev.training.portrayal_cuts`)."""


def score(
    name: str, gold: list[str], predicted: list[str], labels: Sequence[str], matched: int
) -> Scores:
    """Scores of ``predicted`` against ``gold`` (macro-F1 over ``labels``)."""
    index = {label: n for n, label in enumerate(labels)}
    g = np.array([index.get(x, -1) for x in gold])
    p = np.array([index.get(x, -1) for x in predicted])
    common = Counter(gold).most_common(1)[0][0] if gold else labels[0]
    majority = np.full_like(g, index[common])
    confusion: dict[str, dict[str, int]] = {}
    for a, b in zip(gold, predicted, strict=True):
        confusion.setdefault(a, {}).setdefault(b, 0)
        confusion[a][b] += 1
    n = max(len(gold), 1)
    return Scores(
        name=name,
        n=len(gold),
        accuracy=round(float((g == p).sum()) / n, 3),
        macro_f1=round(macro_f1(g, p, len(labels)), 3),
        majority_accuracy=round(float((g == majority).sum()) / n, 3),
        majority_macro_f1=round(macro_f1(g, majority, len(labels)), 3),
        matched=matched,
        confusion=confusion,
    )


def find_actor(actors: Sequence[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The pipeline actor that is the named person or organisation, if any.

    A match is an actor whose name or a named mention equals the full name or, for a
    person's name of several words, its last word; the most mentioned such actor wins. When
    some actor matches the full name, an actor matched by the last word alone is another
    person of the same surname ("Ann Smith" for "Joan Smith") unless it is named by the
    surname alone (the same person, split from the full name by the actors step).
    """
    full = name.lower().strip()
    last = full.split()[-1] if " " in full else None
    found: list[tuple[bool, str, dict[str, Any]]] = []
    for actor in actors:
        forms = {str(actor.get("name", "")).lower()} | {
            str(m.get("text", "")).lower()
            for m in actor.get("mentions", [])
            if m.get("kind", "name") != "pronoun"
        }
        words = {w for f in forms for w in f.split()}
        if full in forms or (last is not None and last in words and len(last) > 2):
            found.append((full in forms, str(actor.get("name", "")).lower(), actor))
    if any(exact for exact, _, _ in found):
        found = [f for f in found if f[0] or f[1] == last]
    best = max(found, key=lambda f: len(f[2].get("mentions", [])), default=None)
    return best[2] if best else None


# -- the four evaluations ---------------------------------------------------------------


def newsmtsc_dev(shared: Path, cache: Path) -> dict[str, float]:
    """Macro-F1 of the target-sentiment model on NewsMTSC's dev files, and pooled."""
    splits = [load_split(shared, "dev_rw", cache), load_split(shared, "dev_mt", cache)]
    scores: dict[str, float] = {}
    golds, predictions = [], []
    for split in splits:
        predicted = predict(split.queries).argmax(1)
        scores[split.name] = round(macro_f1(split.labels, predicted), 4)
        majority = np.full_like(split.labels, np.bincount(split.labels).argmax())
        scores[f"{split.name}_majority"] = round(macro_f1(split.labels, majority), 4)
        golds.append(split.labels)
        predictions.append(predicted)
    scores["pooled"] = round(macro_f1(np.concatenate(golds), np.concatenate(predictions)), 4)
    scores["n"] = float(sum(len(s.labels) for s in splits))
    return scores


def basil(shared: Path, cache: Path, limit: int | None = None) -> Scores:
    """Author feeling towards BASIL's main entities (2010-2016), end to end."""
    folder = shared / "inputs" / "basil-media-bias"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the data folder")
    with (folder / "basil_articles.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    records = records[:limit]
    wanted: dict[str, list[tuple[str, str]]] = {}
    texts: dict[str, str] = {}
    for record in records:
        annotation = _basil_annotation(folder, record)
        if annotation is None:
            continue
        key = f"{record['story_id']}:{record['source_code']}"
        texts[key] = record["text"]
        for name, feeling in annotation.items():
            if not name.startswith("author_feeling_") or name.endswith("main_event"):
                continue
            if feeling in SENTIMENTS:
                wanted.setdefault(key, []).append(
                    (name.removeprefix("author_feeling_").replace("_", " "), feeling)
                )
    portrayed = cast(analyse(texts, cache, "basil"))
    gold, predicted, matched = [], [], 0
    details: list[tuple[str, dict[str, Any] | None, str]] = []
    for key, entities in wanted.items():
        actors = portrayed[key]
        for name, feeling in entities:
            actor = find_actor(actors, name)
            matched += actor is not None
            gold.append(feeling)
            predicted.append(_LABEL[actor["sentiment_label"]] if actor else "neu")
            details.append((feeling, actor, key))
    found = score("BASIL author feeling", gold, predicted, SENTIMENTS, matched)
    found.details = details
    return found


def _basil_annotation(folder: Path, record: dict[str, Any]) -> dict[str, Any] | None:
    # BASIL numbers a story's three articles 1-3; the annotation is the one whose article
    # file names the same outlet.
    for path in sorted(folder.glob(f"annotations/*/{record['story_id']}_*_ann.json")):
        article = folder / "articles" / path.parent.name / path.name.replace("_ann", "")
        try:
            meta = json.loads(article.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        source = str(meta.get("source", "")).lower()
        if source.startswith(record["source_code"][:2]) or meta.get("title") == record.get("title"):
            data = json.loads(path.read_text(encoding="utf-8"))
            return dict(data.get("article-level-annotations", {}))
    return None


def persent(shared: Path, cache: Path, limit: int | None = None) -> Scores:
    """The author's sentiment towards PerSenT's main person (dev split), end to end."""
    path = shared / "datasets" / "persent_author_sentiment" / "dev.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the data folder")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    texts = {row["DOCUMENT_INDEX"]: row["DOCUMENT"].replace("  ", ", ") for row in rows}
    portrayed = cast(analyse(texts, cache, "persent"))
    gold, predicted, matched = [], [], 0
    details: list[tuple[str, dict[str, Any] | None, str]] = []
    mapping = {"Negative": "neg", "Neutral": "neu", "Positive": "pos"}
    for row in rows:
        actor = find_actor(portrayed[row["DOCUMENT_INDEX"]], row["TARGET_ENTITY"])
        matched += actor is not None
        gold.append(mapping[row["TRUE_SENTIMENT"]])
        predicted.append(_LABEL[actor["sentiment_label"]] if actor else "neu")
        details.append((gold[-1], actor, row["DOCUMENT_INDEX"]))
    found = score("PerSenT author sentiment", gold, predicted, SENTIMENTS, matched)
    found.details = details
    return found


def nfc(shared: Path, cache: Path, limit: int | None = None, field: str = "role") -> Scores:
    """Hero/villain/victim of the NFC entities, with the gold entities as the actors.

    ``field`` is ``role`` (what the pipeline shows, neutral on weak evidence) or
    ``role_lean`` (where the evidence points, however weak).
    """
    folder = shared / "datasets" / "narrative_frames_corpus" / "data"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing; pass --shared pointing at the data folder")
    texts = nfc_texts(folder)
    grouped: dict[str, dict[tuple[str, str], list[str]]] = {}
    with (folder / "role_and_frame_annoations.tsv").open(encoding="utf-8") as handle:
        for line in list(handle)[1:]:
            cells = line.rstrip("\n").split("\t")
            if len(cells) > 3 and cells[3] in NFC_ROLES and cells[0] in texts:
                names = grouped.setdefault(cells[0], {}).setdefault((cells[2], cells[3]), [])
                if cells[1].lower() not in PRONOUNS:
                    names.append(cells[1])
    ids = sorted(grouped, key=int)[:limit]
    entities = {
        i: [(f"{group}|{role}", names) for (group, role), names in grouped[i].items() if names]
        for i in ids
    }
    portrayed = cast(analyse({i: texts[i] for i in ids}, cache, "nfc", entities))
    gold, predicted, matched = [], [], 0
    details: list[tuple[str, dict[str, Any] | None, str]] = []
    for i in ids:
        actors = {a["name"]: a for a in portrayed[i]}
        for key, _ in entities[i]:
            actor = actors.get(key)
            if actor is None or not actor.get("mentions"):
                continue
            matched += 1
            gold.append(NFC_ROLES[key.split("|")[1]])
            predicted.append(str(actor[field]))
            details.append((gold[-1], actor, i))
    found = score(f"NFC roles ({field})", gold, predicted, ROLES, matched)
    found.details = details
    return found


@dataclass
class Result:
    """Everything ``parallax-dev eval portrayal`` measures."""

    newsmtsc: dict[str, float]
    end_to_end: list[Scores]
    parts: list[Scores] = field(default_factory=list)
    """The end-to-end scores again on each corpus's selection and held-out parts."""


def selection_part(corpus: str, key: str, nfc_selection: frozenset[str]) -> bool:
    """Whether an item is in the part thresholds may be chosen on.

    BASIL by story (id starting 0-7), PerSenT by document (even index), NFC by the paper's
    first fold (its train and dev articles; its test articles are held out).
    """
    if corpus == "BASIL":
        return int(key.split(":")[0][0], 16) < 8
    if corpus == "PerSenT":
        return int(key) % 2 == 0
    return key in nfc_selection


def split_scores(found: Scores, nfc_selection: frozenset[str]) -> list[Scores]:
    """``found`` rescored on its corpus's selection part and its held-out part."""
    corpus = found.name.split()[0]
    labels = ROLES if corpus == "NFC" else SENTIMENTS
    result = []
    for selection, part in ((True, "selection"), (False, "held out")):
        chosen = [
            d for d in found.details if selection_part(corpus, d[2], nfc_selection) == selection
        ]
        gold = [d[0] for d in chosen]
        if corpus == "NFC":
            field_name = "role_lean" if "role_lean" in found.name else "role"
            predicted = [str(d[1][field_name]) if d[1] else "neutral" for d in chosen]
        else:
            predicted = [_LABEL[d[1]["sentiment_label"]] if d[1] else "neu" for d in chosen]
        matched = sum(1 for d in chosen if d[1] is not None)
        result.append(score(f"{found.name}, {part}", gold, predicted, labels, matched))
    return result


def nfc_fold_selection(shared: Path) -> frozenset[str]:
    """Article ids of the Narrative Frames paper's first fold, train and dev files."""
    folder = shared / "datasets" / "narrative_frames_corpus" / "data_splits_raw" / "Fold_1"
    ids: set[str] = set()
    for name in ("train.txt", "dev.txt"):
        path = folder / name
        if path.is_file():
            ids |= {line.split("\t", 1)[0] for line in path.read_text("utf-8").splitlines()}
    return frozenset(ids)


def run(shared: Path, limit: int | None = None, cache: Path | None = None) -> Result:
    """The four evaluations (``limit`` articles per corpus, all when None)."""
    cache = cache or cache_dir()
    end_to_end = [
        basil(shared, cache, limit),
        persent(shared, cache, limit),
        nfc(shared, cache, limit),
        nfc(shared, cache, limit, "role_lean"),
    ]
    folds = nfc_fold_selection(shared)
    parts = [part for found in end_to_end for part in split_scores(found, folds)]
    return Result(newsmtsc_dev(shared, cache), end_to_end, parts)


def choose_cuts(shared: Path, cache: Path | None = None) -> Any:
    """What :mod:`parallax_dev.training.portrayal_cuts` picks (a ``Choice``).

    The sentiment cuts and minimum evidence, chosen on the selection parts of BASIL and
    PerSenT from each actor's raw own-voice mean.
    """
    from parallax_dev.training.portrayal_cuts import choose, items, raw_means

    cache = cache or cache_dir()
    with raw_means():
        found_basil, found_persent = basil(shared, cache), persent(shared, cache)
    return choose(
        items(found_basil.details, lambda key: selection_part("BASIL", key, frozenset())),
        items(found_persent.details, lambda key: selection_part("PerSenT", key, frozenset())),
    )


def format_markdown(result: Result) -> str:
    """The ``docs/evaluation.md`` section for portrayal."""
    tsc = result.newsmtsc
    rows = "\n".join(
        f"| {s.name} | {s.n} | {s.matched} | {s.accuracy:.3f} | {s.macro_f1:.3f} | "
        f"{s.majority_accuracy:.3f} | {s.majority_macro_f1:.3f} |"
        for s in result.end_to_end
    )
    part_rows = "\n".join(
        f"| {s.name} | {s.n} | {s.accuracy:.3f} | {s.macro_f1:.3f} | "
        f"{s.majority_accuracy:.3f} | {s.majority_macro_f1:.3f} |"
        for s in result.parts
    )
    confusions = "\n".join(
        f"- {s.name}, gold: ours: "
        + "; ".join(f"{g}: {dict(sorted(p.items()))}" for g, p in sorted(s.confusion.items()))
        for s in result.end_to_end
    )
    return f"""*Measured {date.today().isoformat()}; `parallax-dev eval portrayal` reproduces these
figures (`parallax-dev train portrayal` the model).*

**Target sentiment**, the model alone (:mod:`parallax.portrayal.target_sentiment`): NewsMTSC
dev files, macro-F1 over negative / neutral / positive, {int(tsc["n"])} targets. The model
is selected on these files (the epoch with the best pooled score); NewsMTSC's test files
are kept back. Published best (RoBERTa, GRU-TSC, on the test sets): 0.831 (rw), 0.825 (mt).

| Set | parallax | Majority class |
|---|--:|--:|
| dev_rw | {tsc["dev_rw"]:.3f} | {tsc["dev_rw_majority"]:.3f} |
| dev_mt | {tsc["dev_mt"]:.3f} | {tsc["dev_mt_majority"]:.3f} |
| both | {tsc["pooled"]:.3f} | – |

**End to end**: BASIL 2010-2016 (author feeling towards each main entity) and PerSenT dev
(the author's sentiment towards the main person) through the pipeline's own actors, the
actor's sentiment label in the article's own voice against gold; *matched* counts the gold
entities an actor was found for, the others count as answered *neutral*. Narrative Frames
(hero / villain / victim, mapped to protagonist / antagonist / victim; gold has no neutral,
so every *neutral* is an error) with the gold entities as the actors, since most are not
names ("climate alarmists"); macro-F1 over the three roles.

| Evaluation | n | matched | accuracy | macro-F1 | majority accuracy | majority macro-F1 |
|---|--:|--:|--:|--:|--:|--:|
{rows}

The same on each corpus's part that thresholds may be chosen on (*selection*: BASIL stories
whose id starts 0-7, PerSenT's even documents, the NFC paper's fold 1 train and dev) and
the part that is only reported (*held out*); `parallax-dev eval portrayal --choose-cuts`
picks the sentiment cuts on the selection parts (:mod:`parallax_dev.training.portrayal_cuts`).

| Part | n | accuracy | macro-F1 | majority accuracy | majority macro-F1 |
|---|--:|--:|--:|--:|--:|
{part_rows}

{confusions}

{bars(result)}
"""
