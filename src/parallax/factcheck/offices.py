"""The check of an office title written before a name, on the article's date.

A title claim (:mod:`parallax.claims.titles`) says only that the person held the office
when the article was written ("former": held it before and no longer does). It is
*supported* when a dated office fact of the knowledge base covers that; it is *contradicted*
only when the title names the country or organisation ("Russian President"), the person is
named in full and unambiguously, someone else is listed in that office on that date, and the
person never held it before that date: a title the person once held may refer to that time
("President Obama" in a story about 2015 written in 2018), which is not enough to call it
wrong. Everything else is not enough evidence, with the reason.
"""

from __future__ import annotations

from datetime import date, timedelta

from parallax.claims.model import Claim, Party
from parallax.claims.titles import is_former, offices_of
from parallax.factcheck.model import Verdict, fact_evidence, name_of, not_enough
from parallax.factcheck.timing import first_day
from parallax.knowledge import Fact, KnowledgeBase

RECENT_DAYS = 7
"""A title is supported when the person held the office on any of this many days up to the
article's date (a story written on Monday about Friday)."""


def _began(fact: Fact) -> date:
    return first_day(fact.start) or date.min


def _ended(fact: Fact) -> date:
    return (first_day(fact.end) if fact.end else None) or date.max


def _terms(
    kb: KnowledgeBase, person: Party, offices: tuple[str, ...], place: str | None
) -> list[Fact]:
    """The person's terms in the offices (of ``place`` when the title names it)."""
    if not person.id:
        return []
    return [
        f
        for office in offices
        for f in kb.facts_about(property=office, object=person.id)
        if place is None or f.subject == place
    ]


def _term(kb: KnowledgeBase, fact: Fact) -> str:
    office = fact.property.replace("_", " ")
    return (
        f"{name_of(kb, fact.object)} was {office} of {name_of(kb, fact.subject)} from "
        f"{fact.start} to {fact.end or 'now'}"
    )


def check_title(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Did the person hold the office the title gives on the article's date (``today``)?"""
    offices = offices_of(claim.cue or "")
    if claim.relation in offices:
        # an ambiguous title ("Minority Leader") the reader narrowed to one body's office
        offices = (claim.relation,)
    people = [p for p in claim.subjects if p.id]
    if not offices or not people:
        return not_enough("the title names no office or person the knowledge base knows")
    place = claim.object.id if claim.object else None
    former = is_former(claim.cue or "")
    window = today - timedelta(days=RECENT_DAYS)
    title = f"{today.isoformat()}, “{claim.text}”"
    terms = {p.id: _terms(kb, p, offices, place) for p in people}
    if not any(terms.values()):
        return _unheld(kb, claim, people, offices, place, today, former)
    for person in people:
        theirs = terms[person.id]
        now = [f for f in theirs if _began(f) <= today and _ended(f) >= window]
        before = [f for f in theirs if _ended(f) < today]
        if not former and now:
            return Verdict(
                "supported",
                f"The article says, on {title}: {'; '.join(_term(kb, f) for f in now)}.",
                fact_evidence(kb, now),
            )
        if former and before and not [f for f in theirs if _began(f) <= today < _ended(f)]:
            return Verdict(
                "supported",
                f"The article says, on {title}: {'; '.join(_term(kb, f) for f in before)}, "
                "and held it no longer.",
                fact_evidence(kb, before),
            )
    held = [f for t in terms.values() for f in t if _began(f) <= today]
    if not held:
        return _unheld(kb, claim, people, offices, place, today, former)
    reason = (
        "still held the office then, so “former” is not borne out"
        if former
        else "the title may refer to the time of that term, not the article's date"
    )
    return not_enough(
        f"The article says, on {title}; {'; '.join(_term(kb, f) for f in held)}: {reason}.",
        fact_evidence(kb, held),
    )


def _unheld(
    kb: KnowledgeBase,
    claim: Claim,
    people: list[Party],
    offices: tuple[str, ...],
    place: str | None,
    today: date,
    former: bool,
) -> Verdict:
    """The person never held the office before ``today``: contradicted only when certain."""
    title = f"{today.isoformat()}, “{claim.text}”"
    if place is None or len(people) != 1 or len(people[0].text.split()) < 2:
        return not_enough(
            f"The article says, on {title}; the knowledge base lists no such term for "
            f"{name_of(kb, people[0].id)} before that date, but the title "
            + (
                "does not say of which country or organisation"
                if place is None
                else "names the person by surname only"
            )
            + "."
        )
    holders = [
        f
        for office in offices
        for f in kb.facts_about(subject=place, property=office)
        if _began(f) <= today < _ended(f)
    ]
    if not holders:
        return not_enough(
            f"The article says, on {title}; the knowledge base lists no one in that office of "
            f"{name_of(kb, place)} then."
        )
    later = _terms(kb, people[0], offices, place)
    return Verdict(
        "contradicted",
        f"The article says, on {title}, but {name_of(kb, people[0].id)} never held that "
        f"office before that date: {'; '.join(_term(kb, f) for f in holders)}"
        + (f" ({'; '.join(_term(kb, f) for f in later)})" if later else "")
        + ".",
        fact_evidence(kb, holders + later),
    )
