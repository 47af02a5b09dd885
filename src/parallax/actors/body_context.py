"""Organisations the tagger calls people, told by what the article does with their name.

The small tagger takes a one-word name it has not learnt for a person's ("Greenpeace
called the fine too small"), and the report then lists a campaign group among the
people, with "he" and "she" free to refer to it. The article's own wording shows what
only a body can be: someone leads, heads, chairs or founded it ("who leads Greenpeace");
someone holds a post at it or in it ("a director of Greenpeace", "an analyst at Vantor");
it has members, branches or headquarters ("Greenpeace's members"); or a noun for a body
stands in apposition ("Vantor, the charity") or right before the name ("German carmaker
Veltron"). A person is not written so: one leads a team or a country, not a person; a
person has staff and aides, not members or branches.

Only an unknown actor is retyped (the knowledge base's types stand), and only one the
article always names in a single word with no honorific or title before it: "Ana Berg"
or "Ms. Berg" is a person, whatever is said of her.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.actors.animacy import PERSON_NOUNS
from parallax.actors.described_names import BODY_NOUNS, PUBLIC_BODY_WORDS
from parallax.actors.person_titles import HONORIFICS
from parallax.actors.retyping import ActorLike, MentionLike, retype

LEADING_VERBS = frozenset({"lead", "head", "chair", "found", "co-found", "cofound"})
"""What is done to a body by whoever is at its top ("who leads Greenpeace"). Leading a
person is written with a goal or a margin ("led Berg to the exit", "leads Berg by five
points"), so such an object is not counted."""
GOALS = frozenset({"to", "by", "into", "out", "through", "past", "away"})
"""Prepositions after an object led somewhere or beaten by a margin: a person's."""
POSTS = frozenset(
    {
        "analyst", "campaigner", "chairman", "chairwoman", "chief", "cofounder", "director",
        "economist", "employee", "executive", "founder", "head", "member", "president",
        "researcher", "spokesman", "spokesperson", "spokeswoman", "staffer", "trustee",
    }
)  # fmt: skip
"""Posts held at or in a body ("a director of Greenpeace", "an economist at Vantor")."""
BODY_PARTS = frozenset(
    {
        "affiliate", "branch", "chapter", "founder", "headquarters", "member", "membership",
        "trustee",
    }
)  # fmt: skip
"""What a body has and a person does not ("Greenpeace's members", "Verdane's headquarters");
a person has an office, staff and a spokesman too."""
APPOSED_BODIES = BODY_NOUNS | frozenset({"group", "movement", "network", "coalition"})
"""Nouns for a body in apposition with a name ("Vantor, the campaign group")."""


def bodies_tagged_as_people(
    mentions: Sequence[MentionLike], actors: Mapping[str, ActorLike], doc: Any
) -> None:
    """Retype unknown one-word "people" the article shows to be organisations."""
    people = plain_names(mentions, doc)
    retype(
        mentions,
        actors,
        lambda m: people.get(m.actor, False) and body_context(doc[m.head]),
        from_types=frozenset({"person"}),
        to_type="organisation",
        label="ORG",
    )

    retype(
        mentions,
        actors,
        lambda m: named_after_body_noun(doc[m.head]),
        from_types=frozenset({"person"}),
        to_type="organisation",
        label="ORG",
    )


def named_after_body_noun(token: Any) -> bool:
    """Whether a name of any length follows a noun for a body, with no comma between.

    "An analysis by the research group Carbon Ledger", "the campaign group Tide Watch
    said", "environmental group Maas Alive called": a noun for a body set right before a
    name introduces the body by its name, and nobody introduces a person so. (With a
    comma, "the group, Ana Berg said", the name may be someone else's.)
    """
    head = token.head
    if (
        token.dep_ == "appos"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in APPOSED_BODIES
        and token.left_edge.i == head.i + 1
    ):
        return True
    # "Environmental group Maas Alive said": the noun compounded right before the name.
    return any(
        c.dep_ == "compound"
        and c.pos_ == "NOUN"
        and c.lemma_.lower() in APPOSED_BODIES
        and all(t.pos_ == "PROPN" and t.dep_ == "compound" for t in token.doc[c.i + 1 : token.i])
        for c in token.children
        if c.i < token.i
    )


def plain_names(mentions: Sequence[MentionLike], doc: Any) -> dict[str, bool]:
    """Per actor, whether the article only ever names it in one word with no honorific or title.

    Only such an actor may be retyped from a person: "Ana Berg", "Ms. Berg" or "campaigner
    Berg" is a person, whatever is said of her.
    """
    people: dict[str, bool] = {}
    for mention in mentions:
        before = doc[mention.head - 1].lower_.rstrip(".") if mention.head else ""
        plain = (
            len(mention.text.split()) == 1
            and before not in HONORIFICS
            and not _titled(doc[mention.head])
        )
        people[mention.actor] = people.get(mention.actor, True) and plain
    return people


def body_context(token: Any) -> bool:
    """Whether a name's word stands where only a body's name does (see the module)."""
    head = token.head
    if token.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in LEADING_VERBS:
        return not any(
            c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in GOALS)
            for c in head.children
            if c.i > token.i
        )
    if token.dep_ == "pobj" and head.lower_ in {"of", "at"}:
        return str(head.head.lemma_).lower() in POSTS and head.head.pos_ == "NOUN"
    if token.dep_ == "poss" and head.pos_ == "NOUN":
        return str(head.lemma_).lower() in BODY_PARTS
    return any(
        c.pos_ == "NOUN"
        and c.lemma_.lower() in APPOSED_BODIES
        and (c.dep_ == "appos" or (c.dep_ == "compound" and c.i == token.i - 1))
        for c in token.children
    )


def _titled(token: Any) -> bool:
    """Whether a word for a person is compounded before the name ("campaigner Vantor")."""
    return any(
        c.dep_ == "compound" and c.i < token.i and c.lemma_.lower() in PERSON_NOUNS
        for c in token.children
    )


TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW"})
"""Labels the tagger gives the long name of a body it has not learnt ("The Leadership
Conference on Civil and Human Rights", read as a book's title)."""

ACTING_BODY_WORDS = PUBLIC_BODY_WORDS | frozenset({"conference", "network", "centre", "center"})
"""Head words of a body's name ("... Conference on Civil Rights", "... Network")."""


def acting_body(ent: Any) -> bool:
    """Whether a name tagged as a title, an event or a law is a body that acts.

    A book, a treaty or a festival does not say, collect or file anything: such a name whose
    head is a word for a body (:data:`ACTING_BODY_WORDS`) and that is the subject of a verb
    ("The Leadership Conference on Civil and Human Rights said ...") is an organisation.
    "At the Munich Security Conference" or "under the Clean Air Act" stay what they were.
    """
    root = ent.root
    return bool(
        ent.label_ in TITLE_LABELS
        and len(ent) > 1
        and root.lemma_.lower() in ACTING_BODY_WORDS
        and root.dep_ in {"nsubj", "nsubjpass"}
        and root.head.pos_ == "VERB"
    )
