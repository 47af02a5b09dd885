"""Names that name no actor where they stand: they describe something else, or count things.

A name can stand in a phrase without the article speaking of its bearer at all:

- inside a hyphenated compound that modifies a noun, as its first part before a noun
  ("Clinton-era banking rules", "an Obama-style appeal", "the Reagan-type cuts"): the
  compound dates or likens the rules; no one named does anything, and a report listing
  "Bill Clinton" as an actor of a story about banking rules misleads. A participle after
  the hyphen is left alone ("a Biden-backed bill", "the Moscow-led bloc"): there the name
  is the one who backs or leads, which is a deed;
- as a party's or a body's name describing a person's membership ("Sen. Ann Ruiz, an
  Ohio Democrat, said", "Tom Vane, a Labour MP", "Ruiz is a Republican", "as a Democrat,
  she ..."): the phrase is about the person; the party neither speaks nor acts there, and
  counting it made the party an actor cast by every quote of its members. A lone singular
  party name with "a" or "an" ("a Republican said") names one member the same way.

- as a one-word "person" written in the plural and counted ("launched 40 Shaheds",
  "dozens of Zircons"): the small tagger takes unfamiliar model names of drones and
  missiles for people's names, but a person's name is not counted out; what is counted is
  a kind of thing. Without a count the plural is left alone: surnames ending in "s" are
  tagged as plurals too ("Davies said"), and "the Kennedys" are people.

The readings come from the parse alone: the hyphen, the compound's head, an apposition,
a copula's subject or "as", the indefinite article, a number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.actors.animacy import PEOPLE_PRONOUNS, PERSON_NOUNS, QUANTITIES
from parallax.knowledge import KBEntity

HYPHENS = frozenset({"-", "\u2010", "\u2011"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
MEMBERSHIP_LABELS = frozenset({"NORP", "ORG"})
STATE_TYPES = frozenset({"country", "organisation"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def names_no_actor(ent: Any, known: Callable[[str], KBEntity | None]) -> bool:
    """Whether an entity names no actor where it stands (see the module).

    ``known`` looks a name up in the knowledge base: a state's or a known body's name
    keeps its reading when it describes a person ("Ivo Tamm, a Russian diplomat" is the
    state's diplomat, as "Russian troops" are the state's).
    """
    if in_hyphenated_modifier(ent) or counted_as_things(ent):
        return True
    if not describes_a_member(ent):
        return False
    entity = known(ent.text)
    return entity is None or entity.type not in STATE_TYPES


def counted_as_things(ent: Any) -> bool:
    """Whether a one-word "person" is a plural counted by a number (see the module).

    "40 Shaheds" (a number on the noun), "dozens of Shaheds" (the object of "of" after a
    word that counts). A plural is a tag the tagger gives it or an "s" the singular lacks.
    """
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    token = ent.root
    plural = token.tag_ in PLURAL_TAGS or (
        token.text.endswith("s") and not token.text.endswith("ss")
    )
    if not plural:
        return False
    if any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in token.children):
        return True
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of":
        return False
    counter = of.head
    return counter.pos_ == "NUM" or counter.lemma_.lower() in QUANTITIES


def in_hyphenated_modifier(ent: Any) -> bool:
    """Whether a name is the first part of a hyphenated noun compound that modifies a noun.

    "Clinton-era rules": "Clinton" hangs on "era" right after the hyphen, and "era" itself
    modifies "rules" (see the module). The word after the hyphen must be a common noun the
    name depends on; a participle or an adjective ("Biden-backed", "Kremlin-friendly")
    makes the name a doer, and a proper noun ("U.S.-China talks") a second party.
    """
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text not in HYPHENS:
        return False
    if doc[ent.end - 1].whitespace_ or doc[ent.end].whitespace_:
        return False  # "Clinton - era": a dash between words, not a compound
    word = doc[ent.end + 1]
    if word.pos_ != "NOUN" or ent.root.head.i != word.i:
        return False  # the name must hang on the noun after the hyphen
    return word.dep_ in MODIFIER_DEPS and word.head.i > word.i and word.head.pos_ in NOUN_POS


def describes_a_member(ent: Any) -> bool:
    """Whether a party's or body's name only says which one a person belongs to.

    The phrase a group's name (NORP) heads, or the noun a group's or body's name modifies
    ("a Labour MP"), must be singular
    and either in apposition to a person, the complement of a copula whose subject is a
    person, the object of "as" with "a" or "an", or, for the name heading its own phrase,
    written with "a" or "an" ("an Ohio Democrat"): see the module.
    """
    if ent.label_ not in MEMBERSHIP_LABELS:
        return False
    root = ent.root
    head = root
    if root.dep_ in MODIFIER_DEPS and not ent.start <= root.head.i < ent.end:
        head = root.head  # "a Labour MP": the noun the name describes
        if head.pos_ not in NOUN_POS:
            return False
    elif ent.label_ != "NORP":
        return False  # an "organisation" set beside a person is the person's name mistagged
    if head.tag_ not in SINGULAR_TAGS:
        return False  # "the Democrats", "Labour MPs": the party, or several of its people
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
    if head.i == root.i and indefinite:
        return True  # "a Republican", "an Ohio Democrat": one member
    if head.dep_ == "appos":
        return _a_person(head.head)
    if head.dep_ == "attr":
        subjects = [c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return bool(subjects) and _a_person(subjects[0])
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return indefinite  # "as a Democrat, she ...", not "Labour as a party"
    return False


def _a_person(token: Any) -> bool:
    """Whether a token names a person: a person's name, a pronoun or a noun for a person."""
    if token.ent_type_ == "PERSON":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PEOPLE_PRONOUNS and token.lower_ not in {"they", "them", "we"}
    return token.lemma_.lower() in PERSON_NOUNS
