"""One key per actor across a story's sources, where each source named a group its own way.

Within an article the actors step joins the forms of a name it can see there. Across
sources the comparison matches actors by id, and a group the knowledge base does not know
gets its id from the form the article happened to use first: one outlet writes
"Republicans", another "the Republican Party", a third only "Republican leaders". Matched
by id, the one party becomes three actors, and each is listed as a name the other sources
leave out. :func:`with_story_keys` gives such local groups and organisations one key per
story when their names differ only by an article, a plural or adjectival ending, a
trailing "Party" or a firm's legal form ("Apple Inc." / "Apple"). A person one source
names by surname alone ("Johnson said ...") is the one person another source of the story
names in full with that surname ("Speaker Mike Johnson"), when exactly one such person is
named in the story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from parallax.actors.firm_names import firm_key
from parallax.record import ArticleRecord

JOINABLE_TYPES = frozenset({"group", "organisation"})
"""Actor types whose local names are joined by stem; places keep their ids, and people
are joined by surname only (:func:`_surnames`)."""
MIN_STEM = 6
"""Letters a stem needs before a longer stem that extends it by an ending may join it."""
MAX_ENDING = 2
"""Letters an adjectival ending may add ("Democrat" / "Democratic")."""


def stem(name: str) -> str:
    """The part of a group's name its forms share ("the Republicans" -> "republican").

    A firm's legal form is no part of it: "Apple Inc." in one source is "Apple" in another
    (:func:`parallax.actors.firm_names.firm_key`).
    """
    text = " ".join(firm_key(name).lower().replace("\u2019", "'").split())
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"\s+party$", "", text)
    if text.endswith("s") and not text.endswith("ss"):
        text = text[:-1]
    return text


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= MIN_STEM
        and " " not in long
        and long.startswith(short)
        and len(long) - len(short) <= MAX_ENDING
    )


def story_keys(records: Sequence[ArticleRecord]) -> dict[str, str]:
    """Local actor id -> the key it shares with the other forms of its name in the story.

    The key is the id of the form mentioned most often across the story. Ids that join
    nothing are left out of the mapping.
    """
    mentions: Counter[str] = Counter()
    stems: dict[str, str] = {}
    for record in records:
        for actor in record.get("actors") or []:
            actor_id = str(actor.get("id") or "")
            if not actor_id.startswith("local:") or actor.get("type") not in JOINABLE_TYPES:
                continue
            stems[actor_id] = stem(str(actor.get("name") or actor_id.removeprefix("local:")))
            mentions[actor_id] += max(1, len(actor.get("mentions") or []))
    ids = sorted(stems, key=lambda a: (-mentions[a], a))
    key: dict[str, str] = {}
    for actor_id in ids:
        if actor_id in key:
            continue
        group = [a for a in ids if a not in key and _same(stems[a], stems[actor_id])]
        for member in group:
            key[member] = actor_id
    key.update(_surnames(records))
    return {a: k for a, k in key.items() if a != k}


def _surnames(records: Sequence[ArticleRecord]) -> dict[str, str]:
    """Local one-word people -> the one person of the story named in full with that surname."""
    full: dict[str, set[str]] = {}
    bare: dict[str, str] = {}
    for record in records:
        for actor in record.get("actors") or []:
            if actor.get("type") != "person":
                continue
            actor_id, words = str(actor.get("id") or ""), str(actor.get("name") or "").split()
            if len(words) >= 2:
                full.setdefault(words[-1].lower(), set()).add(actor_id)
            elif len(words) == 1 and actor_id.startswith("local:"):
                bare[actor_id] = words[0].lower()
    return {
        actor_id: next(iter(full[surname]))
        for actor_id, surname in bare.items()
        if len(full.get(surname, ())) == 1
    }


def with_story_keys(records: Sequence[ArticleRecord]) -> list[ArticleRecord]:
    """The records with each joined actor under its story key (copies; inputs untouched).

    Two actors of one article that fall under one key become one, with both sets of
    mentions; the role and sentiment are those of the more often mentioned one.
    """
    keys = story_keys(records)
    if not keys:
        return list(records)
    result: list[ArticleRecord] = []
    for record in records:
        actors = record.get("actors") or []
        if not any(str(a.get("id")) in keys for a in actors):
            result.append(record)
            continue
        merged: dict[str, dict[str, Any]] = {}
        for actor in sorted(actors, key=lambda a: -len(a.get("mentions") or [])):
            actor_id = str(actor.get("id"))
            target = keys.get(actor_id, actor_id)
            if target in merged:
                kept = merged[target]
                kept["mentions"] = [*(kept.get("mentions") or []), *(actor.get("mentions") or [])]
                continue
            merged[target] = {**actor, "id": target}
        order = [keys.get(str(a.get("id")), str(a.get("id"))) for a in actors]
        copy = dict(record)
        copy["actors"] = [merged[k] for k in dict.fromkeys(order)]
        result.append(cast(ArticleRecord, copy))
    return result
