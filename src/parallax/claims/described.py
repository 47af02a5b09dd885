"""Dated event names: "the 2003 invasion of Iraq", "the annexation of Crimea in February 2014".

News rarely asserts in a main clause when a well-known event happened; it names the event
with its date as a description ("Russia's 2014 annexation of Crimea", "the invasion of
Ukraine that began in February 2022"). The date is still a factual statement a checker can
test, and a wrong one ("the 2004 invasion of Iraq") is an error worth flagging. Like an
office title (:mod:`parallax.claims.titles`) it is read as a claim of its own, kind
``description``, whose text is only the event's name and its date; it says nothing about what the
rest of the sentence asserts, so it can neither support nor contradict the sentence.

The date is bound to the event only through the dependency parse, never by nearness:

- a year that modifies the event's head noun ("the *2003* invasion", "Russia's *2014*
  annexation");
- a time in a prepositional phrase of the head noun, written right after the name ("the
  annexation of Crimea *in late February 2014*");
- a time in a relative clause on the name whose verb says the event began or ended ("the
  invasion of Ukraine that *began in February 2022*").

The time must name its year (a relative date such as "last year" is never used), the name
must not be part of a longer proper name ("the Vietnam War Memorial"), and the event must be
one the knowledge base knows by that name. Without a parse nothing is read: nearness alone
dates the wrong event too often in running text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parallax.claims.model import Claim, Party
from parallax.claims.when import TimeMention
from parallax.knowledge import KnowledgeBase

if TYPE_CHECKING:
    from parallax.claims.grammar import SentenceReader

_YEAR = re.compile(r"\b(?:1[6-9]\d{2}|20\d{2})\b")
_DATE_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod"})
_CLAUSE_VERBS = {"begin": "began", "start": "began", "end": "ended", "occur": "", "happen": ""}
_CLAUSE_VERBS |= {"take": ""}


@dataclass(frozen=True)
class _Named:
    """An event named in the sentence: where, the words, and the knowledge-base id."""

    start: int
    end: int
    text: str
    event: str


@lru_cache(maxsize=4)
def _event_names(kb: KnowledgeBase) -> tuple[re.Pattern[str], dict[str, str]]:
    """Event names that open with a common noun ("invasion of Iraq", "fall of the Berlin Wall").

    The entity linker reads only names that start with a capital; these are found here, as
    written in the knowledge base but for the first letter, and only when a proper word
    follows, so "the invasion" alone never names an event. One pattern for all of them
    (longest first), and the event id by the name's words in lower case.
    """
    ids: dict[str, str] = {}
    for entity in kb.entities.values():
        if entity.type != "event":
            continue
        for name in entity.names():
            name = re.sub(r"^the\s+", "", name)
            words = name.split()
            if len(words) >= 2 and any(w[0].isupper() for w in words[1:]):
                ids.setdefault(name, entity.id)
    alternatives = [
        f"(?i:{re.escape(name[0])})" + re.escape(name[1:]).replace(r"\ ", r"\s+")
        for name in sorted(ids, key=len, reverse=True)
    ]
    lowered = {" ".join(name.lower().split()): event for name, event in ids.items()}
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b"), lowered


def _named_events(reader: SentenceReader) -> list[_Named]:
    """Events the sentence names, the linker's first, then the names it cannot read."""
    named = [
        _Named(m.start, m.end, m.text, event.id)
        for m in reader.mentions
        if (event := m.of_type("event")) is not None
    ]
    pattern, ids = _event_names(reader.kb)
    for match in pattern.finditer(reader.text):
        if any(match.start() < n.end and match.end() > n.start for n in named):
            continue
        event_id = ids.get(" ".join(match.group(0).lower().split()))
        if event_id is not None:
            named.append(_Named(match.start(), match.end(), match.group(0), event_id))
    return sorted(named, key=lambda n: n.start)


def _tokens(reader: SentenceReader, start: int, end: int) -> list[Any]:
    offset = reader.parse_offset
    return [t for t in reader.parse if start <= t.idx - offset < end and not t.is_space]


def _head(tokens: Sequence[Any]) -> Any | None:
    """The token of the span whose head lies outside it (the last one on a tie)."""
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return outside[-1] if outside else None


def _in_longer_name(head: Any, span: Sequence[Any]) -> bool:
    """Whether the name is part of a longer proper name ("Vietnam War *Memorial*")."""
    inside = {t.i for t in span}
    if head.dep_ == "compound" and head.head.i not in inside:
        return True
    return any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in inside and c.i == span[0].i - 1
        for c in head.children
    )


def _clause_verb(time_head: Any, event_head: Any) -> tuple[Any, str] | None:
    """The relative clause on the event that the time dates, and the cue it gives."""
    node = time_head
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "relcl" and node.head.i == event_head.i:
            cue = _CLAUSE_VERBS.get(node.lemma_)
            if cue is None:
                return None
            if node.lemma_ == "take" and not any(c.lower_ == "place" for c in node.children):
                return None
            return node, cue
        if node.pos_ not in {"ADP", "VERB"}:
            return None
    return None


def _bound_time(
    reader: SentenceReader, head: Any, span: Sequence[Any], time: TimeMention
) -> tuple[str, Any | None] | None:
    """How ``time`` dates the named event, or None when it dates something else.

    Returns the cue ("" for the event as a whole, "began"/"ended" from a relative clause)
    and the clause verb, if any.
    """
    if not _YEAR.search(time.text) or time.bound != "at":
        return None
    words = _tokens(reader, time.start, time.end)
    time_head = _head(words) if words else None
    if time_head is None:
        return None
    inside = {t.i for t in span}
    if time_head.i in inside or (time_head.head.i == head.i and time_head.dep_ in _DATE_DEPS):
        return "", None  # "the 2003 invasion", "2014 annexation of Crimea" (year in the name)
    prep = time_head.head
    if (
        time_head.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in {"in", "on"}
        and (prep.head.i == head.i or prep.head.i in inside)
        and prep.i == span[-1].i + 1
    ):
        return "", None  # "the annexation of Crimea in February 2014"
    clause = _clause_verb(time_head, head)
    if clause is not None:
        return clause[1], clause[0]
    return None


def read_event_dates(reader: SentenceReader) -> list[Claim]:
    """The dated event names of one sentence (see the module docstring)."""
    if not reader.parse or not any(_YEAR.search(t.text) for t in reader.times):
        return []
    claims: list[Claim] = []
    for mention in _named_events(reader):
        span = _tokens(reader, mention.start, mention.end)
        head = _head(span) if span else None
        if head is None or _in_longer_name(head, span):
            continue
        for time in reader.times:
            bound = _bound_time(reader, head, span, time)
            if bound is None:
                continue
            cue, verb = bound
            start = min(mention.start, time.start)
            end = max(mention.end, time.end)
            noun = head.text.lower()
            claims.append(
                Claim(
                    text=reader.text[start:end],
                    start=start,
                    end=end,
                    kind="description",
                    relation="event",
                    cue=cue or noun,
                    object=Party(mention.text, mention.event, "event"),
                    time=time,
                    tense="past",
                    parts={
                        "object": (mention.start, mention.end),
                        "time": (time.start, time.end),
                    },
                    binding={
                        "subject": mention.text,
                        "relation": f"date of the event ({verb.text})"
                        if verb is not None
                        else "date of the event (its name)",
                        "time": time.text,
                    },
                )
            )
            break
    return claims
