"""One firm under its legal name and its short name: "Apple Inc." and "Apple".

Business copy gives a firm's legal name once, with the corporate form after it ("Stonebridge
Energy Corp.", "Acme Holdings Ltd", "Siemens AG"), and its short name after that
("Stonebridge Energy", "Acme", "Siemens"). Each form got an actor of its own, so a report
showed two firms where there is one, and the company's deeds and the sentences about it
were split between them. The corporate form is not part of what the firm is called: a
name without it (:func:`firm_key`) is the same firm. So is the first word or words of a
legal name ("Ford" after "Ford Motor Co."): the form marks the longer name as the firm's
full one, whose short form news writers use after it, and so does a word for a line of
business that ends it ("Northsea Petroleum ... Northsea said", :func:`full_firm_name`).

Only names the tagger calls organisations are joined, and none the knowledge base knows as
anything else ("the Minsk Group" is not Minsk); a short name that could be either of two
such firms ("Deutsche" with "Deutsche Bank AG" and "Deutsche Telekom AG")
stays apart. Cross-source matching strips the same forms
(:mod:`parallax.comparison.actor_keys`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parallax.actors.person_titles import HONORIFICS

if TYPE_CHECKING:
    from parallax.actors.mention_records import ActorInfo, Mention

LEGAL_FORMS = frozenset(
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
        "llc", "plc", "ag", "sa", "se", "nv", "gmbh", "lp", "llp",
    }
)  # fmt: skip
"""Words for a firm's legal form written after its name (lower case, without dots)."""
HOLDING_WORDS = frozenset({"group", "holdings", "holding"})
"""Words that end a firm's name when it owns other firms ("Acme Holdings", "Lindqvist
Group"): written without them, the name is the same firm's. Weaker than a legal form, so
they never make a longer name a firm's full one (:func:`legal_name`)."""

LINE_OF_BUSINESS = frozenset(
    {
        "aerospace", "airlines", "airways", "bancorp", "bank", "biotech", "brewing",
        "breweries", "chemicals", "communications", "electronics", "energy", "engineering",
        "foods", "insurance", "investments", "logistics", "minerals", "mining", "motors",
        "petrochemicals", "petroleum", "pharma", "pharmaceuticals", "refining", "resources",
        "semiconductor", "semiconductors", "shipping", "shipyards", "technologies",
        "telecom", "telecommunications", "therapeutics", "utilities",
    }
)  # fmt: skip
"""Words for a line of business that end a firm's name ("Northsea Petroleum", "Kestrel
Mining", "Orbit Airlines"): no person's or place's name ends in one. Words that are also
surnames ("Power", "Steel") or end names of places ("Gas" fields) are left out."""
_SIDES = frozenset({"west", "east", "north", "south", "left", "right"})
"""First words that make "<side> Bank" a river's bank, a place ("the West Bank")."""

_EDGE_PUNCTUATION = re.compile(r"^[\s,&]+|[\s,&]+$")


def _words(name: str) -> list[str]:
    name = re.sub(r"['\u2019]s?$", "", name.strip())
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return words


def _form(word: str) -> str:
    return word.strip(".,").replace(".", "").lower()


def firm_key(name: str) -> str:
    """The name without its corporate form or holding word ("Acme Holdings Ltd" -> "Acme").

    At least one word is kept ("Group" alone is a name). Commas and an ampersand before a
    form go with it ("JPMorgan Chase & Co." -> "JPMorgan Chase").
    """
    words = _words(name)
    while len(words) > 1 and (
        _form(words[-1]) in LEGAL_FORMS | HOLDING_WORDS or words[-1] in {"&", ","}
    ):
        words.pop()
    return _EDGE_PUNCTUATION.sub("", " ".join(words))


def legal_name(name: str) -> bool:
    """Whether a name ends in a legal form ("Ford Motor Co."), so is a firm's full name."""
    words = _words(name)
    return len(words) > 1 and _form(words[-1]) in LEGAL_FORMS


def business_name(name: str) -> bool:
    """Whether a name of two words or more ends in a word for a line of business.

    "Northsea Petroleum" and "Acme Holdings" are; "the West Bank" is a place.
    """
    words = _words(name)
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].lower()
    if last == "bank" and words[0].lower() in _SIDES:
        return False
    return last in LINE_OF_BUSINESS or last in HOLDING_WORDS


def full_firm_name(name: str) -> bool:
    """Whether a name is a firm's full one, whose first word or words may stand for it.

    A legal name ("Ford Motor Co.") is; so is a name that ends in a line of business
    ("Northsea Petroleum ... Northsea said").
    """
    if legal_name(name):
        return True
    return business_name(name) and _words(name)[-1].lower() not in HOLDING_WORDS


def known_firm(lookup: Callable[[str], Any], name: str) -> Any | None:
    """The knowledge base's organisation a legal name names without its form, if any.

    "Boeing Co." is Boeing though the knowledge base lists no such alias; only an
    organisation counts, never a place or person that shares the short name.
    """
    key = firm_key(name)
    if key == " ".join(_words(name)):
        return None
    entity = lookup(key)
    return entity if entity is not None and entity.type == "organisation" else None


def unify_firm_names(mentions: list[Mention], actors: dict[str, ActorInfo], doc: Any) -> None:
    """Give every form of a firm's name one actor (see the module).

    Names that are the same without their forms join first, under the knowledge base's
    entity if one of them is known (two known ones stay apart), else under the id of the
    short form when the article uses it. Then an unknown short name that begins a legal
    name joins it, when exactly one such legal name is in the article; so does one the
    tagger called a person ("Halvorsen Shipping Co. ... Halvorsen said"), unless an
    honorific before it says it is one ("Mr. Halvorsen"), or a place no gazetteer holds
    ("Northline Energy ... Northline is").
    """
    firms = [
        m
        for m in mentions
        if m.label == "ORG" and m.kind == "name" and actors[m.actor].type == "organisation"
    ]
    groups: dict[str, set[str]] = {}
    for mention in firms:
        groups.setdefault(firm_key(mention.text).lower(), set()).add(mention.actor)
    moved: dict[str, str] = {}
    for key, members in groups.items():
        if len(members) < 2:
            continue
        known = {a for a in members if not a.startswith("local:")}
        if len(known) > 1:
            continue  # two firms the knowledge base tells apart
        short = [a for a in members if actors[a].name.lower() == key]
        target = next(iter(known)) if known else (short[0] if short else min(members))
        moved.update({a: target for a in members if a != target})
    legal = _legal_names(firms, moved)
    for mention in firms:
        actor = moved.get(mention.actor, mention.actor)
        if not actor.startswith("local:") or actor in moved.values():
            continue
        words = firm_key(mention.text).lower().split()
        owners = {
            owner
            for full, owner in legal
            if len(full) > len(words) and full[: len(words)] == words and owner != actor
        }
        if len(owners) == 1:
            moved[actor] = owners.pop()
    renamed = _people_named_as_firms(mentions, actors, legal, doc)
    moved.update(renamed)
    if not moved:
        return
    for mention in mentions:
        if mention.actor in renamed:
            mention.label = "ORG"
    for mention in mentions:
        mention.actor = _final(moved, mention.actor)
    used = {m.actor for m in mentions}
    for actor_id in [a for a in moved if a.startswith("local:") and a not in used]:
        actors.pop(actor_id, None)


def _final(moved: dict[str, str], actor: str) -> str:
    """Where an actor ends up when the one it joined has joined another in turn."""
    seen = {actor}
    while actor in moved and moved[actor] not in seen:
        actor = moved[actor]
        seen.add(actor)
    return actor


def _people_named_as_firms(
    mentions: list[Mention],
    actors: dict[str, ActorInfo],
    legal: list[tuple[list[str], str]],
    doc: Any,
) -> dict[str, str]:
    """Unknown "people" or "places" whose name is, or begins, exactly one firm's full name.

    The tagger types a firm's short name as a person's ("Halvorsen said") or a place's
    ("Northline is no stranger to disaster", after "Northline Energy"); a place only when no
    gazetteer city has the name ("Boston" after "Boston Scientific" stays the city).
    """
    from parallax.place_gazetteer import city_populations

    people: dict[str, bool] = {}
    for mention in mentions:
        if not mention.actor.startswith("local:") or mention.actor not in actors:
            continue
        kind = actors[mention.actor].type
        if kind not in {"person", "place"}:
            continue
        before = doc[mention.token_start - 1].lower_.rstrip(".") if mention.token_start else ""
        if kind == "person":
            plain = mention.label == "PERSON" and before not in HONORIFICS
        else:
            plain = mention.label in {"GPE", "LOC"} and mention.text not in city_populations()
        people[mention.actor] = people.get(mention.actor, True) and plain and mention.kind == "name"
    found = {}
    for actor, plain in people.items():
        words = firm_key(actors[actor].name).lower().split()
        owners = {owner for full, owner in legal if full[: len(words)] == words}
        if plain and len(owners) == 1:
            found[actor] = owners.pop()
    return found


def _legal_names(firms: list[Mention], moved: dict[str, str]) -> list[tuple[list[str], str]]:
    """(words of the name without its form, actor) for each full firm name in the article."""
    return [
        (firm_key(m.text).lower().split(), moved.get(m.actor, m.actor))
        for m in firms
        if full_firm_name(m.text)
    ]
