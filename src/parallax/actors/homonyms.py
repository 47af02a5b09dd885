"""Names the knowledge base or the tagger confuse with another thing of the same name.

Georgia the US state, not the country: a place name two places share, told apart by context.

The knowledge base knows Georgia as the post-Soviet country. US political reporting names
the state far more often ("Senator Lena Dahl of Georgia", "a federal court blocked Georgia's
map", a tour of "Ohio, Nevada and Georgia"), and linking those mentions to the country
puts a Caucasus state among the actors of a story about a congressional map. The context
decides: a mention is the US state when the article speaks of the US (another state named,
a city of the state, a state office beside the name, "of Georgia" after a person) and
names nothing only the country has (its capital, its regions, the Caucasus). Otherwise it
stays the country, since a bare "Georgia" with no such signs cannot be told apart.

A state of a federation named like a country's capital ("Washington state") is not the
country (:func:`federal_state`). A state's other name read as a person: the small tagger
takes "Kyiv" in "the Kyiv regime" or "Kyiv's Western sponsors" for a person's name
(:func:`state_named_as_person`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from typing import Any

US_STATES = frozenset(
    {
        *("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado"),
        *("Connecticut", "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana"),
        *("Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts"),
        *("Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska"),
        *("Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York"),
        *("North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania"),
        *("Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah"),
        *("Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming"),
    }
)
"""The states of the United States other than Georgia and Washington (also a capital)."""

SHARED_NAMES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "georgia": (
        frozenset({"Atlanta", "Savannah", "Fulton County", "Peach State"}),
        frozenset({"Tbilisi", "Caucasus", "Abkhazia", "Ossetia", "Batumi", "Kutaisi"}),
    ),
}
"""A country's name a US state shares -> (places of the state, places of the country only)."""

_STATE_OFFICE = re.compile(
    r"\b(?:Gov\.|Governor|state\s+(?:Sen\.|Rep\.|senator|representative|legislature|"
    r"lawmakers?|house|senate)|secretary\s+of\s+state|attorney\s+general|congressional|"
    r"county|counties)\b",
    re.IGNORECASE,
)
"""Offices and units only a US state has, written beside its name."""

_NATIONAL_OFFICE = re.compile(
    r"\b(?:President|Prime\s+Minister|Republic|Parliament|Embassy|ambassador|"
    r"government|foreign\s+minister)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A national office or body the name is "of" ("the Prime Minister of Georgia")."""

_US_PARTY = re.compile(r"\b(?:Republicans?|Democrats?|Democratic|GOP|[RD]-Ga\.)(?!\w)")
"""America's two parties, named in the same sentence ("a Republican on the budget committee")."""


def is_us_state(ent: Any) -> bool:
    """Whether the spaCy entity ``ent`` names the US state that shares a country's name."""
    name = ent.text.removesuffix("'s").removesuffix("\u2019s").strip()
    name = name[4:] if name.lower().startswith("the ") else name
    shared = SHARED_NAMES.get(name.lower())
    if shared is None:
        return False
    state_places, country_places = shared
    text = ent.doc.text
    if any(_names(text, place) for place in country_places):
        return False
    if _NATIONAL_OFFICE.search(ent.doc.text[max(ent.start_char - 40, 0) : ent.start_char]):
        return False  # "the President of Georgia": an office only the country has
    if any(_names(text, place) or _names(text, place.upper()) for place in state_places):
        return True
    if any(e.label_ == "GPE" and e.text in US_STATES for e in ent.doc.ents):
        return True
    sentence = ent.sent.text
    if _STATE_OFFICE.search(sentence) or _US_PARTY.search(sentence):
        return True
    before = ent.doc[max(ent.start - 2, 0) : ent.start]
    return (
        len(before) == 2
        and before[1].lower_ == "of"
        and before[0].ent_type_ == "PERSON"  # "Lena Dahl of Georgia"
    )


def _names(text: str, place: str) -> bool:
    return re.search(rf"\b{re.escape(place)}\b", text) is not None


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
