"""Common words the entity tagger calls names: no actor.

The small tagger reads a capitalised word as a name largely by its shape, so a common noun
or adjective that opens a sentence comes out as an organisation or a place ("Utilities
said prices would rise", "Coastal towns flooded"), and a report then lists "Utilities" and
"Coastal" as actors that said and did things. The tagger's own part of speech knows
better: it reads such a word as a noun or an adjective, not as a proper noun. A one-word
entity that opens its sentence, that the part-of-speech tagger calls a common noun or
adjective, and that the article never writes with a capital inside a sentence is taken for
the common word it is. A word the knowledge base names is kept, and so is a group's name
(NORP), which is an adjective or a plural noun by nature ("Finnish workers", "Democrats
said"), though not a singular common noun the tagger calls a group ("Smoke covered ...");
a word lowercase throughout ("the secretary of state's office") is never a name in edited
news.

The tagger also takes such a word for a person now and then, and calls it a proper noun
as well ("Lava spread ...", "Wildfires hit ..." opening a paragraph):
:func:`common_noun_as_person` reads the word in the parser's vocabulary of common nouns
instead (:mod:`parallax.actors.vocabulary`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.actors.datelines import after_dateline
from parallax.actors.speech import SPEECH_VERBS
from parallax.actors.vocabulary import is_common_noun

COMMON_POS = frozenset({"NOUN", "ADJ"})
"""Parts of speech of a common word; a name the tagger recognises is PROPN."""


def common_word_as_name(ent: Any, known: Callable[[str], object]) -> bool:
    """Whether an entity is a common word the tagger took for a name (see the module).

    ``known`` looks a word up in the knowledge base (names and demonyms); a word it knows
    is a name ("Ukrainian opposition ..." opening a headline).
    """
    if not any(ch.isupper() for ch in ent.text) or common_noun_as_person(ent, known):
        return True
    if len(ent) != 1 or ent[0].pos_ not in COMMON_POS:
        return False
    if _adjective_as_body(ent, known):
        return True
    if ent.label_ == "NORP" and ent[0].tag_ != "NN":
        return False  # a group's name is an adjective or a plural noun ("Finnish", "Democrats")
    if not opens_sentence(ent[0]):
        return False
    word = ent[0]
    entity = known(word.text)
    if entity is not None and not _body_named_by_a_noun(word, entity):
        return False
    return not any(
        t.text == word.text and t.i != word.i and not opens_sentence(t) for t in word.doc
    )


def _adjective_as_body(ent: Any, known: Callable[[str], object]) -> bool:
    """Whether an "organisation" is an adjective describing a noun ("Indigenous communities").

    Some adjectives are capitalised anywhere in a sentence by convention, and the tagger
    then calls them a body. A body's name that describes a noun is a proper noun set before
    it ("Google employees"); one the tagger reads as an adjective modifying the noun is no
    body, unless the knowledge base names it.
    """
    word = ent[0]
    return (
        ent.label_ == "ORG"
        and word.pos_ == "ADJ"
        and word.dep_ == "amod"
        and known(word.text) is None
    )


def _body_named_by_a_noun(word: Any, entity: object) -> bool:
    """Whether a known word is a body's name that is also a common noun, used as the noun.

    Some firms bear a common noun's name ("Shell"). Opening a sentence, the word the parser
    reads as a common noun ("Shell casings littered the street") is the noun; read as a
    proper noun ("Shell said ...") it stays the firm. States and people are not affected.
    """
    return (
        getattr(entity, "type", "") == "organisation"
        and word.pos_ == "NOUN"
        and is_common_noun(word.text)
    )


def common_noun_as_person(ent: Any, known: Callable[[str], object]) -> bool:
    """Whether a one-word "person" is a common noun that only opens sentences or lines.

    A person's name shows its capital inside sentences too, or is the surname of a full
    name the article gives ("Lena Dahl ... Dahl said"), or is one the knowledge base knows.
    The vocabulary alone is no proof of a common noun: it holds names in lower case too
    ("george", "jesus") and surnames that are words ("banks"). So a one-word PERSON entity
    is a common noun when the vocabulary holds it as one (or its singular) and the article
    says so too, either through the tagger, which reads the word as a common noun, or by
    writing the word (or its singular or plural) in lower case elsewhere ("Lava spread ...
    the lava reached the road"), or by making it a measure that reaches a figure ("Turnout
    reached 3.1 million"), or matter that comes from something ("Debris from a downed
    drone"); and when, besides, the article writes it with a capital
    only where a sentence or a line begins, no longer person's name in the article ends or
    starts with it, the knowledge base does not know it, and it says nothing ("Banks
    said"): things do not speak.
    """
    if ent.label_ != "PERSON" or len(ent) != 1 or not ent[0].is_alpha:
        return False
    word = ent[0]
    if not is_common_noun(word.text, plural=True) or known(word.text) or _speaks(word):
        return False
    doc = word.doc
    if (
        word.pos_ != "NOUN"
        and not _written_in_lower_case(word)
        and not _acts_as_a_measure(word)
        and not _comes_from_something(word)
    ):
        return False
    if any(t.text == word.text and not _begins(t) for t in doc):
        return False
    return not any(
        other.label_ == "PERSON" and len(other) > 1 and word.text in {other[0].text, other[-1].text}
        for other in doc.ents
    )


def _comes_from_something(word: Any) -> bool:
    """Whether a word opening its sentence is matter that comes from something.

    "Debris from a downed drone damaged a kindergarten", "Smoke from the fires ...": a
    stuff said to come from a thing is the stuff; news introduces a person's origin after a
    comma ("Berg, of Tartu,"), not with "from" hung on the name.
    """
    return any(c.dep_ == "prep" and c.lower_ == "from" and c.i == word.i + 1 for c in word.children)


MEASURING_VERBS = frozenset(
    {"reach", "rise", "fall", "climb", "drop", "top", "exceed", "hit", "stand", "double"}
)


def _acts_as_a_measure(word: Any) -> bool:
    """Whether a word opening its sentence is a quantity that reaches a number.

    "Turnout reached 3.1 million", "Inflation rose to 4%": what rises, falls or reaches a
    figure is a measure, not a person, whatever the tagger's capital-letter reading; so is
    what is said to be the highest or the lowest ("Turnout was the highest since 1994").
    """
    verb = word.head
    if word.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        # "Turnout was the highest since 1994": a measure ranked against others
        return any(c.dep_ in {"attr", "acomp"} and c.tag_ in {"JJS", "RBS"} for c in verb.children)
    if word.dep_ != "nsubj" or verb.lemma_.lower() not in MEASURING_VERBS:
        return False
    return any(
        (t.like_num or t.text == "%") and t.ent_type_ not in {"DATE", "TIME"} for t in verb.subtree
    )


def _written_in_lower_case(word: Any) -> bool:
    """Whether the article writes ``word``, its singular or its plural, in lower case."""
    lowered = word.lower_
    forms = {lowered, lowered + "s", lowered + "es"}
    if lowered.endswith("s"):
        forms.update({lowered[:-1], lowered[:-2] if lowered.endswith("es") else lowered[:-1]})
    return any(t.text in forms for t in word.doc)


def _speaks(word: Any) -> bool:
    """Whether ``word`` is the subject of a verb of saying."""
    return word.dep_ == "nsubj" and word.head.lemma_.lower() in SPEECH_VERBS


def _begins(token: Any) -> bool:
    """Whether a token begins a sentence or a line (where any word takes a capital)."""
    if opens_sentence(token):
        return True
    doc = token.doc
    before = token.i - 1
    while before >= 0 and doc[before].is_punct and doc[before].text in {'"', "\u201c", "'"}:
        before -= 1
    return before < 0 or "\n" in doc[before].text or doc[before].text in {".", "?", "!"}


def opens_sentence(token: Any) -> bool:
    """Whether ``token`` is the first word of its sentence (after a dateline or quote mark)."""
    sentence = token.sent
    first = after_dateline(token.doc, sentence.start)
    while first < token.i and (token.doc[first].is_punct or token.doc[first].is_space):
        first += 1
    return bool(first == token.i)
