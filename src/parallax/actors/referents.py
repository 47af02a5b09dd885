"""Where a pronoun stands for no actor, or a mention is no antecedent of one.

Split from :mod:`parallax.actors.coreference`, which asks these questions of each pronoun
and each candidate mention: "it" that holds a clause's or a time's place ("it is clear",
"making it the hottest year"), a name that only modifies a noun ("the Emirati oil
company"), a place that only says where a person comes from ("Sen. Jo Hale of Ohio"), a
mention inside a relative clause the pronoun is outside of. Each reading comes from the
parse alone.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.animacy import names_people

TIME_NOUNS = frozenset({"time", "year", "month", "week", "day", "decade", "hour", "while"})
"""What "it takes" when "it" stands for nothing: "it will take years to rebuild"."""


def dummy_it(pronoun: Any) -> bool:
    """Whether a subject "it" is a placeholder for a clause or a time, not a referent.

    "It is clear that ...", "it was raining"; "it will take years for the region to
    recover" (what takes the time is the clause); "it seems that ..." and "it appears
    that ..." with their clause; the subject of a small clause whose noun is a time
    ("made it the wettest month"), which is that time.
    """
    verb = pronoun.head
    if verb.pos_ == "NOUN" and (verb.lemma_.lower() in TIME_NOUNS or verb.ent_type_ == "DATE"):
        return True  # "making it the hottest year on record": the year, not an actor
    lemma = verb.lemma_.lower()
    if lemma == "be":
        return True
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in TIME_NOUNS for c in verb.children)
    return lemma in {"seem", "appear"} and any(c.dep_ == "ccomp" for c in verb.children)


DOCUMENT_VERBS = frozenset(
    {
        *("sign", "veto", "ratify", "enact", "amend", "draft", "redraft", "repeal"),
        *("rewrite", "publish", "read", "countersign", "initial"),
    }
)
"""Verbs whose object is a text: a bill, a treaty, a report; never a body or a person."""


def stands_for_a_text(pronoun: Any) -> bool:
    """Whether an object "it" stands for a text by what is done to it ("would sign it").

    "The White House said the president would sign it": the White House is the nearest
    actor, but what a president signs, a parliament ratifies or a court's ruling amends
    is a bill or a treaty, which no actor names.
    """
    verb = pronoun.head
    return bool(
        pronoun.lower_ == "it"
        and pronoun.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in DOCUMENT_VERBS
    )


def only_modifies(head: Any) -> bool:
    """Whether a mention only modifies a common noun ("the Emirati oil company").

    "It" stands for a whole noun phrase; the phrase here is the company, not the country
    or organisation named inside it, so such a mention is no antecedent of "it". The same
    holds for a name inside a hyphenated modifier ("the Detroit-based carmaker", "a
    Moscow-backed group") and for one the parser reads as a noun's modifier ("the
    Patriots for Europe group").
    """
    if head.dep_ in {"amod", "compound", "nmod"} and head.head.pos_ == "NOUN":
        return True
    return in_hyphenated_participle(head)


def in_hyphenated_participle(head: Any) -> bool:
    """Whether a name begins a hyphenated participle that modifies a noun ("Detroit-based")."""
    modifier = head.head
    return bool(
        head.dep_ == "npadvmod"
        and modifier.dep_ == "amod"
        and modifier.i == head.i + 2
        and head.doc[head.i + 1].text == "-"
        and modifier.head.pos_ == "NOUN"
    )


def home_place(head: Any) -> bool:
    """Whether a mention only says where a named person comes from ("Sen. Jo Hale of Ohio").

    A reporter tags a legislator or a witness with a state or a town; the place is part of
    how the person is named, not something the story goes on to talk about, so it is no
    antecedent of "it" or "its".
    """
    if head.dep_ != "pobj" or head.head.lower_ not in {"of", "from"}:
        return False
    named = head.head.head
    return bool(named.ent_type_ == "PERSON" or (named.pos_ == "PROPN" and named.dep_ == "appos"))


def backgrounded(head: Any, pronoun: Any) -> bool:
    """Whether a mention sits in a relative clause the pronoun is outside of.

    In "the pact that President X signed, and she faces rivals", X is background to what
    the sentence says of its subject; a pronoun outside that clause does not pick it up.
    """
    current = head
    for _ in range(12):
        if current.dep_ == "relcl":
            return not (current.left_edge.i <= pronoun.i <= current.right_edge.i)
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def describes_someone(head: Any) -> bool:
    """Whether a place is named only to describe a person ("a Republican from Kansas").

    The place in such an apposition says where the person comes from; "it" later in the
    sentence ("voted against it") is not the place.
    """
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and preposition.head.dep_ == "appos"
        and names_people(preposition.head)
    )
