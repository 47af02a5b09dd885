"""A first cross-source comparison: group articles into stories and show entity coverage.

This works on report records (the stored JSON of each analysis), so it needs no models and
can run on analyses made earlier. Stories are found by TF-IDF cosine similarity over
content words and entity names with single-link grouping, never across more than a month;
within a story, the entities every source names are listed as shared, and those only some
name are coverage gaps.
Claim alignment, portrayal and the merged timeline plug in here as those layers land.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from parallax.actors.timeline import merge_timelines
from parallax.report.json_report import empty_comparison

STORY_SIMILARITY = 0.15
STORY_WINDOW_DAYS = 31
"""Articles dated further apart than this are never put in the same story."""
GAP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "LAW", "LOC", "FAC"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "this",
        "from",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "been",
        "being",
        "their",
        "there",
        "they",
        "them",
        "will",
        "would",
        "could",
        "should",
        "about",
        "into",
        "over",
        "also",
        "than",
        "then",
        "when",
        "what",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "its",
        "it's",
        "not",
        "but",
        "our",
        "out",
        "more",
        "most",
        "some",
        "such",
        "only",
        "other",
        "any",
        "all",
        "can",
        "may",
        "might",
        "must",
        "very",
        "just",
        "his",
        "her",
        "him",
        "she",
        "he",
        "you",
        "your",
        "yours",
        "we",
        "us",
        "said",
        "says",
        "say",
        "one",
        "two",
        "new",
        "after",
        "before",
        "between",
        "because",
        "against",
        "during",
        "under",
        "since",
        "these",
        "those",
        "where",
        "here",
        "how",
        "why",
        "each",
        "both",
        "many",
        "much",
        "now",
        "even",
        "still",
        "own",
        "same",
        "so",
        "too",
        "onto",
        "upon",
        "per",
        "via",
    ]
)
_DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s$")


def entity_key(text: str) -> str:
    """Normalise an entity mention so "the U.S.'s" and "U.S." compare equal."""
    text = _POSSESSIVE.sub("", _DETERMINER.sub("", " ".join(text.split())))
    return text.lower().strip(" .,;:")


def _terms(record: dict[str, Any]) -> Counter[str]:
    words = Counter(
        w.lower()
        for w in _WORD.findall(f"{record.get('title') or ''} {record['text']}")
        if w.lower() not in _STOP
    )
    for entity in record.get("entities", []):
        if entity["label"] in GAP_LABELS:
            words["ent:" + entity_key(entity["text"])] += 3
    return words


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(term, 0.0) for term, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _date(record: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(record["date"]) if record.get("date") else None
    except ValueError:
        return None


def cluster_stories(records: list[dict[str, Any]]) -> list[list[int]]:
    """Group record indices into stories (single link over TF-IDF cosine similarity)."""
    bags = [_terms(r) for r in records]
    documents = Counter(term for bag in bags for term in bag)
    n = len(records)
    vectors = [
        {
            t: (1 + math.log(c)) * (1 + math.log((1 + n) / (1 + documents[t])))
            for t, c in bag.items()
        }
        for bag in bags
    ]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dates = [_date(r) for r in records]
    for i in range(n):
        for j in range(i + 1, n):
            first, second = dates[i], dates[j]
            if first and second and abs((first - second).days) > STORY_WINDOW_DAYS:
                continue
            if _cosine(vectors[i], vectors[j]) >= STORY_SIMILARITY:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def compare(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Build the ``comparison`` part of the report for analysed records."""
    result = empty_comparison()
    analysed = [r for r in records if r.get("status") == "analysed"]
    result["timeline"] = merge_timelines(analysed)
    for number, group in enumerate(cluster_stories(analysed), start=1):
        members = [analysed[i] for i in group]
        story_id = f"story-{number}"
        mentions: dict[str, Counter[str]] = {}
        names: dict[str, Counter[str]] = defaultdict(Counter)
        labels: dict[str, str] = {}
        for record in members:
            counter: Counter[str] = Counter()
            for entity in record.get("entities", []):
                if entity["label"] not in GAP_LABELS:
                    continue
                key = entity_key(entity["text"])
                if not key:
                    continue
                counter[key] += 1
                names[key][entity["text"]] += 1
                labels.setdefault(key, entity["label"])
            mentions[record["id"]] = counter
        ids = [r["id"] for r in members]
        covered = Counter(key for counter in mentions.values() for key in counter)
        shared = [key for key, count in covered.items() if count == len(members)]
        total = Counter({key: sum(mentions[i][key] for i in ids) for key in covered})
        top = [names[key].most_common(1)[0][0] for key, _ in total.most_common(5)]
        result["stories"].append(
            {
                "id": story_id,
                "label": ", ".join(top),
                "articles": ids,
                "shared_entities": sorted(
                    (names[key].most_common(1)[0][0] for key in shared),
                    key=lambda name: -total[entity_key(name)],
                ),
            }
        )
        if len(members) < 2:
            continue
        gaps = [key for key, count in covered.items() if count < len(members)]
        gaps.sort(key=lambda key: (-total[key], key))
        for key in gaps[:40]:
            result["gaps"].append(
                {
                    "story": story_id,
                    "kind": "entity",
                    "name": names[key].most_common(1)[0][0],
                    "label": labels[key],
                    "covered_by": [i for i in ids if mentions[i][key]],
                    "missing_from": [i for i in ids if not mentions[i][key]],
                    "mentions": total[key],
                }
            )
    return result
