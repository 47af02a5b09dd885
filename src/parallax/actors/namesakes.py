"""Which of several people an article names in full a later bare surname is.

An article may name two people of one surname: a president and his son ("President Joe
Biden ... his son Hunter Biden ... Biden said"), a husband and wife ("Hillary Clinton ...
her husband, Bill Clinton ... Ms. Clinton said"), a father and a "Jr.". News style gives
the reader what decides it, and so this module reads that and nothing else:

* a generational suffix marks the one a bare surname is not: a son named "Donald Trump Jr."
  is "Trump Jr." on second reference, so "Trump" is the other Donald Trump;
* an honorific states a gender ("Ms. Clinton"), which rules out a namesake the article
  calls a man ("her husband, Bill Clinton") and picks the one it calls a woman ("his
  wife, Michelle Obama") over one whose gender it does not state;
* between people named equally often so far, the first the article introduced is the one
  it is about: relatives and namesakes come in after the principal and are given their
  first names, not the bare surname.

:func:`parallax.actors.name_forms.unify_surnames` asks this module only when more than one
person of the surname was named in full before the mention; the person named most so far
still wins when the evidence above leaves several.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parallax.actors.mentions import ActorInfo, Mention

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes that end a full name ("Jesse Jackson Jr.")."""


def choose_namesake(
    doc: Any,
    mention: Mention,
    before: Sequence[Mention],
    seen: Mapping[str, int],
    earlier: Sequence[Mention] = (),
) -> str:
    """The actor of the full mention in ``before`` that the bare surname ``mention`` names.

    ``before`` are the article's full mentions of the surname before ``mention``, in text
    order, ``seen`` how often each actor was named so far, and ``earlier`` every mention
    before it with the actor already given to it (a "Ms. Clinton" read before says which
    Clinton is a woman).
    """
    order: dict[str, int] = {}
    for found in before:
        order.setdefault(found.actor, len(order))
    candidates = list(order)
    plain = [a for a in candidates if not _all_suffixed(a, before)]
    candidates = plain or candidates
    if doc is not None:
        # Imported here: gender reads Mention, whose module imports this one's caller.
        from parallax.actors.gender import honorific_gender, stated_genders

        said = honorific_gender(doc, mention)
        if said is not None:
            genders = stated_genders(doc, [*before, *earlier])
            known = [a for a in candidates if genders.get(a) == said]
            fitting = [a for a in candidates if genders.get(a, said) == said]
            candidates = known or fitting or candidates
    most = max(seen.get(a, 0) for a in candidates)
    tied = [a for a in candidates if seen.get(a, 0) == most]
    return min(tied, key=lambda a: order[a])


def _all_suffixed(actor: str, before: Sequence[Mention]) -> bool:
    """Whether every full mention of ``actor`` ends in a generational suffix."""
    return all(
        m.text.split()[-1].strip(",").rstrip(".").lower() in _SUFFIXES
        for m in before
        if m.actor == actor and len(m.text.split()) > 1
    ) and any(m.actor == actor and len(m.text.split()) > 1 for m in before)


def families_in_the_plural(mentions: Sequence[Mention], actors: dict[str, ActorInfo]) -> None:
    """Type "the Bidens" as a group of people when the article names a Biden in full.

    The tagger reads a family's plural name as a place, a firm or one person, and "it" or
    "he" then finds it ("the Bidens were corrupt ... it was evidence-free"). A capitalised
    word that is a surname of a person the article names in full, plus "s", is that
    family: people in the plural, so "they" may take it up and "it" may not.
    """
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == "PERSON" and m.kind == "name" and len(m.text.split()) > 1
    }
    for mention in mentions:
        info = actors.get(mention.actor)
        word = mention.text.removeprefix("the ").removeprefix("The ")
        if (
            info is not None
            and mention.kind == "name"
            and mention.actor.startswith("local:")
            and " " not in word
            and word.endswith("s")
            and word[:-1] in surnames
        ):
            info.type = "group"
            mention.plural = True
