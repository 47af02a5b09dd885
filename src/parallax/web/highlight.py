"""Cut an article's text into marked segments for the highlighted article view.

Sentence types, persuasion techniques and actor mentions are spans over the same text that
may overlap, so the text is cut at every span boundary and each piece carries every mark
that covers it. The pieces join back to exactly the original text; the template escapes
each one, so nothing in an article is ever read as markup.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, TypedDict

from parallax.record import ActorRecord, ArticleRecord, EntityRecord

ACTOR_COLOURS = 8
"""Actors are coloured by their index modulo this (the style sheet defines the colours)."""
_CLASS_SAFE = re.compile(r"[^a-z0-9_-]")
_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


@dataclass
class Segment:
    """A piece of text under one set of marks."""

    text: str
    sentence_id: str | None = None
    sentence_type: str | None = None
    techniques: list[str] = field(default_factory=list)
    actor: int | None = None
    actor_name: str | None = None

    @property
    def classes(self) -> str:
        """CSS classes for the marks (only safe characters, whatever the data holds)."""
        parts = []
        if self.sentence_type:
            parts.append("st-" + _CLASS_SAFE.sub("", self.sentence_type.lower()))
        if self.techniques:
            parts.append("tech")
        if self.actor is not None:
            parts.append(f"actor actor-{self.actor % ACTOR_COLOURS}")
        return " ".join(parts)

    @property
    def title(self) -> str:
        """A tooltip naming the marks in plain words."""
        parts = []
        if self.sentence_type:
            parts.append(label(self.sentence_type))
        if self.techniques:
            parts.append("Technique: " + ", ".join(label(t) for t in self.techniques))
        if self.actor_name:
            parts.append("Actor: " + self.actor_name)
        return " · ".join(parts)


def label(name: str) -> str:
    """A layer value as plain words: ``call_to_action`` -> ``Call to action``."""
    words = str(name).replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class EntityGroup(TypedDict):
    """Mentions of one named entity, standing in for an actor before the actors layer."""

    id: str
    name: str
    mentions: list[EntityRecord]


def actor_list(record: ArticleRecord) -> list[ActorRecord | EntityGroup]:
    """The article's actors, or its named entities grouped by name when it has no actors yet."""
    actors: list[ActorRecord | EntityGroup] = [
        a for a in record.get("actors") or [] if isinstance(a, dict)
    ]
    if actors:
        return actors
    grouped: dict[str, EntityGroup] = {}
    for entity in record.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("label") not in {
            "PERSON",
            "ORG",
            "GPE",
            "NORP",
        }:
            continue
        key = str(entity.get("text", "")).lower()
        actor = grouped.setdefault(
            key, {"id": "entity:" + key, "name": entity.get("text"), "mentions": []}
        )
        actor["mentions"].append(entity)
    return sorted(grouped.values(), key=lambda a: -len(a["mentions"]))


def actor_key(actor: ActorRecord | EntityGroup) -> str:
    """What identifies an actor across articles: its id, else its name."""
    return str(actor.get("id") or actor.get("name") or "").lower()


def palette(records: list[ArticleRecord]) -> dict[str, int]:
    """One colour index per actor over several articles, most mentioned first.

    Used on the comparison page so the same actor has the same colour in every column.
    """
    counts: dict[str, int] = {}
    for record in records:
        for actor in actor_list(record):
            key = actor_key(actor)
            counts[key] = counts.get(key, 0) + len(actor.get("mentions") or [])
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return {key: index for index, key in enumerate(ranked)}


def segments(record: ArticleRecord, colours: dict[str, int] | None = None) -> list[list[Segment]]:
    """The article text as paragraphs of marked segments.

    Args:
        record: an article record of the JSON report.
        colours: actor key -> colour index (from :func:`palette`); default: by the order of
            the article's own actors.
    """
    text = str(record.get("text") or "")
    n = len(text)
    spans: list[tuple[int, int, str, Any]] = []
    for sentence in record.get("sentences") or []:
        start, end = _int(sentence.get("start")), _int(sentence.get("end"))
        if start is not None and end is not None and 0 <= start < end <= n:
            spans.append((start, end, "sentence", sentence))
        for technique in sentence.get("techniques") or []:
            if not isinstance(technique, dict):
                continue
            t0, t1 = _int(technique.get("start")), _int(technique.get("end"))
            if t0 is not None and t1 is not None and 0 <= t0 < t1 <= n:
                spans.append((t0, t1, "technique", str(technique.get("name", "technique"))))
    for index, actor in enumerate(actor_list(record)):
        if colours is not None:
            index = colours.get(actor_key(actor), index)
        for mention in actor.get("mentions") or []:
            if not isinstance(mention, dict):
                continue
            m0, m1 = _int(mention.get("start")), _int(mention.get("end"))
            if m0 is not None and m1 is not None and 0 <= m0 < m1 <= n:
                spans.append((m0, m1, "actor", (index, str(actor.get("name") or ""))))
    cuts = {0, n}
    for start, end, _kind, _value in spans:
        cuts.update((start, end))
    for match in _BREAK.finditer(text):
        cuts.update((match.start(), match.end()))
    bounds = sorted(cuts)
    pieces = [Segment(text[a:b]) for a, b in itertools.pairwise(bounds)]
    # Longest spans first, so a shorter (inner) sentence or actor mention wins.
    for s0, s1, kind, value in sorted(spans, key=lambda span: span[0] - span[1]):
        for segment in pieces[bisect_left(bounds, s0) : bisect_left(bounds, s1)]:
            if kind == "sentence":
                segment.sentence_id = str(value.get("id") or "")
                segment.sentence_type = value.get("type") or None
            elif kind == "technique" and value not in segment.techniques:
                segment.techniques.append(value)
            elif kind == "actor":
                segment.actor, segment.actor_name = value
    paragraphs: list[list[Segment]] = [[]]
    for segment in pieces:
        if _BREAK.fullmatch(segment.text):
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(segment)
    return [p for p in paragraphs if p]


def technique_names(record: ArticleRecord) -> list[str]:
    """Every technique named in the article, most frequent first."""
    counts: dict[str, int] = {}
    for sentence in record.get("sentences") or []:
        for technique in sentence.get("techniques") or []:
            if isinstance(technique, dict) and technique.get("name"):
                name = str(technique["name"])
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))
