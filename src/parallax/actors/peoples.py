"""A country's people named by a plural demonym: a group, not the state acting.

"Georgians voted in a runoff", "Americans are divided over the economy", "Ukrainians
mourned the dead": the plural demonym names the people of a country, and what they do is
not what the state does. Read through the knowledge base's demonyms, such a mention had
been the country itself, so a report said "United States" voted, queued or mourned, and
the portrayal of the state took in what its citizens did and suffered. The people are an
actor of their own, a group named as the article writes it ("Americans"), with one id per
country (``people:<country id>``) so that every source's "Ukrainians" are one group across
a story. The adjective before a noun keeps its old reading ("Russian troops", "the Ukrainian
government" are the state acting; see :mod:`parallax.actors.mentions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

PEOPLE_PREFIX = "people:"
"""Prefix of the ids of the people of a country (``people:ukraine``)."""


class _Mentioned(Protocol):
    actor: str
    modifier: bool


M = TypeVar("M", bound=_Mentioned)

PLURAL_TAGS = frozenset({"NNS", "NNPS"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def names_a_people(ent: Any, demonym: Callable[[str], object]) -> bool:
    """Whether a demonym entity is a plural noun of its own ("Americans", "the Ukrainians'").

    Only a plural noun heading its phrase names people; one that modifies another noun
    ("the Americans delegation") or a singular adjective ("American officials") does not.
    The tagger calls some plurals singular ("Georgians" as NNP), so a word that is a
    demonym (``demonym`` looks one up) with an added "s" counts as plural too.
    """
    root = ent.root
    if ent.label_ != "NORP" or root.dep_ in MODIFIER_DEPS:
        return False
    word = root.text
    return root.tag_ in PLURAL_TAGS or (
        word.endswith("s") and not word.endswith("ss") and bool(demonym(word[:-1]))
    )


def only_a_modifier(ent: Any) -> bool:
    """Whether a group's name (NORP) only describes the noun it modifies.

    "Democratic senators", "Kurdish fighters", "Republican Senator Lena Dahl": the adjective
    says which party or people the senators or the fighters belong to; it is an attribute
    of the phrase, not a party acting on its own, and an actor named after it ("Democratic")
    takes in every deed of everyone it describes (see :func:`without_modifier_only_actors`).
    """
    root = ent.root
    head = root.head
    return (
        ent.label_ == "NORP"
        and root.dep_ in MODIFIER_DEPS
        and head.i != root.i
        and not ent.start <= head.i < ent.end
        and head.pos_ in {"NOUN", "PROPN"}
    )


def without_modifier_only_actors(mentions: list[M]) -> list[M]:
    """``mentions`` without the actors that only modifiers name (:func:`only_a_modifier`).

    Only a name the knowledge base does not know is marked a modifier; a known state's
    demonym before a noun keeps its reading as the state acting ("Russian troops", see
    :mod:`parallax.actors.mentions`). A modifier joined to a name the article also uses on
    its own stays with it: "a Saudi envoy" beside "Saudi Arabia" is the state, and
    "Democratic senators" beside "the Democrats said" are that party.
    """
    alone = {m.actor for m in mentions if not m.modifier}
    return [m for m in mentions if not m.modifier or m.actor in alone]


def people_id(country: str) -> str:
    """The id of the people of the country with knowledge-base id ``country``."""
    return f"{PEOPLE_PREFIX}{country}"


def people_name(text: str) -> str:
    """The group's name as written, without an article or a possessive ("Ukrainians")."""
    name = re.sub(r"^the\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    return re.sub(r"['\u2019]s?$", "", name)
