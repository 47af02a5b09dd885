"""The one subject of a clause.

When the parser hangs two on its verb, which one is meant; and what a relative pronoun
standing as subject stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.actors.animacy import names_people
from parallax.actors.speech import SPEECH_VERBS


def nearest_subject(
    verb: Any, dep: str = "nsubj", keep: Callable[[Any], bool] = lambda _: True
) -> Any | None:
    """The subject of ``verb`` (children with dependency ``dep`` that ``keep`` accepts).

    A clause has one subject. When the parser gives a verb two ("..., killing ten people,
    the governor said"), the noun a participle or a list left stranded comes first and
    the verb's own subject stands next to it: the nearest one before the verb is taken,
    else the first after it (an inverted "said the governor").
    """
    subjects = [
        c
        for c in (_within_paragraph(c, verb) for c in verb.children if c.dep_ == dep)
        if c is not None and keep(c)
    ]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else subjects[0]


def _within_paragraph(subject: Any, verb: Any) -> Any | None:
    """The part of a subject in its verb's paragraph: a paragraph ends every clause.

    The parser sometimes hangs a line before a paragraph on the next one's verb: a photo
    credit "(Alex Moreno/Ridge Daily)" became the subject of '"We lost everything," said Ana
    Ruiz' below it (no part of it is in the verb's paragraph), and a quotation alone on its
    line the head of "The White House, meanwhile, said ..." (the subject is the head of
    what follows the break: "House").
    """
    doc = subject.doc
    first, last = sorted((subject.i, verb.i))
    breaks = [t.i for t in doc[first:last] if t.is_space and "\n" in t.text]
    if not breaks:
        return subject
    if subject.i > verb.i:
        return None
    kept = [t for t in subject.subtree if breaks[-1] < t.i < verb.i]
    heads = [
        t
        for t in kept
        if (not breaks[-1] < t.head.i < verb.i or t.head.i == t.i)
        and t.pos_ in {"NOUN", "PROPN", "PRON"}
    ]
    return heads[0] if len(heads) == 1 else None


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def antecedent(subject: Any, verb: Any) -> Any:
    """What a relative pronoun stands for: the noun its clause hangs on.

    "Officials, who say forty died" makes the officials the speakers. A description set
    beside a name stands for the name ("Varga, a former general who led the inquiry":
    Varga led it, not whatever the description mentions).
    """
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        noun = verb.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and _describes(noun):
            return noun.head
        if subject.lower_ in PERSONAL_RELATIVES:
            noun = _people_before_thing(noun)
        return _event_before_place(noun, verb) or noun
    return subject


PERSONAL_RELATIVES = frozenset({"who", "whom"})


def _describes(noun: Any) -> bool:
    """Whether an apposition describes its name rather than naming someone else.

    A common noun does ("a former general"), and so does a word for a party, a faith or a
    people after "a" or "an" ("Stein, a Democrat who took office in 2025": Stein took it).
    """
    if noun.pos_ != "PROPN":
        return True
    return noun.ent_type_ == "NORP" and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children
    )


def _people_before_thing(noun: Any) -> Any:
    """The people a "who" clause is about, when the parser hung it on a thing or a place.

    In "12 defenders of the steel plant in Mariupol who had been held since 2022" the
    clause hangs on "Mariupol", but "who" speaks of people: the defenders, the nearest noun
    for people the thing's "of" or "in" phrase hangs on. A noun the parse does not show
    to be a thing (a name, a noun for people) is kept.
    """
    if _people(noun) or noun.ent_type_ in {"PERSON", "NORP", "ORG"} or noun.pos_ == "PRON":
        return noun
    current = noun
    for _ in range(4):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            return noun
        current = current.head.head
        if _people(current):
            return current
    return noun


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _people(noun: Any) -> bool:
    """Whether a noun names people, a place standing for its state not among them here."""
    return noun.ent_type_ not in PLACE_LABELS and names_people(noun)


ASPECTUAL_VERBS = frozenset(
    {
        "resume", "begin", "start", "end", "stall", "collapse", "continue", "conclude",
        "adjourn", "reconvene", "falter", "drag", "break", "last", "fail", "close", "open",
    }
)  # fmt: skip
"""Verbs that say how something under way goes: said of talks, a trial or a war, not a city."""

_LOCATIVE = frozenset({"in", "at"})


def _event_before_place(noun: Any, verb: Any) -> Any | None:
    """The noun a place phrase hangs on, when the relative clause can only be about it.

    In "peace talks in Istanbul, which resumed last week" the parser hangs the clause on
    the nearer noun, the city; but a city does not resume, stall or end: a clause whose
    verb says how something under way goes, with no object of its own, is about the noun
    before "in"/"at".
    """
    if verb.lemma_.lower() not in ASPECTUAL_VERBS or noun.dep_ != "pobj":
        return None
    if any(c.dep_ in {"dobj", "obj"} for c in verb.children):
        return None
    prep = noun.head
    if prep.lower_ not in _LOCATIVE or noun.ent_type_ not in {"GPE", "LOC", "FAC"}:
        return None
    outer = prep.head
    return outer if outer.pos_ == "NOUN" else None


def stranded_speaker(verb: Any) -> Any | None:
    """The speaker the parser hung as an apposition before a speech verb that has no subject.

    In "..., killing four people, regional governor Ann Hale said Tuesday." the small parser
    often makes "Ann Hale" an apposition of "people" and leaves "said" without a subject:
    a name set off by a comma and ending right before a subjectless verb of saying is that
    verb's subject, neither one of the people killed nor another name for them.
    """
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.i == 0:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    head = verb.doc[verb.i - 1]
    while head.dep_ in {"compound", "flat"} and verb.i > head.head.i > head.i:
        head = head.head
    if head.dep_ != "appos" or head.right_edge.i != verb.i - 1:
        return None
    left = head.left_edge.i
    if left == 0 or verb.doc[left - 1].text != ",":
        return None
    return head


def is_stranded_speaker(token: Any) -> bool:
    """Whether ``token`` is the :func:`stranded_speaker` of the verb right after its phrase."""
    after = token.right_edge.i + 1
    if token.dep_ != "appos" or after >= len(token.doc):
        return False
    verb = token.doc[after]
    speaker = stranded_speaker(verb) if verb.pos_ == "VERB" else None
    return speaker is not None and speaker.i == token.i


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def subject_mention(head: Any) -> bool:
    """Whether a mention headed by ``head`` is (part of) its clause's subject, for coreference.

    The subject itself or a modifier of it ("Russia's army", "Russian troops": the state
    acting), unless a name in apposition says who the subject is: then the owner in
    "Kroll's challenger, Amy Lindgren," is no subject. (The name in apposition is not
    counted as one either: "the attorney general, Mike Cox, said that Shirvell had a right
    to express his opinions" would then have two subjects for "his", and lose it.)
    """
    if head.dep_ in SUBJECT_DEPS:
        return True
    if head.dep_ in {"compound", "amod", "poss", "nmod"} and head.head.dep_ in SUBJECT_DEPS:
        return not _named_beside(head.head)
    return False


def _named_beside(noun: Any) -> bool:
    """Whether a name stands in apposition to ``noun``, directly or through a title."""
    return any(
        child.pos_ == "PROPN" or titled_names(child)
        for child in noun.children
        if child.dep_ == "appos" and child.i > noun.i
    )


def titled_names(title: Any) -> list[Any]:
    """The proper nouns set in apposition after ``title``.

    "Kroll's challenger, state treasurer Amy Lindgren," is parsed as the challenger, the
    treasurer beside it, and Lindgren beside the treasurer: the name of the one person the
    titles describe.
    """
    return [c for c in title.children if c.dep_ == "appos" and c.i > title.i and c.pos_ == "PROPN"]
