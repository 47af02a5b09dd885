"""Places the tagger calls organisations: a town that hosts a summit is no body.

The small tagger types an unfamiliar town's name as an organisation when the town does
something ("Valdoro spent millions on hotels", "Valdoro hosted the talks"), though it
types the same name as a place where something happens ("delegates gathered in
Valdoro"). The actor the knowledge base does not know then took the type of its first
mention, and a report listed the town among the organisations. An unknown actor is a
place when the article itself says so:

- the tagger types one of its mentions as a place (GPE, LOC) elsewhere in the article;
- a mention stands in apposition with a place ("Valdoro, Brazil," "Montera, Spain,"), or
  with a noun for a settlement or an area ("Valdoro, a port city on the coast,"), or is
  the name such a noun, or a noun for its dwellers, is "of" ("the foothill town of
  Caldwell", "residents of Marlow Bay");
- a mention names a settlement or an area by a noun for one after it ("in the Darnova
  district", "the Velinsk region"); this holds too of a name tagged as a person's.

A known organisation keeps its type, and so does an unknown one without such evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.actors.aims import noun_class
from parallax.actors.body_context import plain_names
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
        lambda m: (
            m.label in PLACE_LABELS
            or _beside_a_place(doc[m.head])
            or _settlement_named(doc[m.head])
        ),
        from_types=frozenset({"organisation"}),
        to_type="place",
        label="GPE",
        from_label="ORG",
    )
    retype(
        mentions,
        actors,
        lambda m: _named_area(doc[m.head]) or _settlement_named(doc[m.head]),
        from_types=frozenset({"organisation", "person"}),
        to_type="place",
        label="GPE",
    )
    retype(
        mentions,
        actors,
        lambda m: _named_area(doc[m.head]) and not _demonym_form(doc[m.head].text),
        from_types=frozenset({"group"}),
        to_type="place",
        label="GPE",
    )
    plain = plain_names(mentions, doc)
    retype(
        mentions,
        actors,
        lambda m: plain.get(m.actor, False) and place_context(doc[m.head]),
        from_types=frozenset({"person"}),
        to_type="place",
        label="GPE",
    )


LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "around", "across", "inside", "throughout", "into"}
)
"""Prepositions that put an act at a place ("were killed in Kharkiv", "fighting near Torva")."""
NOT_PLACED = frozenset({"believe", "trust", "invest", "confide", "interest", "result"})
"""Verbs whose "in" takes a person or a thing, not a place ("believe in Torva")."""
PLACE_PARTS = frozenset(
    {
        *("mayor", "outskirts", "resident", "street", "centre", "center", "suburb"),
        *("district", "airport", "port", "harbour", "harbor", "region", "governor"),
        *("inhabitant", "neighbourhood", "neighborhood", "downtown"),
    }
)
"""What a place has and a person does not ("Kharkiv's mayor", "Torva's outskirts")."""


def place_context(token: Any) -> bool:
    """Whether a one-word "person" stands where only a place's name does.

    An act done in or near it ("shelling near Torva"), a part only a place has ("Torva's
    mayor", "its outskirts"), the settlement noun it names ("the city of Torva"), or the
    object of what weapons did, in either voice ("missiles pounded Torva", "Torva was hit
    by a barrage of drones": weapons strike places and things; people are killed or
    wounded by them).
    """
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        verb = head.head
        return verb.pos_ == "VERB" and verb.lemma_.lower() not in NOT_PLACED
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.pos_ == "NOUN" and head.head.lemma_.lower() in SETTLEMENT_NOUNS
    if token.dep_ == "poss" and head.pos_ == "NOUN":
        return head.lemma_.lower() in PLACE_PARTS
    if token.dep_ == "dobj" and head.pos_ == "VERB":
        return any(c.dep_ == "nsubj" and noun_class(c) in ARMS for c in head.children)
    if token.dep_ == "nsubjpass" and head.pos_ == "VERB":
        # "Velinsk was hit by missiles overnight": the same, told in the passive
        return any(
            g.dep_ == "pobj" and noun_class(g) in ARMS
            for c in head.children
            if c.dep_ == "agent"
            for g in c.children
        )
    return False


ARMS = frozenset({"weapon", "weapons", "attack"})
"""What :func:`parallax.actors.aims.noun_class` calls a weapon or an attack."""


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


_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ch")
"""Endings of the names of peoples ("Kurdish", "Basques", "Yemeni", "Dutch"); a name of a
people before "region" ("the Kurdish region") is the people's, not the area's."""


def _demonym_form(word: str) -> bool:
    """Whether a word a tagger read as a people's name has the form of one."""
    return word.lower().endswith(_DEMONYM_ENDINGS)


DWELLER_NOUNS = frozenset({"resident", "inhabitant", "villager", "townspeople", "mayor"})
"""Nouns for people who live in a place or govern a town, "of" it ("residents of Haddon")."""


def _settlement_named(token: Any) -> bool:
    """Whether a name is the one a noun for a settlement, or its dwellers, is "of".

    "The town of Caldwell", "residents of Marlow Bay", "the mayor of Tarn".
    """
    head = token.head
    nouns = (SETTLEMENT_NOUNS - {"hub", "capital"}) | DWELLER_NOUNS
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in nouns
    )


def _beside_a_place(token: Any) -> bool:
    """Whether a name has a place, or a noun for a settlement, in apposition with it."""
    for child in token.children:
        if child.dep_ != "appos":
            continue
        if child.ent_type_ in PLACE_LABELS or child.lemma_.lower() in SETTLEMENT_NOUNS:
            return True
    return False
