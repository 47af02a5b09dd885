"""The words and names of an article that say which story it belongs to.

Stories are told with different headlines but the same names and the same key words: the
people, places and organisations an article names, and the content words of its title and
first paragraphs. These are read from the record's text alone (capitalised names), from the
named entities when the pipeline found them, and from canonical actor ids when the actors
layer is present, so the same record gives the same terms however it was produced.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, NotRequired, TypedDict

from parallax.record import ActorRecord, EntityRecord

if TYPE_CHECKING:
    from typing_extensions import ReadOnly

from parallax.leads import LEAD_CHARS, lead_of

NAME_TERMS = 30
"""The most frequent capitalised names of an article that count as its story terms."""
GAP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "LAW", "LOC", "FAC"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b|\b[A-Z]{2,6}\b")
_DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_STOP_WORDS = """
    the and for that with this from have has had was were are been being their there they
    them will would could should about into over also than then when what which while who
    whom whose its it's not but our out more most some such only other any all can may might
    must very just his her him she he you your yours we us said says say one two new after
    before between because against during under since these those where here how why each
    both many much now even still own same so too onto upon per via mr mrs ms dr it in on at
    to of by as or if be is do does did done an a i me my no yes up down off again further
    once few nor am being having like get got make made year years time times day week
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december people way well back first last
"""
STOP = frozenset(_STOP_WORDS.split())


class LeadFields(TypedDict):
    """What a lead is made of: any record with a title and a text (report records included).

    The keys are read-only, so a report record (where they are required) and a lighter
    record (a benchmark's, with only these keys) both pass.
    """

    title: ReadOnly[str | None]
    text: ReadOnly[str]


class StoryFields(LeadFields):
    """What story clustering reads from a record; entities and actors when it has them."""

    id: ReadOnly[str]
    date: ReadOnly[str | None]
    entities: ReadOnly[NotRequired[list[EntityRecord]]]
    actors: ReadOnly[NotRequired[list[ActorRecord]]]


def entity_key(text: str) -> str:
    """Normalise an entity mention so "the U.S.'s" and "U.S." compare equal."""
    text = _POSSESSIVE.sub("", _DETERMINER.sub("", " ".join(text.split())))
    return text.lower().strip(" .,;:")


def lead(record: LeadFields, chars: int = LEAD_CHARS) -> str:
    """The lead of a stored record (see :func:`parallax.leads.lead_of`)."""
    return lead_of(record.get("title"), record.get("text"), chars)


def stem(word: str) -> str:
    """A light plural and possessive strip, so "countries" and "country's" meet."""
    word = word.lower().replace("’", "'")
    word = _POSSESSIVE.sub("", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """Lowercased, lightly stemmed content words of ``text`` (no stop words)."""
    return {w for w in (stem(m) for m in _WORD.findall(text)) if w not in STOP and len(w) > 2}


def names(text: str, limit: int = NAME_TERMS) -> list[str]:
    """The most frequent capitalised names in ``text`` (a cheap stand-in for entities)."""
    counts = Counter(m.lower() for m in _NAME.findall(text) if m.lower() not in STOP and len(m) > 2)
    return [name for name, _ in counts.most_common(limit)]


def story_terms(record: StoryFields) -> frozenset[str]:
    """The terms that identify an article's story: lead words, names, entities and actors."""
    terms = {f"w:{w}" for w in content_words(lead(record))}
    terms.update(f"n:{n}" for n in names(record.get("text") or ""))
    for entity in record.get("entities") or []:
        if entity.get("label") in GAP_LABELS:
            key = entity_key(entity.get("text", ""))
            if key:
                terms.add(f"n:{key}")
    for actor in record.get("actors") or []:
        if actor.get("id"):
            terms.add(f"a:{actor['id']}")
    return frozenset(terms)
