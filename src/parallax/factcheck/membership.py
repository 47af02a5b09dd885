"""Checks of claims about an organisation's members, with the arithmetic over time.

Everything here reads ``member_of`` facts (state -> organisation, start = accession date,
end = withdrawal or dissolution, note "founding member" for founders): who is a member at a
date, who founded it, how many joined in a span, how many there were at a date, and the
order in which they joined (ties, when several joined on one day, are reported as such).
For organisations whose membership the knowledge base lists in full, a country without a
membership fact is not a member (a closed-world reading, said so in the explanation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from parallax.claims.model import Claim
from parallax.factcheck.model import (
    Evidence,
    Verdict,
    VerdictLabel,
    conjunction,
    fact_evidence,
    name_of,
    not_enough,
)
from parallax.factcheck.timing import first_day, matches, show
from parallax.knowledge import Fact, KnowledgeBase

CLOSED_WORLD_MINIMUM = 5
"""An organisation with at least this many membership facts is taken as listed in full."""

ACCESSION_CUES = ("join", "admit", "acce", "became", "become", "entered", "enter")


@dataclass(frozen=True)
class Roll:
    """An organisation's membership facts, oldest first."""

    organisation: str
    facts: tuple[Fact, ...]

    @classmethod
    def of(cls, kb: KnowledgeBase, organisation: str) -> Roll:
        """The membership roll of ``organisation``."""
        unique: dict[tuple[str, str | None, str | None], Fact] = {}
        for fact in kb.facts_about(property="member_of", object=organisation):
            if fact.start:
                unique.setdefault((fact.subject, fact.start, fact.end), fact)
        facts = sorted(unique.values(), key=lambda f: (f.start or "", f.subject))
        return cls(organisation, tuple(facts))

    @property
    def complete(self) -> bool:
        """Whether the knowledge base is taken to list every member."""
        return len(self.facts) >= CLOSED_WORLD_MINIMUM

    def founders(self) -> list[Fact]:
        """Founding members: marked so in a note, else those who joined on the first day."""
        marked = [f for f in self.facts if "found" in f.note.lower()]
        if marked:
            return marked
        first = self.facts[0].start if self.facts else None
        return [f for f in self.facts if f.start == first]

    def members_at(self, day: date) -> list[Fact]:
        """Membership facts in force on ``day``."""
        return [
            f
            for f in self.facts
            if (first_day(f.start) or date.max) <= day
            and (f.end is None or (first_day(f.end) or date.max) > day)
        ]

    def joined_within(self, begin: date, last: date) -> list[Fact]:
        """Accessions (founders excluded) dated within the inclusive range."""
        founders = {id(f) for f in self.founders()}
        return [
            f
            for f in self.facts
            if id(f) not in founders and begin <= (first_day(f.start) or date.min) <= last
        ]


def _names(kb: KnowledgeBase, facts: Sequence[Fact]) -> str:
    names = sorted(name_of(kb, f.subject) for f in facts)
    if len(names) <= 1:
        return "".join(names) or "none"
    return ", ".join(names[:-1]) + " and " + names[-1]


def _compare(claimed: float, actual: float, op: str) -> bool:
    if op == ">":
        return actual > claimed
    if op == ">=":
        return actual >= claimed
    if op == "<":
        return actual < claimed
    if op == "<=":
        return actual <= claimed
    if op == "~":
        return abs(actual - claimed) <= max(1.0, 0.1 * claimed)
    return actual == claimed


def _op_words(op: str) -> str:
    return {
        ">": "more than ",
        ">=": "at least ",
        "<": "fewer than ",
        "<=": "at most ",
        "~": "about ",
    }.get(op, "")


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _roll_or_none(kb: KnowledgeBase, claim: Claim, org_id: str | None) -> Roll | None:
    if org_id is None:
        return None
    roll = Roll.of(kb, org_id)
    return roll if roll.facts else None


def check_member_of(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Is (or was, or did ... join) each subject a member of the organisation?"""
    org = claim.object
    roll = _roll_or_none(kb, claim, org.id if org else None)
    if org is None or roll is None:
        named = org.text if org else "the organisation"
        return not_enough(f"the knowledge base has no membership facts for {named}")
    org_name = name_of(kb, roll.organisation)
    cue = (claim.cue or "").lower()
    accession = (cue.startswith(ACCESSION_CUES) and "member" not in cue) or cue.startswith("became")
    parts: list[Verdict] = []
    for party in claim.subjects:
        facts = [f for f in roll.facts if f.subject == party.id]
        holds, explanation = _membership_holds(kb, claim, facts, accession, today, party.text)
        if holds is None:
            if roll.complete and party.id and not facts:
                holds = False
                explanation = (
                    f"{party.text} is not among the {len(roll.facts)} countries the knowledge "
                    f"base lists as ever having joined {org_name}"
                )
                evidence = [
                    Evidence(
                        "fact",
                        f"{org_name} members in the knowledge base: {_names(kb, roll.facts)}",
                        roll.facts[0].source,
                    )
                ]
                parts.append(_verdict(claim, holds, explanation, evidence))
                continue
            parts.append(not_enough(explanation))
            continue
        parts.append(_verdict(claim, holds, explanation, fact_evidence(kb, facts)))
    return conjunction(parts)


def _membership_holds(
    kb: KnowledgeBase,
    claim: Claim,
    facts: list[Fact],
    accession: bool,
    today: date,
    who: str,
) -> tuple[bool | None, str]:
    org_name = name_of(kb, claim.object.id if claim.object else None)
    if not facts:
        return None, f"the knowledge base has no membership of {who} in {org_name}"
    spans = [(first_day(f.start) or date.min, first_day(f.end) if f.end else None) for f in facts]
    joined = ", ".join(f"{f.start}" + (f" (left {f.end})" if f.end else "") for f in facts)
    time = claim.time
    founded = _founded(kb, claim.object.id if claim.object else None)
    if time is not None and founded is not None and time.last < founded <= min(s for s, _ in spans):
        # "Belarus joined the CSTO in 1994": a founding member, dated before the body was
        # founded, is dated by what the body grew out of (a treaty, an earlier community),
        # which the knowledge base does not date member by member
        return None, (
            f"{who} is a founding member of {org_name} ({joined}); the claim dates it "
            f"{show(time)}, before {org_name} was founded, so it may mean what {org_name} grew "
            "out of, which the knowledge base does not date for each member"
        )
    if time is not None and accession:
        ok = any(matches(time, (start, start)) for start, _ in spans)
        return ok, f"{who} joined {org_name} on {joined}; the claim says {show(time)}"
    if time is not None:
        ok = any(start <= time.last and (end is None or end > time.begin) for start, end in spans)
        whole = any(
            start <= time.begin and (end is None or end > time.last) for start, end in spans
        )
        if claim.negated and ok and not whole:
            # "said in 2024 that Sweden is not a member": true before March 2024, false after
            return None, (
                f"{who} was a member of {org_name} on some days {show(time)} and not on others "
                f"({joined}), so the claim that it was not depends on the day"
            )
        return ok, f"{who} was a member of {org_name} from {joined}; the claim says {show(time)}"
    if claim.tense == "present" and not accession:
        ok = any(start <= today and (end is None or end > today) for start, end in spans)
        state = "is" if ok else "is not"
        return ok, f"{who} {state} a member of {org_name} on {today.isoformat()} (joined {joined})"
    ok = any(start <= today for start, _ in spans)
    return ok, f"{who} joined {org_name} on {joined}"


def _founded(kb: KnowledgeBase, org_id: str | None) -> date | None:
    """The earliest day the knowledge base says an organisation was founded, if it says."""
    if org_id is None:
        return None
    days = [first_day(f.value) for f in kb.facts_about(subject=org_id, property="founded")]
    return min((d for d in days if d is not None), default=None)


def _verdict(claim: Claim, holds: bool, explanation: str, evidence: list[Evidence]) -> Verdict:
    if claim.negated:
        holds = not holds
        explanation += "; the claim denies it"
    label: VerdictLabel = "supported" if holds else "contradicted"
    return Verdict(label, explanation[0].upper() + explanation[1:] + ".", evidence)


FOUNDING_CUES = ("found", "establish", "creat", "form", "set up", "launch")
"""Cue words whose time is the founding's ("founded in 1949", "was created in 1949")."""


def check_founding_member(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Founding membership ("Canada was a founding member") or the number of founders.

    A count of founders told with the founding's date ("founded in 1951 by 12 countries")
    asserts both: the wrong date contradicts it whatever the count.
    """
    org = claim.object if claim.quantity is None else (claim.subject or claim.object)
    roll = _roll_or_none(kb, claim, org.id if org else None)
    if roll is None:
        return not_enough("the knowledge base has no membership facts for that organisation")
    founders = roll.founders()
    org_name = name_of(kb, roll.organisation)
    listing = f"{org_name} was founded by {len(founders)} countries: {_names(kb, founders)}"
    if claim.quantity is None:
        founder_ids = {f.subject for f in founders}
        parts = []
        for party in claim.subjects:
            holds = party.id in founder_ids
            own = [f for f in roll.facts if f.subject == party.id]
            extra = f"; {party.text} joined on {own[0].start}" if own and not holds else ""
            parts.append(
                _verdict(
                    claim,
                    holds,
                    f"{listing}{extra}",
                    fact_evidence(kb, [f for f in founders if f.subject == party.id] + own)
                    if own
                    else [Evidence("fact", listing, founders[0].source)],
                )
            )
        return conjunction(parts)
    founded = min((d for f in founders if (d := first_day(f.start)) is not None), default=None)
    if (
        claim.time is not None
        and founded is not None
        and (claim.cue or "").lower().startswith(FOUNDING_CUES)
        and not matches(claim.time, (founded, founded))
    ):
        # "The alliance was founded in 1951 by 12 countries": the count holds, the date
        # of the founding the same clause asserts does not.
        return Verdict(
            "contradicted",
            f"{org_name} was founded on {founded.isoformat()}; the claim says "
            f"{show(claim.time)}. {listing}.",
            fact_evidence(kb, founders),
        )
    named = [p for p in claim.named if p.id]
    claimed_total = claim.quantity + len(named)
    founder_ids = {f.subject for f in founders}
    not_founders = [p.text for p in named if p.id not in founder_ids]
    explanation = listing
    if named:
        explanation += (
            f"; the claim names {', '.join(p.text for p in named)} and counts "
            f"{_n(claim.quantity)} more, {_n(claimed_total)} in all"
        )
        if not_founders:
            explanation += f"; {', '.join(not_founders)} were not founders"
    ok = _compare(claimed_total, len(founders), claim.comparator) and not not_founders
    return Verdict(
        "supported" if ok else "contradicted",
        explanation + ".",
        fact_evidence(kb, founders),
    )


def _candidate_rolls(kb: KnowledgeBase, claim: Claim) -> list[Roll]:
    party = claim.subject
    if party is not None and party.id:
        # Counting needs the whole roll: one recorded member (Russia in the G8) says
        # nothing about how many the organisation has.
        roll = Roll.of(kb, party.id)
        return [roll] if roll.complete else []
    organisations = {f.object for f in kb.facts if f.property == "member_of" and f.object}
    return [r for r in (Roll.of(kb, o) for o in sorted(organisations)) if r.complete]


def check_gained_members(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """How many joined in a span: every accession dated in it, listed by name.

    A two-year span is read two ways when the boundary matters: counting both boundary years
    ("between 1999 and 2004" as 1999-2004) and counting only after the first. When the claim
    matches one reading and not the other, the verdict is disputed.
    """
    time = claim.time
    if time is None or claim.quantity is None:
        return not_enough("the claim gives no period to count accessions in")
    rolls = _candidate_rolls(kb, claim)
    if not rolls:
        return not_enough("the knowledge base has no membership facts for that organisation")
    results = [_count_in_span(kb, claim, roll) for roll in rolls]
    if len(results) == 1:
        return results[0]
    labels = {r.verdict for r in results}
    if labels == {"supported"} or labels == {"contradicted"}:
        return Verdict(
            results[0].verdict,
            "The claim names no organisation; every organisation in the knowledge base "
            "gives the same answer. " + " ".join(r.explanation for r in results),
            [e for r in results for e in r.evidence],
        )
    return Verdict(
        "disputed",
        "The claim names no organisation, and the organisations disagree: "
        + " ".join(r.explanation for r in results),
        [e for r in results for e in r.evidence],
    )


def _count_in_span(kb: KnowledgeBase, claim: Claim, roll: Roll) -> Verdict:
    assert claim.time is not None and claim.quantity is not None
    time = claim.time
    org_name = name_of(kb, roll.organisation)
    readings: list[tuple[str, list[Fact]]] = []
    if time.bound == "at":
        readings.append((show(time), roll.joined_within(time.begin, time.last)))
        if time.granularity == "range":
            after_first = date(time.begin.year + 1, 1, 1)
            readings.append(
                (
                    f"after {time.begin.year} up to {time.last.year}",
                    roll.joined_within(after_first, time.last),
                )
            )
    else:
        joined = [f for f in roll.joined_within(date.min, date.max) if _in_bound(f, claim)]
        readings.append((show(time), joined))
        if time.bound == "since" and time.granularity == "year":
            # "six have joined since 2004" may count from the end of that year's accessions
            after = date(time.last.year + 1, 1, 1)
            readings.append((f"after {time.last.year}", roll.joined_within(after, date.max)))
    # "joined with six other countries": the six and the subject, seven in all
    claimed = claim.quantity + (1 if claim.others else 0)
    op = claim.comparator
    outcomes = [(label, facts, _compare(claimed, len(facts), op)) for label, facts in readings]
    distinct = {len(facts) for _, facts, _ in outcomes}
    described = "; ".join(
        f"{len(facts)} joined {org_name} {label}" + (f" ({_names(kb, facts)})" if facts else "")
        for label, facts, _ in (outcomes if len(distinct) > 1 else outcomes[:1])
    )
    claim_words = f"the claim says {_op_words(op)}{_n(claimed)}" + (
        f" ({_n(claim.quantity)} others and its subject)" if claim.others else ""
    )
    evidence = fact_evidence(kb, [f for _, facts, _ in outcomes for f in facts])
    if not evidence:
        evidence = [
            Evidence(
                "fact",
                f"{org_name} accessions in the knowledge base: "
                + ", ".join(f"{name_of(kb, f.subject)} {f.start}" for f in roll.facts),
                roll.facts[0].source,
            )
        ]
    primary_ok = outcomes[0][2]
    if all(ok for _, _, ok in outcomes):
        return Verdict("supported", f"{described}; {claim_words}.", evidence)
    if primary_ok:
        return Verdict(
            "supported",
            f"{described}; {claim_words}, which counts both years of the span (the usual reading).",
            evidence,
        )
    if not any(ok for _, _, ok in outcomes):
        return Verdict("contradicted", f"{described}; {claim_words}.", evidence)
    return Verdict(
        "disputed",
        f"The count depends on whether the first year of the span is included: {described}; "
        f"{claim_words}, which matches only the narrower reading.",
        evidence,
    )


def _in_bound(fact: Fact, claim: Claim) -> bool:
    assert claim.time is not None
    start = first_day(fact.start)
    return start is not None and matches(claim.time, (start, start))


def check_member_count(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """How many members at a date (the claim's time, else the article's date or today)."""
    if claim.quantity is None:
        return not_enough("the claim gives no number of members")
    rolls = _candidate_rolls(kb, claim)
    if len(rolls) != 1:
        return not_enough("the claim does not name an organisation the knowledge base lists")
    roll = rolls[0]
    org_name = name_of(kb, roll.organisation)
    time = claim.time
    if time is None and claim.tense == "past":
        days = _days_in(roll, date.min, today)  # "had 16 members": at some time
    elif time is None:
        days = [today]
    elif time.bound == "before":
        days = [time.begin - timedelta(days=1)]  # "had 15 members before 2004"
    elif time.bound in {"after", "by"}:
        days = [time.last + timedelta(days=1) if time.bound == "after" else time.last]
    elif time.bound != "at":
        return not_enough(
            f"the claim counts members over a span ({time.bound} {time.text}) whose every "
            "day it does not name; only a count at a time, before or after it is checked"
        )
    else:
        days = _days_in(roll, time.begin, min(time.last, today))
    adjust = 1 if claim.others else 0
    counts = [(day, roll.members_at(day)) for day in days]
    matching = [
        (day, members)
        for day, members in counts
        if _compare(claim.quantity + adjust, len(members), claim.comparator)
    ]
    claimed = f"{_op_words(claim.comparator)}{_n(claim.quantity)}" + (
        " others (so one more in all)" if claim.others else ""
    )
    day, members = matching[-1] if matching else counts[-1]
    when = f"on {day.isoformat()}"
    explanation = f"{org_name} had {len(members)} members {when}; the claim says {claimed}."
    if time is None and claim.tense == "past":
        explanation = (
            f"{org_name} had {len(members)} members {when}"
            + (" (and at other times in between)" if matching else "")
            + f"; the claim says {claimed}"
            + ("" if matching else ", a number it never had")
            + "."
        )
    elif matching and time is not None and len({len(m) for _, m in counts}) > 1:
        explanation += (
            " The number changed during the period: "
            + ", ".join(f"{len(m)} on {d.isoformat()}" for d, m in counts)
            + "."
        )
    evidence = [
        Evidence(
            "fact",
            f"{org_name} members {when}: {_names(kb, members)}",
            members[0].source if members else roll.facts[0].source,
        )
    ]
    return Verdict("supported" if matching else "contradicted", explanation, evidence)


def _days_in(roll: Roll, begin: date, last: date) -> list[date]:
    if last < begin:
        last = begin
    days = {last}
    for fact in roll.facts:
        start = first_day(fact.start)
        if start and begin <= start <= last:
            days.add(start)
    days.add(begin)
    return sorted(days)


def check_ordinal(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """The Nth member, by accession date; countries that joined on one day share a range."""
    party, org = claim.subject, claim.object
    roll = _roll_or_none(kb, claim, org.id if org else None)
    if party is None or claim.ordinal is None or roll is None:
        return not_enough("the knowledge base has no membership order for that organisation")
    if claim.narrowed:
        return not_enough(
            f"the claim ranks {party.text} among the “{claim.narrowed}” members only, and the "
            "knowledge base does not record which members those are"
        )
    own = [f for f in roll.facts if f.subject == party.id]
    org_name = name_of(kb, roll.organisation)
    if not own:
        return not_enough(f"the knowledge base has no membership of {party.text} in {org_name}")
    start = own[0].start or ""
    earlier = [f for f in roll.facts if (f.start or "") < start]
    same_day = [f for f in roll.facts if f.start == start]
    first, last = len(earlier) + 1, len(earlier) + len(same_day)
    evidence = fact_evidence(kb, own + [f for f in same_day if f not in own])
    position = (
        f"the {_ordinal(first)}"
        if first == last
        else (
            f"one of the {_ordinal(first)} to {_ordinal(last)} (joined on the same day as "
            f"{_names(kb, [f for f in same_day if f.subject != party.id])})"
        )
    )
    explanation = (
        f"{party.text} joined {org_name} on {start}, after {len(earlier)} other countries, so "
        f"it is {position} member; the claim says the {_ordinal(claim.ordinal)}."
    )
    if first <= claim.ordinal <= last:
        if first == last:
            return Verdict("supported", explanation, evidence)
        return Verdict(
            "disputed",
            explanation + " Countries that joined on the same day have no official order.",
            evidence,
        )
    return Verdict("contradicted", explanation, evidence)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def check_comparison(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Member counts of two organisations compared ("twice as many members as ...")."""
    first, second = claim.subject, claim.object
    if first is None or second is None or not first.id or not second.id:
        return not_enough("the comparison does not name two organisations")
    a, b = Roll.of(kb, first.id), Roll.of(kb, second.id)
    if not a.facts or not b.facts:
        return not_enough("the knowledge base lacks the membership of one side")
    day = claim.time.last if claim.time else today
    count_a = len(a.members_at(day))
    count_b = len(b.members_at(day)) or max(
        len(b.members_at(first_day(f.start) or day)) for f in b.facts
    )
    explanation = (
        f"{first.text} had {count_a} members on {day.isoformat()}; {second.text} had {count_b}"
    )
    if claim.comparator == "x" and claim.quantity:
        ok = abs(count_a - claim.quantity * count_b) <= 0.15 * claim.quantity * count_b
        explanation += f" (a ratio of {count_a / count_b:.2f}; the claim says {claim.quantity:g})"
    else:
        ok = count_a > count_b if claim.comparator == ">" else count_a < count_b
    evidence = [
        Evidence(
            "fact",
            f"{name_of(kb, r.organisation)} members: {_names(kb, r.facts)}",
            r.facts[0].source,
        )
        for r in (a, b)
    ]
    return Verdict("supported" if ok else "contradicted", explanation + ".", evidence)


_AT_LEAST = {"=": ">=", "~": ">=", ">": ">", ">=": ">="}
"""How a count of some members bounds the count of all of them ("three Baltic states
joined" means at least three joined); "fewer than five Baltic states" bounds nothing."""


def check_part_count(
    kb: KnowledgeBase,
    claim: Claim,
    today: date,
    check: Callable[[KnowledgeBase, Claim, date], Verdict],
) -> Verdict:
    """A count of only some members ("three Baltic states joined NATO in 2004").

    The knowledge base does not sort members into Baltic, Nordic or former communist ones, so
    such a count is checked as the lower bound it puts on the whole: it is contradicted when
    more are counted than there were in all, and otherwise not enough evidence, since the
    whole matching says nothing about the part.
    """
    part = claim.narrowed or "some"
    op = _AT_LEAST.get(claim.comparator)
    why = (
        f"the claim counts only the “{part}” ones, and the knowledge base does not record "
        "which members those are"
    )
    if op is None:
        return not_enough(why)
    verdict = check(kb, replace(claim, comparator=op, narrowed=None), today)
    if verdict.verdict != "contradicted":
        return not_enough(why)
    return Verdict(
        "contradicted",
        verdict.explanation.rstrip(".")
        + f"; the claim's count is of the “{part}” ones alone, and there cannot be more of "
        "them than there were in all.",
        verdict.evidence,
    )
