"""Georgia the US state, not the country: a place name two places share, told apart by context.

The knowledge base knows Georgia as the post-Soviet country. US political reporting names
the state far more often ("Senator Lena Dahl of Georgia", "a federal court blocked Georgia's
map", a tour of "Ohio, Nevada and Georgia"), and linking those mentions to the country
puts a Caucasus state among the actors of a story about a congressional map, and checks a
claim about the state against the country's facts. The context decides: a mention is the
US state when the article speaks of the US (another state named, a city of the state, a
state office beside the name, "of Georgia" after a person) and names nothing only the
country has (its capital, its regions, the Caucasus). Otherwise it stays the country, since
a bare "Georgia" with no such signs cannot be told apart.

One decision for every layer: the actors layer (:mod:`parallax.actors.mentions`) and claim
linking (:mod:`parallax.claims.linking`) both ask this module, so an article's "Georgia" is
never the state for one and the country for the other.
"""

from __future__ import annotations

import re
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
    r"(?<!\w)(?:Gov\.|(?:Governor|state\s+(?:Sen\.|Rep\.|senator|representative|legislature|"
    r"lawmakers?|house|senate)|secretary\s+of\s+state|attorney\s+general|congressional|"
    r"county|counties)\b)",
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


def _bare(words: str) -> str:
    name = words.removesuffix("'s").removesuffix("\u2019s").strip()
    return name[4:] if name.lower().startswith("the ") else name


def is_us_state(ent: Any) -> bool:
    """Whether the spaCy entity ``ent`` names the US state that shares a country's name.

    A mention with no sign of its own beside it is what the article's other mentions of the
    name are: after "Gov. Brian Kemp of Georgia", "the Georgia Senate runoff" in the same
    story is the state's too. Only an office the country alone has, written beside this
    mention ("the President of Georgia"), keeps it the country.
    """
    name = _bare(ent.text)
    shared = SHARED_NAMES.get(name.lower())
    if shared is None:
        return False
    own = _signs(ent, shared)
    if own is not None:
        return own
    doc = ent.doc
    for match in re.finditer(rf"\b{re.escape(name)}\b", doc.text):
        other = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if other is not None and other.start != ent.start and _signs(other, shared):
            return True
    return False


def _signs(ent: Any, shared: tuple[frozenset[str], frozenset[str]]) -> bool | None:
    """What the article and the words around one mention say of it.

    True for the state, False for the country, None when nothing says either.
    """
    state_places, country_places = shared
    text = ent.doc.text
    if any(_names(text, place) for place in country_places):
        return False
    if _NATIONAL_OFFICE.search(text[max(ent.start_char - 40, 0) : ent.start_char]):
        return False  # "the President of Georgia": an office only the country has
    if any(_names(text, place) or _names(text, place.upper()) for place in state_places):
        return True
    if any(e.label_ == "GPE" and e.text in US_STATES for e in ent.doc.ents):
        return True
    sentence = ent.sent.text
    if _STATE_OFFICE.search(sentence) or _US_PARTY.search(sentence):
        return True
    before = ent.doc[max(ent.start - 2, 0) : ent.start]
    if (
        len(before) == 2
        and before[1].lower_ == "of"
        and before[0].ent_type_ == "PERSON"  # "Lena Dahl of Georgia"
    ):
        return True
    return None


def _names(text: str, place: str) -> bool:
    return re.search(rf"\b{re.escape(place)}\b", text) is not None


def article_means_us_state(doc: Any, name: str) -> bool:
    """Whether the parsed article ``doc`` names the US state called ``name`` somewhere.

    A demonym follows the name: where the article's own "Georgia" is the state, so are its
    "Georgians" and its "Georgian" lawmakers.
    """
    if name.lower() not in SHARED_NAMES:
        return False
    return any(e.text == name and is_us_state(e) for e in doc.ents)


def us_state_at(doc: Any, start: int, end: int, name: str, *, demonym: bool = False) -> bool:
    """Whether the words at ``doc``'s character offsets ``start``-``end`` are the US state.

    ``name`` is the knowledge-base name the words were linked to ("Georgia"); ``demonym``
    says they are its demonym ("Georgian"), which follows the article's use of the name.
    """
    if name.lower() not in SHARED_NAMES:
        return False
    if demonym:
        return article_means_us_state(doc, name)
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and is_us_state(span)
