"""Names the knowledge base or the tagger confuse with another thing of the same name.

Georgia the US state or the country is decided in :mod:`parallax.knowledge.shared_names`,
which claim linking asks too.

A state of a federation named like a country's capital ("Washington state") is not the
country (:func:`federal_state`). A state's other name read as a person: the small tagger
takes "Kyiv" in "the Kyiv regime" or "Kyiv's Western sponsors" for a person's name
(:func:`state_named_as_person`). A storm's first name alone ("Hurricane Milton", then
"Milton arrived") is no person (:func:`storm_named`).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any


def state_named_as_person(
    ent: Any, text: str, found: Iterable[Any], state_types: Set[str], titles: Set[str]
) -> bool:
    """Whether a one-word "person" ``ent`` is a state's other name, such as its capital's.

    ``found`` are the knowledge-base entities ``text`` names. It must be an alias of a
    state (of a type in ``state_types``), not its own name ("Jordan" may be a
    congressman), name no person, have no title before it (a word in ``titles``, or an
    abbreviation such as "Sen."), and be the surname of no person the article names in
    full.
    """
    found = list(found)
    if " " in text or any(e.type == "person" for e in found):
        return False
    key = text.lower()
    if not any(e.type in state_types and e.name.lower() != key for e in found):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (
        (before.text.endswith(".") and before.text[:1].isupper()) or before.lower_ in titles
    ):
        return False
    return not any(o.label_ == "PERSON" and len(o) > 1 and o[-1].text == text for o in ent.doc.ents)


def federal_state(head: Any) -> bool:
    """Whether a noun is "state" after a name compounded to it ("Washington state").

    A bare name before "state" names a state of a federation ("Washington state", "Rakhine
    state"); a country's state takes an article, a demonym or a possessive ("the federal
    state", "the Norwegian state", "Norway's state").
    """
    children = list(head.children)
    return (
        head.lemma_.lower() == "state"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children)
        and not any(c.dep_ in {"det", "poss"} for c in children)
    )


SETTLEMENTS = frozenset(
    {
        *("village", "town", "city", "settlement", "hamlet", "suburb", "district"),
        *("region", "province", "oblast", "county", "port", "island", "valley"),
    }
)
"""Nouns a place's name follows with "of" ("the village of Bilozerka")."""


def place_named_as_person(ent: Any) -> bool:
    """Whether a name the tagger calls a person is a place: "the village of Bilozerka".

    The small tagger reads an unfamiliar place's name as a person's; after "the village
    of" or "the region of" it can only be the place.
    """
    root = ent.root
    of = root.head
    return (
        root.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in SETTLEMENTS
        and of.head.text.islower()
    )


STORM_WORDS = frozenset(
    {"hurricane", "hurricanes", "storm", "storms", "typhoon", "typhoons", "cyclone", "cyclones"}
)


def storm_named(ent: Any) -> bool:
    """Whether a one-word "person" is the storm the text calls "Hurricane X" somewhere.

    Storms carry people's first names; after "Hurricane Milton tore across Florida" the
    tagger reads "Milton arrived less than two weeks after Helene" as a person, who then
    became an actor and made the storm a person too. The storm's full name stays an actor
    (news casts a cyclone as what harms people); the first name alone is no one.
    """
    if len(ent) != 1:
        return False
    name = ent.text
    doc = ent.doc
    return any(t.text == name and t.i > 0 and doc[t.i - 1].lower_ in STORM_WORDS for t in doc)
