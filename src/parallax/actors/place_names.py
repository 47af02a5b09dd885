"""Places the tagger calls organisations: a town that hosts a summit is no body.

The small tagger types an unfamiliar town's name as an organisation when the town does
something ("Valdoro spent millions on hotels", "Valdoro hosted the talks"), though it
types the same name as a place where something happens ("delegates gathered in
Valdoro"). The actor the knowledge base does not know then took the type of its first
mention, and a report listed the town among the organisations. An unknown actor is a
place when the article itself says so:

- the tagger types one of its mentions as a place (GPE, LOC) elsewhere in the article;
- a mention stands in apposition with a place ("Valdoro, Brazil," "Montera, Spain,"), or
  with a noun for a settlement or an area ("Valdoro, a port city on the coast,");
- a mention names a settlement or an area by a noun for one after it ("in the Darnova
  district", "the Velinsk region"); this holds too of a name tagged as a person's.

A known organisation keeps its type, and so does an unknown one without such evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.actors.retyping import ActorLike, MentionLike, retype

PLACE_LABELS = frozenset({"GPE", "LOC"})
SETTLEMENT_NOUNS = frozenset(
    {
        *("city", "town", "village", "port", "capital", "municipality", "suburb"),
        *("region", "province", "district", "county", "island", "state", "hub"),
    }
)
"""Nouns for a settlement or an area a place's name can be set beside ("a port city")."""


def places_tagged_as_bodies(
    mentions: Sequence[MentionLike], actors: Mapping[str, ActorLike], doc: Any
) -> None:
    """Retype unknown organisations the article shows to be places (see the module)."""
    retype(
        mentions,
        actors,
        lambda m: m.label in PLACE_LABELS or _beside_a_place(doc[m.head]),
        from_types=frozenset({"organisation"}),
        to_type="place",
        label="GPE",
        from_label="ORG",
    )
    retype(
        mentions,
        actors,
        lambda m: _named_area(doc[m.head]),
        from_types=frozenset({"organisation", "person"}),
        to_type="place",
        label="GPE",
    )


AREA_NOUNS = frozenset(
    {
        *("city", "town", "village", "municipality", "suburb", "region", "province"),
        *("district", "county", "island", "oblast"),
    }
)
"""Nouns for a settlement or an area that follow its name ("the Darnova district"); a port,
a hub or a capital may be a firm's or a party's ("the Harlow hub")."""


def _named_area(token: Any) -> bool:
    """Whether a name is compounded before a noun for a settlement or area ("Darnova district")."""
    head = token.head
    return (
        token.dep_ == "compound"
        and head.i == token.i + 1
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in AREA_NOUNS
    )


def _beside_a_place(token: Any) -> bool:
    """Whether a name has a place, or a noun for a settlement, in apposition with it."""
    for child in token.children:
        if child.dep_ != "appos":
            continue
        if child.ent_type_ in PLACE_LABELS or child.lemma_.lower() in SETTLEMENT_NOUNS:
            return True
    return False
