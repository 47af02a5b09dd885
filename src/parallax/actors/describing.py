"""Names that name no actor where they stand: they describe something else, or count things.

A name can stand in a phrase without the article speaking of its bearer at all:

- inside a hyphenated compound that modifies a noun, as its first part before a noun
  ("Clinton-era banking rules", "an Obama-style appeal", "the Reagan-type cuts"): the
  compound dates or likens the rules; no one named does anything, and a report listing
  "Bill Clinton" as an actor of a story about banking rules misleads. A participle after
  the hyphen is left alone ("a Biden-backed bill", "the Moscow-led bloc"): there the name
  is the one who backs or leads, which is a deed;
- as a one-word "person" written in the plural and counted ("launched 40 Shaheds",
  "dozens of Zircons"): the small tagger takes unfamiliar model names of drones and
  missiles for people's names, but a person's name is not counted out; what is counted is
  a kind of thing. Without a count the plural is left alone: surnames ending in "s" are
  tagged as plurals too ("Davies said"), and "the Kennedys" are people;
- inside a quoted name someone calls a thing ("described the law as "Jim Crow in a suit
  and tie"", "called the plan "a Marshall Plan for coal""): the name is the speaker's
  figure for the thing, not a participant. Unquoted, the complement may be who someone is
  ("described the suspect as John Hale"), so only quoted ones count;
- as a time zone after a clock time ("by 1120 GMT"), which the tagger reads as a body;
- as the model of arms set before their noun ("more Patriot air defence systems", "two
  Leopard tanks"), which the tagger reads as a person's or a firm's name;
- as a law's or a treaty's name the tagger types as a body ("the Digital Markets Act"), or
  a wildfire's in a report about it ("the Ridge Fire burned 12,000 acres");
- as the platform or channel a statement was made on ("he wrote on X", "posted on
  Telegram", "said in a video on Facebook" aside, "spoke on CNN"): where the words
  appeared, not someone who acts in the story.

The readings come from the parse alone (the hyphen, the compound's head, a number, the
verb of calling), and the quotation marks.

Tried and not kept (2026-12-06): a party's name that only says which party a person
belongs to ("Sen. Ann Ruiz, an Ohio Democrat, said", "Ruiz is a Republican") as no
mention of the party. It left the judged roles and MEANTIME unchanged and moved BASIL's
author feeling from 0.634 to 0.630, under its floor: two entities whose own sentences did
not change (Barack Obama, Mary Cheney) crossed the sentiment cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from parallax.actors.aims import WEAPON_NOUNS
from parallax.actors.animacy import QUANTITIES
from parallax.actors.speech import CHARACTERISING_VERBS, quote_spans

HYPHENS = frozenset({"-", "\u2010", "\u2011"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def names_no_actor(ent: Any, known: Callable[[str], bool] = lambda _: False) -> bool:
    """Whether an entity names no actor where it stands (see the module).

    ``known``: whether the knowledge base knows a name (a known armed group's name before
    its weapons, "Hamas rockets", is the group's).
    """
    return (
        in_hyphenated_modifier(ent)
        or counted_as_things(ent)
        or quoted_figure(ent)
        or clock_zone(ent)
        or (weapon_model(ent) and not known(ent.text))
        or (law_name(ent) and not known(ent.text))
        or wildfire_name(ent)
        or medium_of_a_statement(ent)
    )


MEDIUM_VERBS = frozenset(
    {"write", "post", "say", "announce", "tweet", "publish", "share", "state", "speak"}
    | {"upload", "broadcast", "declare", "report"}
)
"""Verbs of saying or posting whose "on" or "via" object is the channel ("wrote on X")."""
MEDIUM_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})


def medium_of_a_statement(ent: Any) -> bool:
    """Whether a name is the platform a statement was made on ("wrote on Telegram").

    Only a body's or a product's name (a country "wrote on Ukraine" is written about), the
    object of "on" or "via" hung on a verb of saying or posting.
    """
    root = ent.root
    prep = root.head
    if ent.label_ not in MEDIUM_LABELS or root.dep_ != "pobj" or prep.lower_ not in {"on", "via"}:
        return False
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "posted photos on Telegram"
    return bool(verb.pos_ == "VERB" and verb.lemma_.lower() in MEDIUM_VERBS)


LAW_HEADS = frozenset(
    {"Act", "Acts", "Treaty", "Accord", "Accords", "Directive", "Amendment", "Protocol"}
)
"""Last words of a law's or a treaty's name ("the Digital Markets Act", "the Paris Accord")."""


def law_name(ent: Any) -> bool:
    """Whether a name the tagger calls a body is a law's or a treaty's ("Digital Markets Act").

    A law does nothing of its own accord: what it "forces" is what its makers required, and
    casting it as an antagonist or a hero misreads the article. The tagger types some such
    names as organisations; their last word says what they are.
    """
    return bool(
        len(ent) > 1 and ent.label_ in {"ORG", "PERSON", "GPE"} and ent[-1].text in LAW_HEADS
    )


MATERIEL_NOUNS = WEAPON_NOUNS | {
    "launcher", "interceptor", "tank", "jet", "howitzer", "rifle", "warplane", "helicopter",
}  # fmt: skip
"""Nouns of arms a model's name is set before ("Patriot interceptors", "Leopard tanks")."""
ARMS_KINDS = frozenset({"defence", "defense", "missile", "rocket", "artillery", "launch"})
"""Words that make a "system" an arms system ("Patriot air defence systems")."""


def weapon_model(ent: Any) -> bool:
    """Whether a name the tagger calls a person or a body names a model of arms.

    "More Patriot air defence systems", "two Leopard tanks": the name is set before a
    noun of arms as its model, and the small tagger reads it as a person's or a firm's.
    A one-word "person" set before "systems" is such a model too ("more Patriot systems").
    A people's name keeps its reading ("Houthi drones" are the Houthis' doing), and so
    does any name the knowledge base knows.
    """
    if ent.label_ not in {"PERSON", "ORG"} or ent.root.dep_ != "compound":
        return False
    head = ent.root.head
    lemma = head.lemma_.lower()
    if lemma in MATERIEL_NOUNS:
        return True
    if lemma != "system":
        return False
    if ent.label_ == "PERSON" and len(ent) == 1:
        return True  # "more Patriot systems": a system bears a model's name, not a person's
    return any(c.dep_ == "compound" and c.lemma_.lower() in ARMS_KINDS for c in head.children)


_CLOCK = re.compile(r"\d{3,4}|\d{1,2}[:.]\d{2}")


def clock_zone(ent: Any) -> bool:
    """Whether a short name in capitals follows a time of day ("by 1120 GMT", "at 9:30 EST").

    The tagger takes a time zone's letters for a body's; after a clock time they say where
    the clock is, and no one does anything.
    """
    if len(ent) != 1 or ent.start == 0:
        return False
    word, before = ent[0], ent.doc[ent.start - 1]
    return word.text.isupper() and 2 <= len(word.text) <= 4 and bool(_CLOCK.fullmatch(before.text))


def quoted_figure(ent: Any) -> bool:
    """Whether a name is inside a quoted complement of a verb of calling (see the module)."""
    token = ent.root
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif token.dep_ not in {"oprd", "attr", "dobj"}:
        head = None
    while head is not None and head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head  # the name inside a longer complement: "a Jim Crow law"
    if head is None or head.lemma_.lower() not in CHARACTERISING_VERBS:
        return False
    start, end = ent.start_char, ent.end_char
    return any(a <= start and end <= b for a, b in quote_spans(ent.doc.text))


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


FIRE_WORDS = frozenset(
    {"acres", "hectares", "blaze", "wildfire", "wildfires", "firefighters", "containment"}
)
"""Words of a wildfire report ("burned 12,000 acres", "5% containment")."""


def wildfire_name(ent: Any) -> bool:
    """Whether a name is a wildfire's ("the Ridge Fire"), in a report about a wildfire.

    Fire agencies name each wildfire after a place ("the Ridge Fire", "the Camp Fire"), and
    the tagger types the name as a body's. A fire is what happens in the story, not an actor
    with a role; a team called "Fire" in a sports report keeps its reading, since the report
    has no word of a wildfire.
    """
    if len(ent) < 2 or ent[-1].text not in {"Fire", "Fires"}:
        return False
    return any(t.lower_ in FIRE_WORDS for t in ent.doc)
