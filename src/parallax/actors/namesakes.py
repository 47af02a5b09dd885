"""Which of several people an article names in full a later bare surname is.

An article may name two people of one surname: a president and his son ("President Joe
Biden ... his son Hunter Biden ... Biden said"), a husband and wife ("Hillary Clinton ...
her husband, Bill Clinton ... Ms. Clinton said"), a father and a "Jr.". News style gives
the reader what decides it, and so this module reads that and nothing else:

* between people named as often so far, a generational suffix marks the one a bare
  surname is not: a son named "Donald Trump Jr." is "Trump Jr." on second reference, so
  "Trump" is the other Donald Trump (but a "Jr." the story is about, named most, keeps
  "Mr. Jackson");
* an honorific states a gender ("Ms. Clinton"), which rules out a namesake the article
  calls a man ("her husband, Bill Clinton") and picks the one it calls a woman ("his
  wife, Michelle Obama") over one whose gender it does not state;
* a title set before the surname ("President Obama") picks the one the article gave that
  title ("President Barack Obama", not "Sasha Obama");
* failing these, the person named most so far; two forms of one person's name ("Gov.
  Chris Christie", "Chris Christie") count as one person. Two different people named
  equally often leave the surname unresolved: the nearer one is often a namesake named in
  passing ("former President Jimmy Carter" after "Defense Secretary Ash Carter"), the first
  one as often the relative the story has moved on to, and a wrong person costs more than
  a missing mention.

:func:`parallax.actors.name_forms.unify_surnames` asks this module only when more than one
person of the surname was named in full before the mention.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parallax.actors.mention_records import Mention

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes that end a full name ("Jesse Jackson Jr.")."""


def choose_namesake(
    doc: Any,
    mention: Mention,
    before: Sequence[Mention],
    seen: Mapping[str, int],
    earlier: Sequence[Mention] = (),
) -> str | None:
    """The actor of the full mention in ``before`` that the bare surname ``mention`` names.

    ``before`` are the article's full mentions of the surname before ``mention``, in text
    order, ``seen`` how often each actor was named so far, and ``earlier`` every mention
    before it with the actor already given to it (a "Ms. Clinton" read before says which
    Clinton is a woman). None when two different people stay equally likely: "Mr. Carter"
    after "Defense Secretary Ash Carter" and "former President Jimmy Carter", each named
    once, is neither rather than the nearer one.
    """
    order: dict[str, int] = {}
    for found in before:
        order.setdefault(found.actor, len(order))
    candidates = list(order)
    if doc is not None:
        # Imported here: gender reads Mention, whose module imports this one's caller.
        from parallax.actors.gender import honorific_gender, stated_genders

        said = honorific_gender(doc, mention)
        if said is not None:
            genders = stated_genders(doc, [*before, *earlier])
            known = [a for a in candidates if genders.get(a) == said]
            fitting = [a for a in candidates if genders.get(a, said) == said]
            candidates = known or fitting or candidates
        title = _title_before(doc, mention.token_start)
        if title is not None:
            titled = [a for a in candidates if title in _titles(doc, a, before)]
            candidates = titled or candidates
    # Two forms of one person's name ("Gov. Chris Christie", "Chris Christie") are one
    # person: their counts add up, and of the forms the one named most, then the nearer,
    # takes the mention.
    person = {a: _given_name(a, before) or a for a in candidates}
    counts: dict[str, int] = {}
    for actor in candidates:
        counts[person[actor]] = counts.get(person[actor], 0) + seen.get(actor, 0)
    most = max(counts.values())
    leading = {p for p, n in counts.items() if n == most}
    if len(leading) > 1:
        # Only between people named as often: "Mr. Jackson" after twenty mentions of
        # "Jesse Jackson Jr." and one of his father is still the son.
        plain = {person[a] for a in candidates if not _all_suffixed(a, before)}
        leading = (leading & plain) or leading
    if len(leading) > 1:
        return None
    last = {m.actor: m.start for m in before}
    forms = [a for a in candidates if person[a] in leading]
    return max(forms, key=lambda a: (seen.get(a, 0), last[a]))


def _given_name(actor: str, before: Sequence[Mention]) -> str | None:
    """The word before the surname in ``actor``'s full mentions, when they agree on one."""
    names = {
        words[-2].lower()
        for m in before
        if m.actor == actor and len(words := _plain_words(m.text)) > 1
    }
    if len(names) != 1:
        return None
    # A father and his "Jr." share the given name too: the suffix keeps them apart.
    return f"given:{next(iter(names))}" + (":suffixed" if _all_suffixed(actor, before) else "")


def _plain_words(text: str) -> list[str]:
    """A name's words without a generational suffix or a possessive ending."""
    words = [w.strip(",") for w in text.replace("\u2019s", "").replace("'s", "").split()]
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    return words


def _title_before(doc: Any, start: int) -> str | None:
    """A capitalised title word just before a name ("President", "Gov."), lowercased."""
    if start <= 0:
        return None
    token = doc[start - 1]
    word = str(token.text).rstrip(".")
    if not word.isalpha() or not word[0].isupper() or token.is_stop:
        return None
    if token.is_sent_start and token.dep_ != "compound":
        return None  # any word is capitalised there; a title is still part of the name
    return word.lower()


def _titles(doc: Any, actor: str, before: Sequence[Mention]) -> set[str]:
    """The title words set before ``actor``'s full mentions, or inside them before the name."""
    found: set[str] = set()
    for m in before:
        if m.actor != actor:
            continue
        title = _title_before(doc, m.token_start)
        if title is not None:
            found.add(title)
        words = _plain_words(m.text)
        found.update(w.rstrip(".").lower() for w in words[:-2])
    return found


def _all_suffixed(actor: str, before: Sequence[Mention]) -> bool:
    """Whether every full mention of ``actor`` ends in a generational suffix."""
    return all(
        m.text.split()[-1].strip(",").rstrip(".").lower() in _SUFFIXES
        for m in before
        if m.actor == actor and len(m.text.split()) > 1
    ) and any(m.actor == actor and len(m.text.split()) > 1 for m in before)
