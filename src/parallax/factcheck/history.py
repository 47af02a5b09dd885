"""Checks of dated history: foundings, treaties, withdrawals, offices, capitals, borders.

Each check compares the claim's time with the dates of the facts it finds. A fact's note may
name a second date for the same thing (a withdrawal announced in one year and effective in
the next); a claim that matches only that date is *disputed*, with both dates shown, rather
than contradicted. Events are checked in :mod:`parallax.factcheck.events`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parallax.claims.model import Claim, Party
from parallax.claims.when import find_times
from parallax.factcheck.membership import Roll
from parallax.factcheck.model import (
    Evidence,
    Verdict,
    conjunction,
    fact_evidence,
    name_of,
    not_enough,
)
from parallax.factcheck.timing import fact_range, first_day, matches, show
from parallax.knowledge import Fact, KnowledgeBase, alias_key

DATED_PROPERTIES = {
    "founded": ("founded",),
    "dissolved": ("dissolved",),
    "signed": ("signed",),
    "entered_into_force": ("entered_into_force",),
}
START_CUES = ("began", "begun", "start", "broke out", "outbreak", "invad", "invasion", "attack")
END_CUES = ("ended", "end")


def _note_dates(fact: Fact) -> list[tuple[date, date]]:
    return [(t.begin, t.last) for t in find_times(fact.note)] if fact.note else []


def date_verdict(
    kb: KnowledgeBase,
    claim: Claim,
    facts: list[Fact],
    dates: list[tuple[date, date]],
    what: str,
) -> Verdict:
    """Compare the claim's time with the dates found; disputed when only a noted date fits."""
    assert claim.time is not None
    time = claim.time
    evidence = fact_evidence(kb, facts)
    actual = ", ".join(
        sorted({d[0].isoformat() if d[0] == d[1] else f"{d[0]}–{d[1]}" for d in dates})
    )
    explanation = f"{what} {actual}; the claim says {show(time)}"
    if any(matches(time, d) for d in dates):
        return _negatable(claim, True, explanation, evidence)
    noted = [d for f in facts for d in _note_dates(f) if matches(time, d)]
    if noted:
        return Verdict(
            "disputed",
            f"{explanation[0].upper()}{explanation[1:]}, which matches a date the source notes "
            f"({'; '.join(f.note for f in facts if f.note)}); it depends on which date counts.",
            evidence,
        )
    return _negatable(claim, False, explanation, evidence)


def _negatable(claim: Claim, holds: bool, explanation: str, evidence: list[Evidence]) -> Verdict:
    if claim.negated:
        holds, explanation = not holds, explanation + "; the claim denies it"
    return Verdict(
        "supported" if holds else "contradicted",
        explanation[0].upper() + explanation[1:] + ".",
        evidence,
    )


def check_dated(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """When was it founded, dissolved, signed, or did it enter into force?"""
    subject = claim.subject
    if subject is None or not subject.id or claim.time is None or claim.relation is None:
        return not_enough("the claim does not say what and when")
    props = DATED_PROPERTIES.get(claim.relation, (claim.relation,))
    facts = [f for p in props for f in kb.facts_about(subject.id, p)]
    if not facts and claim.relation == "founded":
        entity = kb.get(subject.id)
        if entity is not None and entity.type == "event":
            facts = kb.facts_about(subject.id, "start_date")
    dates = [r for f in facts if (r := fact_range(f.value or f.start)) is not None]
    if not dates:
        return not_enough(
            f"the knowledge base has no {claim.relation.replace('_', ' ')} date for {subject.text}"
        )
    if claim.relation == "signed" and (unsigned := _signers_left_out(kb, claim, subject.id)):
        return not_enough(
            f"the knowledge base dates the signing of {name_of(kb, subject.id)}, not when "
            f"{unsigned} signed it (a party may sign long after the treaty was first signed)",
            fact_evidence(kb, facts),
        )
    verb = {
        "founded": "was founded on",
        "dissolved": "was dissolved on",
        "signed": "was signed on",
        "entered_into_force": "entered into force on",
    }.get(claim.relation, "is dated")
    return date_verdict(kb, claim, facts, dates, f"{name_of(kb, subject.id)} {verb}")


def _signers_left_out(kb: KnowledgeBase, claim: Claim, treaty: str) -> str | None:
    """The named signers the treaty's own signing date does not date, or None.

    A claim that names who signed ("Syria signed the Paris Agreement in 2017") is about
    their signature. The treaty's signing date is theirs only when the signers named are all
    its original parties (those it bound from its entry into force): "the United States and
    the USSR signed the INF Treaty in 1987". One party of many, or a later party,
    may have signed on another day. A knowledge base that records a single original party
    lists them in part, and dates no signer.
    """
    if not claim.named:
        return None
    parties = kb.facts_about(property="party_to", object=treaty)
    force = [d for f in kb.facts_about(treaty, "entered_into_force") if (d := first_day(f.value))]
    starts = [d for f in parties if (d := first_day(f.start))]
    opening = min(force) if force else (min(starts) if starts else None)
    original = {
        f.subject for f in parties if opening and (first_day(f.start) or date.max) <= opening
    }
    named = {p.id for p in claim.named if p.id}
    # one recorded original party means the knowledge base lists the parties in part
    if len(original) > 1 and named == original and len(named) == len(claim.named):
        return None
    return ", ".join(p.text for p in claim.named)


def check_withdrew(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Did the country leave the organisation or treaty (then)?"""
    target = claim.object
    if target is None or not target.id:
        return not_enough("the claim does not say what was left")
    parts = []
    for party in claim.subjects:
        facts = [
            f
            for prop in ("member_of", "party_to")
            for f in kb.facts_about(party.id, prop, target.id)
        ]
        if not facts:
            parts.append(
                not_enough(f"the knowledge base has no membership of {party.text} in {target.text}")
            )
            continue
        ended = [f for f in facts if f.end]
        listed = any(f.property == "member_of" for f in facts) and Roll.of(kb, target.id).complete
        if not ended and not listed:
            # Treaty withdrawals (and memberships of organisations not listed in full) are
            # not all recorded: that the knowledge base has none proves nothing.
            parts.append(
                not_enough(
                    f"the knowledge base records no withdrawal of {party.text} from "
                    f"{target.text}, but it does not list every withdrawal from it",
                    fact_evidence(kb, facts),
                )
            )
            continue
        left_command = kb.facts_about(party.id, "left_command_of", target.id)
        if not ended and left_command:
            # "France withdrew from NATO in 1966": it left the integrated military command
            # and stayed a member; news often says the one for the other.
            command = left_command[0]
            back = f" (rejoining the command on {command.end})" if command.end else ""
            parts.append(
                not_enough(
                    f"{party.text} left the integrated military command of "
                    f"{name_of(kb, target.id)} on {command.start}{back} but stayed a member "
                    "throughout; the claim may mean that",
                    fact_evidence(kb, [*facts, command]),
                )
            )
            continue
        if not ended:
            parts.append(
                _negatable(
                    claim,
                    False,
                    f"{party.text} joined {name_of(kb, target.id)} on {facts[0].start} and the "
                    "knowledge base records no withdrawal",
                    fact_evidence(kb, facts),
                )
            )
            continue
        if claim.time is None:
            parts.append(
                _negatable(
                    claim,
                    True,
                    f"{party.text} left {name_of(kb, target.id)} on {ended[0].end}",
                    fact_evidence(kb, ended),
                )
            )
            continue
        dates = [r for f in ended if (r := fact_range(f.end)) is not None]
        parts.append(
            date_verdict(kb, claim, ended, dates, f"{party.text} left {name_of(kb, target.id)} on")
        )
    return conjunction(parts)


def check_office(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Did the person hold the office (head of state or government) at the time?"""
    person, place = claim.subject, claim.object
    if person is None or place is None or not place.id or claim.relation is None:
        return not_enough("the claim does not name a person and a country")
    facts = kb.facts_about(place.id, claim.relation)
    if claim.relation == "head_of_state":
        facts += kb.facts_about(place.id, "leader")
    office = "head of state" if claim.relation == "head_of_state" else "head of government"
    if not facts:
        return not_enough(f"the knowledge base lists no {office} of {place.text}")
    if claim.time is not None and claim.time.bound == "at" and (verb := _taking_office(claim)):
        taken = _took_office(kb, claim, facts, office, verb)
        if taken is not None:
            return taken
    if claim.time is not None and claim.time.bound != "at":
        bounded = _office_span(claim, today)
        if bounded is None:
            return not_enough(
                f"an office held “{claim.time.bound} {claim.time.text}” is not checked: the "
                "words do not say which days of it the claim covers"
            )
        if claim.time.bound == "since":
            return _held_since(kb, claim, facts, office, today)
        begin, last = bounded
    elif claim.time is not None:
        begin, last = claim.time.begin, claim.time.last
    elif claim.tense == "present":
        begin = last = today
    else:
        begin, last = date.min, today
    in_office = [
        f
        for f in facts
        if (first_day(f.start) or date.min) <= last
        and (f.end is None or (first_day(f.end) or date.max) >= begin)
    ]
    theirs = [f for f in facts if f.object == person.id]
    when = (
        show(claim.time)
        if claim.time
        else (f"on {today.isoformat()}" if claim.tense == "present" else "at any time")
    )
    holders = ", ".join(f"{name_of(kb, f.object)} ({f.start}–{f.end or 'now'})" for f in in_office)
    if any(f.object == person.id for f in in_office):
        return _negatable(
            claim,
            True,
            f"{name_of(kb, person.id)} was {office} of {name_of(kb, place.id)} {when} ({holders})",
            fact_evidence(kb, [f for f in in_office if f.object == person.id]),
        )
    if not in_office:
        return not_enough(
            f"the knowledge base lists no {office} of {place.text} {when}",
            fact_evidence(kb, theirs),
        )
    return _negatable(
        claim,
        False,
        f"{office.capitalize()} of {name_of(kb, place.id)} {when}: {holders}",
        fact_evidence(kb, in_office + theirs),
    )


_TAKING_OFFICE = re.compile(
    r"\b(?:bec[oa]m(?:e|es|ing)|(?:re-?)?elected|appointed|named|sworn|installed|inaugurated"
    r"|took|takes|assumed|succeeded|replaced)\b",
    re.IGNORECASE,
)
"""Verbs that say a term began ("became leader in 1985"), not that it was running then."""
_ELECTED = re.compile(r"\b(?:re-?)?elected\b", re.IGNORECASE)
_ELECTION_TO_OFFICE = timedelta(days=120)
"""How long after an election a term may begin (a November vote, a January inauguration)."""
_MARGIN_DAYS = 60
"""How close to the claimed time a term's start is too close to call the claim wrong."""


def _taking_office(claim: Claim) -> str | None:
    """The verb that says the claim is about the start of a term, if it is.

    With a parse, the predicate the binding read ("became" in "became … leader"); without
    one, a verb of taking office before the office word.
    """
    relation = claim.binding.get("relation", "")
    if " … " in relation:
        verb = relation.split(" … ")[0]
        return verb if _TAKING_OFFICE.fullmatch(verb) else None
    cue_at = claim.parts.get("cue", (len(claim.text), 0))[0] - claim.start
    found = _TAKING_OFFICE.search(claim.text[: max(cue_at, 0)]) if not claim.binding else None
    return found.group(0) if found else None


def _took_office(
    kb: KnowledgeBase, claim: Claim, facts: list[Fact], office: str, verb: str
) -> Verdict | None:
    """A claim that someone took office then: a term of theirs must begin in the claimed time.

    "Became leader in 1987" is about the start of a term, not about one running then.

    A term that was running then but began earlier contradicts it; a person with no term
    recorded is left to the ordinary check (someone else held the office then).
    """
    time, person, place = claim.time, claim.subject, claim.object
    assert time is not None and person is not None and place is not None and place.id
    theirs = sorted(
        (f for f in facts if f.object == person.id and first_day(f.start)),
        key=lambda f: f.start or "",
    )
    if not theirs:
        return None
    late = _ELECTION_TO_OFFICE if _ELECTED.search(verb) else timedelta(0)
    began = [
        f for f in theirs if time.begin <= (first_day(f.start) or date.min) <= time.last + late
    ]
    starts = ", ".join(str(f.start) for f in theirs)
    who, where = name_of(kb, person.id), name_of(kb, place.id)
    if began:
        return _negatable(
            claim,
            True,
            f"{who} became {office} of {where} on {began[0].start}; the claim says "
            f"{verb} {show(time)}",
            fact_evidence(kb, began),
        )
    margin = timedelta(days=_MARGIN_DAYS)
    if any(
        time.begin - margin <= (first_day(f.start) or date.min) <= time.last + late + margin
        for f in theirs
    ):
        return not_enough(
            f"{who} became {office} of {where} on {starts}, just outside {show(time)} (an "
            "acting term, or an election and an inauguration, may be dated either way)",
            fact_evidence(kb, theirs),
        )
    return _negatable(
        claim,
        False,
        f"{who} became {office} of {where} on {starts}, not {show(time)}; the claim says "
        f"{verb} {show(time)}",
        fact_evidence(kb, theirs),
    )


def _office_span(claim: Claim, today: date) -> tuple[date, date] | None:
    """The days an office claim bounded by "before", "after" or "since" a time covers."""
    time = claim.time
    assert time is not None
    if time.bound == "before":
        return date.min, time.begin - timedelta(days=1)
    if time.bound == "after":
        return time.last + timedelta(days=1), max(today, time.last + timedelta(days=1))
    if time.bound == "since":
        return time.begin, today
    return None


def _held_since(
    kb: KnowledgeBase, claim: Claim, facts: list[Fact], office: str, today: date
) -> Verdict:
    """An office held "since" a time: one unbroken term from then to the claim's date.

    "Has been president since 2000" needs a single term that covers the whole span.

    A person who held the office then but not throughout (one who left it for some years and
    came back) is not confirmed; a person who did not hold it at the start is contradicted by
    the holder at that time.
    """
    time, person, place = claim.time, claim.subject, claim.object
    assert time is not None and person is not None and place is not None and place.id
    theirs = [f for f in facts if f.object == person.id]
    at_start = [
        f
        for f in theirs
        if (first_day(f.start) or date.min) <= time.last
        and (f.end is None or (first_day(f.end) or date.max) >= time.begin)
    ]
    since = f"since {time.text}"
    if not at_start:
        holders = [
            f
            for f in facts
            if (first_day(f.start) or date.min) <= time.last
            and (f.end is None or (first_day(f.end) or date.max) >= time.begin)
        ]
        if not holders:
            return not_enough(f"the knowledge base lists no {office} of {place.text} {since}")
        names = ", ".join(f"{name_of(kb, f.object)} ({f.start}–{f.end or 'now'})" for f in holders)
        return _negatable(
            claim,
            False,
            f"{office.capitalize()} of {name_of(kb, place.id)} in {time.text}: {names}",
            fact_evidence(kb, holders + theirs),
        )
    terms = ", ".join(f"{f.start}–{f.end or 'now'}" for f in theirs)
    unbroken = [f for f in at_start if f.end is None or (first_day(f.end) or date.max) >= today]
    if unbroken:
        return _negatable(
            claim,
            True,
            f"{name_of(kb, person.id)} was {office} of {name_of(kb, place.id)} {since} "
            f"without a break ({terms})",
            fact_evidence(kb, unbroken),
        )
    return not_enough(
        f"{name_of(kb, person.id)} was {office} of {name_of(kb, place.id)} in {time.text} but "
        f"not throughout since then ({terms})",
        fact_evidence(kb, theirs),
    )


def _names_of(kb: KnowledgeBase, entity_id: str | None) -> set[str]:
    entity = kb.get(entity_id) if entity_id else None
    if entity is None:
        return {alias_key(entity_id)} if entity_id else set()
    return {alias_key(n) for n in entity.names()} | {alias_key(entity.id)}


def check_capital(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Is the named place the country's capital?"""
    country, place = claim.subject, claim.object
    if country is None or place is None or not country.id:
        return not_enough("the claim does not name a country and a place")
    facts = kb.facts_about(country.id, "capital")
    if claim.time is not None:
        # an undated capital is the capital now, which says nothing of 1925 or "since 1934"
        now = claim.time.bound == "at" and claim.time.begin <= today <= claim.time.last
        facts = [
            f
            for f in facts
            if (f.start or now)
            and (first_day(f.start) or date.min) <= claim.time.last
            and (f.end is None or (first_day(f.end) or date.max) >= claim.time.begin)
        ]
        if not facts:
            return not_enough(
                f"the knowledge base records the capital of {country.text} only as it is now, "
                f"not {show(claim.time)}"
            )
    elif facts:
        current = [f for f in facts if f.end is None]
        facts = current or facts
    if not facts:
        return not_enough(f"the knowledge base has no capital for {country.text}")
    names = ", ".join(name_of(kb, f.object) if f.object else str(f.value) for f in facts)
    key = alias_key(place.text)
    holds = any(
        key in _names_of(kb, f.object) or (f.value and alias_key(f.value) == key) for f in facts
    )
    return _negatable(
        claim,
        holds,
        f"the capital of {name_of(kb, country.id)} is {names}; the claim says {place.text}",
        fact_evidence(kb, facts),
    )


def check_border(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Does each country the claim lists share a border with its object?

    "Norway and Finland share borders with Russia" holds only when both do.
    """
    if len(claim.subjects) > 1:
        return conjunction([_border_of(kb, claim, first) for first in claim.subjects])
    return _border_of(kb, claim, claim.subject)


def _border_of(kb: KnowledgeBase, claim: Claim, first: Party | None) -> Verdict:
    """Do ``first`` and the claim's object share a border?"""
    second = claim.object
    if first is None or second is None or not first.id or not second.id:
        return not_enough("the claim does not name two countries")
    direct = kb.facts_about(first.id, "shares_border_with", second.id) + kb.facts_about(
        second.id, "shares_border_with", first.id
    )
    if claim.quantity is not None:
        return not_enough(
            f"the knowledge base does not record the length of borders; it "
            f"{'does' if direct else 'does not'} record that {first.text} and {second.text} "
            "share one",
            fact_evidence(kb, direct),
        )
    if direct:
        return _negatable(
            claim,
            True,
            f"{name_of(kb, first.id)} and {name_of(kb, second.id)} share a border",
            fact_evidence(kb, direct),
        )
    # The knowledge base lists a state's land borders only with states it knows, so
    # "not listed" means "no border" only when both states have their neighbours
    # recorded: a historical state (the Soviet Union) or one without a list is unknown.
    listed = kb.facts_about(first.id, "shares_border_with")
    if len(listed) >= 2 and kb.facts_about(second.id, "shares_border_with"):
        neighbours = ", ".join(name_of(kb, f.object) for f in listed)
        return _negatable(
            claim,
            False,
            f"the knowledge base lists the neighbours of {name_of(kb, first.id)} as "
            f"{neighbours}, without {name_of(kb, second.id)}",
            fact_evidence(kb, listed),
        )
    return not_enough(f"the knowledge base lists no neighbours of {first.text}")
