"""How differently the sources of a story portray each actor they share.

The role (protagonist, antagonist, victim, neutral) and sentiment (-1..1) of each actor in
each article come from the portrayal layer (helper "persuasion"), which fills them in place
on the actors layer. Here they are lined up per actor across the sources with the sentences
that support them, and a divergence says how far apart the sources are: the spread of their
sentiments plus one when they cast the actor in different roles. Without the portrayal layer
the per-source entries still list the sentences that mention the actor, and the divergence
is null (unknown, not zero).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NotRequired, TypedDict

from parallax.comparison.coverage import ACTOR_TYPES_SKIPPED
from parallax.comparison.terms import GAP_LABELS, entity_key
from parallax.record import (
    ActorRecord,
    ArticleRecord,
    PortrayalRecord,
    PortrayalSentence,
    SourcePortrayal,
)

MAX_SENTENCES = 4
MAX_ACTORS = 15


class _Entry(TypedDict):
    """One record's view of an actor (or entity) while the per-source entries are built."""

    name: str
    role: str | None
    sentiment: float | None
    mentions: int
    sentence_ids: NotRequired[list[str]]
    sentences: NotRequired[list[PortrayalSentence]]


def _sentence_ids(actor: ActorRecord) -> list[str]:
    ids: list[str] = []
    for supporting in (actor.get("role_sentences"), actor.get("sentiment_sentences")):
        ids.extend(str(s) for s in supporting or [])
    ids.extend(str(m.get("sentence_id")) for m in actor.get("mentions") or [])
    return list(dict.fromkeys(i for i in ids if i and i != "None"))


def _entries(record: ArticleRecord) -> dict[str, _Entry]:
    """This record's actors (or named entities) keyed by id, with the supporting sentences."""
    text_of = {s["id"]: s["text"] for s in record.get("sentences") or []}
    found: dict[str, _Entry] = {}
    if record.get("actors"):
        for actor in record["actors"]:
            if not actor.get("id") or actor.get("type") in ACTOR_TYPES_SKIPPED:
                continue
            found[actor["id"]] = {
                "name": actor.get("name") or actor["id"],
                "role": actor.get("role"),
                "sentiment": actor.get("sentiment"),
                "mentions": len(actor.get("mentions") or []),
                "sentence_ids": _sentence_ids(actor),
            }
    else:
        for entity in record.get("entities") or []:
            key = entity_key(entity.get("text", ""))
            if entity.get("label") not in GAP_LABELS or not key:
                continue
            entry = found.setdefault(
                key,
                {"name": entity["text"], "role": None, "sentiment": None, "mentions": 0,
                 "sentence_ids": []},
            )  # fmt: skip
            entry["mentions"] += 1
            if entity.get("sentence_id") not in entry["sentence_ids"]:
                entry["sentence_ids"].append(entity.get("sentence_id"))
    for entry in found.values():
        entry["sentences"] = [
            {"sentence_id": i, "text": text_of[i]}
            for i in entry.pop("sentence_ids")[:MAX_SENTENCES]
            if i in text_of
        ]
    return found


def divergence(by_source: Sequence[SourcePortrayal]) -> float | None:
    """Sentiment spread plus one when roles differ; None when fewer than two are known."""
    sentiments = [float(v) for s in by_source if (v := s.get("sentiment")) is not None]
    roles = {s["role"] for s in by_source if s.get("role")}
    if len(sentiments) < 2 and len(roles) < 2:
        return None
    spread = max(sentiments) - min(sentiments) if len(sentiments) >= 2 else 0.0
    return round(spread + (1.0 if len(roles) > 1 else 0.0), 3)


def portrayal_differences(story: str, records: Sequence[ArticleRecord]) -> list[PortrayalRecord]:
    """One entry per actor that at least two sources of the story name."""
    per_record = [_entries(r) for r in records]
    actors: dict[str, list[tuple[ArticleRecord, _Entry]]] = defaultdict(list)
    for record, entries in zip(records, per_record, strict=True):
        for key, entry in entries.items():
            actors[key].append((record, entry))
    result: list[PortrayalRecord] = []
    for key, pairs in actors.items():
        if len(pairs) < 2:
            continue
        by_source: list[SourcePortrayal] = [
            {
                "article_id": record["id"],
                "outlet": record.get("outlet"),
                "title": record.get("title"),
                "role": entry["role"],
                "sentiment": entry["sentiment"],
                "mentions": entry["mentions"],
                "sentences": entry["sentences"],
            }
            for record, entry in pairs
        ]
        result.append(
            {
                "story": story,
                "actor": key,
                "name": pairs[0][1]["name"],
                "by_source": by_source,
                "divergence": divergence(by_source),
                "mentions": sum(e["mentions"] for _, e in pairs),
            }
        )
    result.sort(key=lambda a: (-(a["divergence"] or 0.0), -a["mentions"], a["actor"]))
    return result[:MAX_ACTORS]
