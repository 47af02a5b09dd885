"""Who a title names: "the Russian president" on a date is the person then in that office.

News refers to leaders by office as often as by name ("the German chancellor said", "Russia's
president told reporters"). Read as the state, such a phrase puts a person's words in a
country's mouth and splits one speaker in two across sources that name him differently.
The knowledge base records who held which office of which state, and when; a definite
title with a state's name or demonym is that holder on the publication date, when exactly
one person held the office that day. Without a date, or with no such record, the phrase
stays the state acting.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from parallax.knowledge import KBEntity, KnowledgeBase

TITLE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "president": ("head_of_state",),
    "chancellor": ("head_of_government",),
    "premier": ("head_of_government",),
    "prime minister": ("head_of_government",),
    "leader": ("leader", "head_of_state"),
}
"""Titles and the offices they name, in order of preference ("the Chinese leader" is the
party's leader where one is recorded, else the head of state)."""


def title_of(chunk: Any) -> str | None:
    """The title a definite, singular noun phrase is headed by, if one of :data:`TITLE_PROPERTIES`.

    "The Russian president" and "Russia's prime minister" qualify; "a Russian president",
    "Russian presidents" and "the former president" do not (checked by the caller for
    "former").
    """
    root = chunk.root
    if root.tag_ not in {"NN", "NNP"}:
        return None
    lemma = root.lemma_.lower()
    if lemma == "minister":
        before = root.doc[root.i - 1] if root.i > chunk.start else None
        lemma = "prime minister" if before is not None and before.lower_ == "prime" else ""
    if lemma not in TITLE_PROPERTIES:
        return None
    definite = any(
        (t.dep_ == "det" and t.lower_ == "the") or t.dep_ == "poss" for t in root.children
    )
    return lemma if definite else None


def holder(
    kb: KnowledgeBase, state: str, title: str, chunk: Any, when: date | None
) -> KBEntity | None:
    """The one person who held ``title``'s office of ``state`` at the time ``chunk`` speaks of.

    That time is the publication date ``when``, unless the phrase's sentence or the one
    before names a year: then the office must have had one holder all that year ("In
    1990 the American president ..." is not the president of the publication date, and
    in 1989 there were two). Two years named, or none and no date, and nobody is named.
    """
    years = _years_near(chunk)
    if len(years) > 1 or (not years and when is None):
        return None
    if years:
        year = years.pop()
        days = [date(year, 1, 1), date(year, 12, 31)]
    else:
        assert when is not None
        days = [when]
    for prop in TITLE_PROPERTIES[title]:
        people = {
            fact.object
            for fact in kb.facts_about(subject=state, property=prop)
            if fact.object and any(_during(fact.start, fact.end, day) for day in days)
        }
        if len(people) == 1:
            return kb.get(people.pop())
        if people:
            return None
    return None


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _years_near(chunk: Any) -> set[int]:
    """The years written in the phrase's sentence and the sentence before it."""
    sentence = chunk.root.sent
    start = sentence.start
    if start > 0:
        start = chunk.doc[start - 1].sent.start
    return {int(t.text) for t in chunk.doc[start : sentence.end] if _YEAR.match(t.text)}


def _during(start: str | None, end: str | None, when: date) -> bool:
    first = as_date(start, last=False) or date.min
    last = as_date(end, last=True) or date.max
    return first <= when <= last


def as_date(value: str | None, *, last: bool) -> date | None:
    """An ISO date, year-month or year as a date: its first day, or its last if ``last``."""
    if not value:
        return None
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    if not parts:
        return None
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    day = parts[2] if len(parts) > 2 else (31 if last and month == 12 else 1)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if last and len(parts) == 2:
        following = date(year + month // 12, month % 12 + 1, 1)
        found = following - timedelta(days=1)
    return found
