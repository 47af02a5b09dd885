"""A capital named as the place where something happens is the city, not its state.

The knowledge base lists a capital among its state's names, because news uses it for the
government ("Paris pledged new aid", "Moscow denied the report"). After a preposition of
place it names where something happens: "talks in Paris", "In Moscow, officials said",
"protesters gathered in Kyiv". Read as the state, those sentences made France a party to
the talks and Ukraine a participant in every event told there, and the portrayal counted
them. A capital after such a preposition is the city: the knowledge base's place of that
name when it has one, else a local place. So is a capital that owns one of the city's own
parts, people or offices ("Kyiv's mayor", "residents of Moscow"). "At" is left out for
capitals, since "fired missiles at Kyiv" names what was aimed at; "to", "from" and "on"
name a goal, a source or a target, which metonymy may still read as the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from parallax.knowledge import KBEntity, KnowledgeBase, alias_key

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
"""Prepositions whose object is the place where something happens (any place name)."""
CAPITAL_LOCATIVE_PREPS = LOCATIVE_PREPS - {"at"}
"""The same for a capital, without "at" ("launched drones at Kyiv" aims at the state)."""


def locative(token: Any, preps: frozenset[str] = LOCATIVE_PREPS) -> bool:
    """Whether ``token`` (a phrase's root) is the object of a preposition of place.

    A name coordinated with such an object is one too ("in London and Paris").
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return bool(token.dep_ == "pobj" and token.head.lower_ in preps)


CITY_NOUNS = frozenset(
    {
        *("mayor", "resident", "inhabitant", "city", "council", "suburb", "outskirts"),
        *("centre", "center", "street", "district", "neighbourhood", "neighborhood"),
        *("metro", "airport", "skyline", "police", "hospital", "station", "square"),
    }
)
"""Nouns for a city's own parts, people and offices ("Kyiv's mayor", "residents of Moscow")."""


DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west",
    }
)  # fmt: skip
"""Compass words that place something from a city ("west of Athens")."""

EXAMPLE_PREPS = frozenset({"including", "like", "as"})
"""Prepositions that give examples of the noun before them ("16 cities, including Rome")."""


def capital_as_place(token: Any) -> bool:
    """Whether a capital headed by ``token`` names where something happens (the module).

    So does a capital that owns or qualifies one of the city's own parts, people or offices
    (:data:`CITY_NOUNS`): "Kyiv's mayor" and "residents of Moscow" are the city's; one
    that places something by the compass ("30 km west of Athens"); and one given as an
    example of cities ("warnings for 16 cities, including Rome and Florence").
    """
    if locative(token, CAPITAL_LOCATIVE_PREPS):
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in DIRECTIONS:
        return True
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in EXAMPLE_PREPS
        and token.head.head.lemma_.lower() in CITY_NOUNS | {"capital", "town"}
    ):
        return True
    if token.dep_ in {"poss", "compound"}:
        return bool(token.head.lemma_.lower() in CITY_NOUNS)
    return bool(
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in CITY_NOUNS
    )


def before_its_state(root: Any, state: KBEntity, lookup: Callable[[str], KBEntity | None]) -> bool:
    """Whether a capital headed by ``root`` is followed by its own state ("Bangkok, Thailand").

    Written so, the capital is the city, as a US city is before its state; ``lookup`` reads
    the name after the comma.
    """
    doc = root.doc
    if root.i + 2 >= len(doc) or doc[root.i + 1].text != ",":
        return False
    after = next((e for e in doc.ents if e.start == root.i + 2), None)
    return after is not None and lookup(after.text) is state


def city_named(kb: KnowledgeBase, text: str, capitals: Iterable[str]) -> KBEntity | None:
    """The knowledge base's city a state's alias ``text`` names, if any.

    A place of that very name ("Paris"), else the capital (of the ids ``capitals``) whose
    name begins with it ("Washington" for "Washington, D.C.").
    """
    for place in kb.lookup(text):
        if place.type == "place":
            return place
    key = alias_key(text)
    for place_id in capitals:
        capital = kb.get(place_id)
        if capital is not None and alias_key(capital.name.split(",")[0]) == key:
            return capital
    return None
