"""Titles used as names: "the governor" for the governor the article named.

News names an office holder once with the title ("Gov. Brian Kemp", "state Sen. Elena
Marsh", "Chancellor Ana Berg") and goes on with the title alone: "The governor said the
law would ...". Without this reading the quotation has no speaker and the portrayal loses
the person's words and deeds. A description "the <title>" is the one person the article
named with that title (before the name, abbreviated or not, or in apposition: "Marsh, a
senator") and named again, with the title or without, within :data:`REACH` sentences; with
two such people in reach ("Sen. Hale ... Sen. Ruiz ... the senator") it is left
unresolved, as is a title with its own modifiers or complement ("the former president",
"the governor of Texas"), which may be someone else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from parallax.actors.mention_records import Mention

TITLE_FORMS: dict[str, frozenset[str]] = {
    "governor": frozenset({"gov", "governor"}),
    "senator": frozenset({"sen", "senator"}),
    "representative": frozenset({"rep", "representative"}),
    "congressman": frozenset({"rep", "congressman"}),
    "congresswoman": frozenset({"rep", "congresswoman"}),
    "president": frozenset({"president", "pres"}),
    "chancellor": frozenset({"chancellor"}),
    "minister": frozenset({"minister"}),
    "premier": frozenset({"premier"}),
    "mayor": frozenset({"mayor"}),
    "secretary": frozenset({"secretary", "sec"}),
    "general": frozenset({"general", "gen"}),
    "ambassador": frozenset({"ambassador", "amb"}),
    "judge": frozenset({"judge"}),
    "speaker": frozenset({"speaker"}),
    "chairman": frozenset({"chairman"}),
    "chairwoman": frozenset({"chairwoman"}),
}
"""A title as a description ("the senator") and how it is written before a name."""
REACH = 3
"""Sentences back a title may look for the person named with it."""
WINDOW = 4
"""Words before a name in which its title is looked for ("state Sen. Elena Marsh")."""


def titled_references(
    doc: Any,
    mentions: Sequence[Mention],
    is_person: Callable[[str], bool],
    sentence_starts: Sequence[int],
) -> list[Mention]:
    """Mentions for the descriptions "the <title>" that stand for one named person."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    people = [m for m in mentions if m.kind == "name" and is_person(m.actor)]
    found: list[Mention] = []
    for token in doc:
        noun = token.lower_
        if noun not in TITLE_FORMS or token.i in taken or token.tag_ != "NN":
            continue
        start = _article_before(doc, token)
        if start is None or any(c.dep_ in {"prep", "poss", "appos"} for c in token.children):
            continue
        here = bisect_right(sentence_starts, token.idx) - 1
        before = [m for m in people if m.end <= token.idx]
        titled = {m.actor for m in before if _titled(doc, m, noun, doc[start : token.i])}
        # The title may have been given further back ("Gov. Tony Evers" in the lede) as
        # long as the person was named within reach ("Evers defended the vetoes").
        holders = {
            m.actor
            for m in before
            if m.actor in titled and here - (bisect_right(sentence_starts, m.start) - 1) <= REACH
        }
        if len(holders) != 1:
            continue
        span = doc[start : token.i + 1]
        found.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                token_start=start,
                token_end=token.i + 1,
                head=token.i,
                actor=holders.pop(),
                kind="description",
                text=span.text,
                subject=token.dep_ in {"nsubj", "nsubjpass"},
            )
        )
    return found


def _article_before(doc: Any, token: Any) -> int | None:
    """Where "the" stands before a title, past modifiers that are part of the title."""
    at = token.i - 1
    while at >= 0 and doc[at].dep_ in {"amod", "compound"} and doc[at].head.i == token.i:
        at -= 1
    return at if at >= 0 and doc[at].lower_ == "the" else None


def _titled(doc: Any, mention: Mention, noun: str, modifiers: Any) -> bool:
    """Whether a person's mention carries the very title the description repeats.

    The title is the run of capitalised words and abbreviations right before the name
    ("state Sen. Elena Marsh", "Vice President Joe Biden", "Treasury Secretary X"): "the
    vice president" is Biden, "the president" is not, and "the senator" is not the
    senator's Twitter account. An apposition with the title's noun counts too ("Marsh, a
    senator").
    """
    run: list[str] = []
    at = mention.token_start - 1
    while at >= 0 and len(run) < WINDOW:
        word = doc[at]
        if word.text == "." and at > 0 and doc[at - 1].text[:1].isupper():
            at -= 1  # "Lt. Gov.": the tokenizer may part an abbreviation from its point
            continue
        if not (word.text[:1].isupper() or word.text.endswith(".")) or word.is_punct:
            break
        run.insert(0, word.lower_.rstrip("."))
        at -= 1
    wanted = [t.lower_ for t in modifiers[1:]] + [noun]
    if run and run[-1] in TITLE_FORMS[noun] and run[:-1] == wanted[:-1]:
        return True
    head = doc[mention.head]
    return any(c.dep_ == "appos" and c.lower_ == noun for c in head.children)
