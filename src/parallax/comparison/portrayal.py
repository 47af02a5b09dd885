"""How differently the sources of a story portray each actor they share.

The role (protagonist, antagonist, victim, neutral) and sentiment (-1..1) of each actor in
each article come from the portrayal layer, which fills them in place on the actors layer,
from the article's own voice (a role may also rest on what the article chooses to quote,
but needs an own-voice sentence whenever the article speaks of the actor itself); what the
sources an article quotes say about the actor is
kept apart there (``quoted``). Here they are lined up per actor across the sources with the
sentences that support them, and a divergence says how far apart the sources are in their
own voice: the spread of their sentiments plus one when they cast the actor in different
roles. When the sources agree in their own voice but the people they quote do not, the
entry says so (``difference``: ``quotes only``), since a reader should not take "this
outlet quotes the actor's critics" for "this outlet casts the actor as a villain". Without
the portrayal layer the per-source entries still list the sentences that mention the actor,
and the divergence is null (unknown, not zero).
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
    QuotedPortrayal,
    SourcePortrayal,
)

MAX_SENTENCES = 4
MAX_ACTORS = 15
ALIKE = 0.4
"""A divergence below this is "portrayed alike" (the compare report's wording)."""


class _Entry(TypedDict):
    """One record's view of an actor (or entity) while the per-source entries are built."""

    name: str
    role: str | None
    sentiment: float | None
    mentions: int
    sentence_ids: NotRequired[list[str]]
    sentences: NotRequired[list[PortrayalSentence]]
    quoted: list[QuotedPortrayal]


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
                "quoted": list(actor.get("quoted") or []),
            }
    else:
        for entity in record.get("entities") or []:
            key = entity_key(entity.get("text", ""))
            if entity.get("label") not in GAP_LABELS or not key:
                continue
            entry = found.setdefault(
                key,
                {"name": entity["text"], "role": None, "sentiment": None, "mentions": 0,
                 "sentence_ids": [], "quoted": []},
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


def quoted_divergence(by_source: Sequence[SourcePortrayal]) -> float | None:
    """The same spread as :func:`divergence`, over what each source's quoted people say.

    Each source's quoted view is the mean sentiment of the people it quotes about the actor
    and the set of roles they cast it in; None when fewer than two sources quote anyone.
    """
    views: list[SourcePortrayal] = []
    for source in by_source:
        quoted = source.get("quoted") or []
        if quoted:
            sentiment = sum(float(q.get("sentiment") or 0.0) for q in quoted) / len(quoted)
            roles = sorted({q["role"] for q in quoted if q.get("role") not in (None, "neutral")})
            views.append(
                {
                    "article_id": source["article_id"],
                    "outlet": source.get("outlet"),
                    "title": source.get("title"),
                    "role": ",".join(roles) or "neutral",
                    "sentiment": sentiment,
                    "mentions": len(quoted),
                    "sentences": [],
                }
            )
    if len(views) < 2:
        return None
    return divergence(views)


def difference_kind(own: float | None, quoted: float | None) -> str | None:
    """Where a difference between the sources lies, if anywhere.

    ``own voice`` when the sources differ in their own voice, ``quotes only`` when only the
    people they quote differ, None when neither is known to differ.
    """
    if own is not None and own >= ALIKE:
        return "own voice"
    if quoted is not None and quoted >= ALIKE:
        return "quotes only"
    return None


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
                "quoted": entry["quoted"],
            }
            for record, entry in pairs
        ]
        own = divergence(by_source)
        quoted = quoted_divergence(by_source)
        result.append(
            {
                "story": story,
                "actor": key,
                "name": pairs[0][1]["name"],
                "by_source": by_source,
                "divergence": own,
                "quoted_divergence": quoted,
                "difference": difference_kind(own, quoted),
                "mentions": sum(e["mentions"] for _, e in pairs),
            }
        )
    result.sort(key=lambda a: (-(a["divergence"] or 0.0), -a["mentions"], a["actor"]))
    return result[:MAX_ACTORS]
