"""What an article itself says about a person's gender, so that "he" and "she" pick right.

Without it, "she" after "the spokesman, Nick Merrill" and "he" after "Mrs. Clinton" are
resolved by distance alone, and a report puts one person's words in another's mouth. The
evidence is the article's own wording, never a guess from a first name: an honorific
before the name ("Mr.", "Mrs.", "Ms."), a gendered role noun in apposition ("the spokesman,
Nick Merrill"; "Jane Roe, the chairwoman"), and, as resolution goes on, a "she" or "he"
already resolved to the person without ambiguity. A person with no such evidence has no
gender here, and :mod:`parallax.actors.coreference` treats both pronouns as possible.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.mention_records import Mention

MALE = "male"
FEMALE = "female"

_HONORIFICS = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "mister": MALE}

_ROLE_NOUNS = {
    **dict.fromkeys(
        [
            "spokesman",
            "chairman",
            "congressman",
            "businessman",
            "sportsman",
            "statesman",
            "anchorman",
            "husband",
            "father",
            "son",
            "brother",
            "uncle",
            "nephew",
            "grandfather",
            "grandson",
            "king",
            "prince",
            "boyfriend",
            "widower",
            "actor",
            "waiter",
            "monk",
            "duke",
            "emperor",
        ],
        MALE,
    ),
    **dict.fromkeys(
        [
            "spokeswoman",
            "chairwoman",
            "congresswoman",
            "businesswoman",
            "sportswoman",
            "stateswoman",
            "anchorwoman",
            "wife",
            "mother",
            "daughter",
            "sister",
            "aunt",
            "niece",
            "grandmother",
            "granddaughter",
            "queen",
            "princess",
            "girlfriend",
            "widow",
            "actress",
            "waitress",
            "nun",
            "duchess",
            "empress",
        ],
        FEMALE,
    ),
}
"""English nouns that name a role and say the holder's gender."""

_PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
}


def noun_gender(lemma: str) -> str | None:
    """The gender a role noun says ("mother", "spokesman"), or None."""
    return _ROLE_NOUNS.get(lemma.lower())


def pronoun_gender(word: str) -> str | None:
    """The gender a personal pronoun says, or None for any other word."""
    return _PRONOUNS.get(word.lower())


def stated_genders(doc: Any, mentions: list[Mention]) -> dict[str, str]:
    """Each person actor's gender where the article's wording states it, and only there.

    An actor with contradicting evidence (a "Mr." and a "Ms." for two people who share an
    actor id by mistake) is left out, so that no pronoun is ruled out on bad evidence.
    """
    found: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "name":
            continue
        for gender in _evidence(doc, mention):
            found.setdefault(mention.actor, set()).add(gender)
    return {actor: next(iter(g)) for actor, g in found.items() if len(g) == 1}


def honorific_gender(doc: Any, mention: Mention) -> str | None:
    """The gender an honorific at or just before a name mention states ("Ms. Clinton")."""
    start = mention.token_start
    for token in (doc[start], doc[start - 1] if start > 0 else None):
        if token is not None and token.lower_.rstrip(".") in _HONORIFICS:
            return _HONORIFICS[token.lower_.rstrip(".")]
    return None


def _evidence(doc: Any, mention: Mention) -> list[str]:
    genders: list[str] = []
    said = honorific_gender(doc, mention)
    if said is not None:
        genders.append(said)
    head = doc[mention.head]
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    for noun in nouns:
        gender = _ROLE_NOUNS.get(noun.lemma_.lower()) or _ROLE_NOUNS.get(noun.lower_)
        if gender is not None:
            genders.append(gender)
    return genders
