"""Timelines: the dated events one article cites, and one timeline merged across articles.

Per article, every event with a date becomes a timeline entry (a named event the article
cites twice, "met in Yalta" and "the Yalta agreement", is one entry). Across articles,
:func:`merge_timelines` lines up entries that are the same event, so each merged entry lists
the sources that cite it and how each phrases it. Two entries are the same event when they
name the same knowledge-base event, or when they have the same date at the same granularity
and share an actor and the action, or are worded alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from parallax.actors.renamed import renamed

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "in", "and", "to", "on", "for", "by", "with", "was"})
SIMILAR_WORDING = 0.5
"""Jaccard overlap of content words above which two same-dated entries are one event."""


def article_timeline(
    events: Sequence[dict[str, Any]], actor_names: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """The dated events of one article, oldest first (the ``timeline`` layer)."""
    names = actor_names or {}
    entries: list[dict[str, Any]] = []
    seen_kb: dict[str, dict[str, Any]] = {}
    for event in events:
        if not event.get("date") or not event.get("range") or not _stated_as_fact(event):
            continue
        kb_event = event.get("kb_event")
        if kb_event and kb_event in seen_kb:
            seen_kb[kb_event]["sentence_ids"].append(event["sentence_id"])
            continue
        entry = {
            "date": event["date"],
            "range": event["range"],
            "granularity": event.get("granularity"),
            "label": _label(event, names),
            "event_id": event["id"],
            "sentence_id": event["sentence_id"],
            "sentence_ids": [event["sentence_id"]],
            "text": event["text"],
            "actors": list(event.get("actors", [])),
            "action": event.get("action"),
            "kb_event": kb_event,
            "inferred": bool(event.get("inferred")),
            "date_source": event.get("date_source"),
            "source": "knowledge" if event.get("inferred") else "text",
        }
        entries.append(entry)
        if kb_event:
            seen_kb[kb_event] = entry
    entries.sort(key=lambda e: (e["range"][0], e["range"][1], e["sentence_id"]))
    return entries


PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this"}
    | {"that", "these", "those", "who", "which", "what", "one", "ours", "theirs"}
)
MAX_TARGET_WORDS = 8
LIGHT_VERBS = frozenset({"make", "take", "give", "have", "do", "get", "put", "bring", "pay"})
"""Verbs whose meaning lies in their object ("made landfall", "took office", "gave way"):
without one a label names no act."""


def _stated_as_fact(event: dict[str, Any]) -> bool:
    """Whether a dated event is one the timeline may show: stated, positive, with a doer.

    A timeline entry must be supported by the text: hypotheticals ("would join"), plans
    and promises ("pledged to help"), negations ("did not attack") and questions are not
    events that happened; an entry
    needs an agent the text names (not a bare pronoun left unresolved), or a passive with
    what it happened to ("NATO was founded in 1949") but no clause carrying what was said
    of it ("X was considered to ..."), and a verb that means something
    without its object when it has none.
    """
    if event.get("hypothetical") or event.get("intended"):
        return False
    if event.get("kb_event"):
        return True
    if str(event.get("action", "")).startswith("not "):
        return False
    if str(event.get("action", "")) in LIGHT_VERBS and not event.get("target_text"):
        return False  # "the storm made" with its object lost to the parse says nothing
    agent_text = (event.get("agent_text") or "").strip().lower()
    if _SELF_REFERENCE.search(agent_text):
        return False  # "a version of this article appears in print ...": about the text itself
    if event.get("action") in ORIGIN_VERBS and not event.get("agent"):
        return False  # "the custom dates back to 1850": how old a thing is, not an act then
    named_agent = event.get("agent") or (agent_text and agent_text not in PRONOUNS)
    passive_with_patient = (
        event.get("passive")
        and (event.get("target") or event.get("target_text"))
        and not event.get("open_complement")  # "X was considered": to be what?
    )
    return bool(named_agent or passive_with_patient)


ORIGIN_VERBS = frozenset(
    {"date back", "go back", "trace back", "stretch back", "reach back", "hark back"}
    | {"date", "stem", "originate", "derive"}
)
"""Verbs that say where a thing comes from: with a doer no actor names ("the dispute
goes back to the treaty of 1920"), the date is the thing's origin, not an event of a doer."""


_SELF_REFERENCE = re.compile(r"\bthis\s+(?:article|story|report|page|edition|column)\b")
"""A doer that is the text itself: a note about the article, not an event it reports."""


def _label(event: dict[str, Any], names: dict[str, str]) -> str:
    """A short phrase of who did what: "Russia annexed Crimea", "NATO was founded"."""
    if event.get("kb_event"):
        return str(event["action"])

    def name(role: str) -> str | None:
        actor = event.get(role)
        if actor and event.get(f"{role}_named", True):
            return str(names.get(actor, event.get(f"{role}_text") or actor))
        text = " ".join((event.get(f"{role}_text") or "").split())
        if not text or text.lower() in PRONOUNS:
            return None
        words = text.split(" ")
        return " ".join(words[:MAX_TARGET_WORDS]) + (
            " \u2026" if len(words) > MAX_TARGET_WORDS else ""
        )

    agent, target = name("agent"), name("target")
    if target and event.get("target_prep"):
        target = f"{event['target_prep']} {target}"
    verb = str(event.get("action_text") or event["action"])
    if verb[:1].isupper() and not verb.isupper():
        verb = verb[0].lower() + verb[1:]  # "Had kept" opening a sentence reads "had kept"
    # A passive keeps its order: "NATO was formed", "the flag was used by guerrillas".
    if event.get("passive"):
        parts = [target, verb, f"by {agent}" if agent else None]
    elif not target and event.get("reported"):
        # "Merz said Germany will send more aid": what was said, not only that he spoke.
        parts = [agent, verb, str(event["reported"])]
    else:
        parts = [agent, verb, target]
    label = " ".join(_unquoted(p) for p in parts if p)
    if len(label) <= 120:
        return label
    return label[:119].rsplit(" ", 1)[0].rstrip(" ,;:") + " \u2026"  # never inside a word


_QUOTES = '"\u201c\u201d'


def _unquoted(part: str) -> str:
    """``part`` without a quotation mark left over from a neighbouring sentence.

    A sentence that follows a quotation can start with its closing mark, which then opens
    the agent's phrase ('" Acme Corp. put ...'); a mark with no partner in the phrase is
    not part of it.
    """
    if sum(part.count(q) for q in _QUOTES) % 2 == 0:
        return part
    if part[:1] in _QUOTES:
        return part[1:].lstrip()
    if part[-1:] in _QUOTES:
        return part[:-1].rstrip()
    return part


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _same_event(first: dict[str, Any], second: dict[str, Any]) -> bool:
    if first.get("kb_event") and first.get("kb_event") == second.get("kb_event"):
        return True
    if first.get("kb_event") and second.get("kb_event"):
        return False
    if first["date"] != second["date"] or first.get("granularity") != second.get("granularity"):
        return False
    if renamed(str(first.get("text", "")), str(second.get("text", ""))):
        return False  # "a strike on Kharkiv killed nine", "a strike on Odesa killed nine"
    shared_actors = set(first.get("actors", [])) & set(second.get("actors", []))
    if shared_actors and first.get("action") == second.get("action"):
        return True
    a, b = _words(first.get("text", "")), _words(second.get("text", ""))
    return bool(a and b) and len(a & b) / len(a | b) >= SIMILAR_WORDING


def merge_timelines(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One timeline over several articles' records (JSON dicts as in the report).

    Each entry is ``{"date", "range", "label", "inferred", "kb_event", "sources":
    [{"article_id", "outlet", "title", "sentence_id", "text"}]}``, oldest first; an entry is
    ``inferred`` only if every source left the date out.
    """
    merged: list[dict[str, Any]] = []
    for record in records:
        for entry in record.get("timeline") or []:
            source = {
                "article_id": record.get("id"),
                "outlet": record.get("outlet"),
                "title": record.get("title"),
                "sentence_id": entry.get("sentence_id"),
                "text": _sentence_text(record, entry),
                "inferred": bool(entry.get("inferred")),
            }
            home = next(
                (m for m in merged if any(_same_event(e, entry) for e in m["_entries"])), None
            )
            if home is None:
                merged.append(
                    {
                        "date": entry["date"],
                        "range": entry["range"],
                        "granularity": entry.get("granularity"),
                        "label": entry["label"],
                        "kb_event": entry.get("kb_event"),
                        "inferred": bool(entry.get("inferred")),
                        "date_source": entry.get("date_source"),
                        "sources": [source],
                        "_entries": [entry],
                    }
                )
                continue
            home["_entries"].append(entry)
            home["sources"].append(source)
            if not entry.get("inferred") and home["inferred"]:
                home.update(
                    date=entry["date"],
                    range=entry["range"],
                    inferred=False,
                    date_source=entry.get("date_source"),
                )
    for item in merged:
        del item["_entries"]
    merged.sort(key=lambda m: (m["range"][0], m["range"][1], m["label"]))
    return merged


def _sentence_text(record: dict[str, Any], entry: dict[str, Any]) -> str:
    for sentence in record.get("sentences", []):
        if sentence.get("id") == entry.get("sentence_id"):
            return str(sentence.get("text", ""))
    return str(entry.get("text", ""))
