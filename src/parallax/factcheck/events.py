"""Checks of events: which event a claim is about, and whether its date fits.

A claim names an event outright ("the Korean War began in 1950") or only by its parties and
verb ("Russia invaded Ukraine in 2022"). The knowledge base's list of events is not
complete, so an event found by its parties decides against a claim only when it must be the
claim's event (:func:`check_event`).
"""

from __future__ import annotations

import re
from datetime import date

from parallax.claims.model import Claim
from parallax.claims.words import proper_words, without_when
from parallax.domains import domain_pack
from parallax.factcheck.history import END_CUES, START_CUES, date_verdict
from parallax.factcheck.model import Verdict, name_of, not_enough
from parallax.factcheck.timing import fact_range
from parallax.knowledge import Fact, KnowledgeBase, alias_key


def find_events(kb: KnowledgeBase, claim: Claim) -> tuple[list[str], bool]:
    """The events a claim may be about, best first, and whether the claim named one outright.

    Without a name, an event qualifies when its participants include at least two of the
    claim's parties (or one, when the claim names one party and the event's name carries a
    noun of the claim's verb: "invaded" -> invasion, war).
    """
    if claim.object is not None and claim.object.id:
        entity = kb.get(claim.object.id)
        if entity is not None and entity.type == "event":
            return [entity.id], True
    cue = (claim.cue or "").lower()
    nouns = next((v for k, v in domain_pack().event_nouns if cue.startswith(k)), ())
    parties = {p.id for p in claim.subjects if p.id}
    # an event named in "after ...", "during ..." past the act dates it, it is not the act
    cue_end = claim.parts["cue"][1] - claim.start if "cue" in claim.parts else len(claim.text)
    text = without_when(claim.text, cue_end)
    words = proper_words(text) - {w for p in claim.subjects for w in proper_words(p.text)}
    by_words = []
    for entity in kb.entities.values():
        if entity.type != "event" or not words or not nouns:
            continue
        names = " ".join(entity.names())
        if words & proper_words(names) and (
            not nouns or any(re.search(rf"\b{n}", names, re.IGNORECASE) for n in nouns)
        ):
            by_words.append(entity.id)
    if len(by_words) == 1:
        return by_words, True
    scored: list[tuple[int, str]] = []
    for entity in kb.entities.values():
        if entity.type != "event":
            continue
        names = " ".join(alias_key(n) for n in entity.names())
        if nouns and not any(re.search(rf"\b{n}", names) for n in nouns):
            continue
        linked = related(kb, entity.id)
        overlap = len(parties & linked)
        if overlap >= 2 or (overlap == 1 and len(parties) == 1 and nouns):
            scored.append((overlap * 10 - len(linked), entity.id))
    return [event for _, event in sorted(scored, reverse=True)], False


def related(kb: KnowledgeBase, event_id: str) -> set[str]:
    """The places and parties the knowledge base records for an event."""
    return {
        f.object
        for f in kb.facts_about(event_id)
        if f.property in {"participant", "location"} and f.object
    }


REPEATED_ACTS = ("attack", "bomb", "strik", "shell", "raid", "fought", "fight")
"""Acts done many times within one war ("attacked Kyiv in 2023"), unlike its start."""


def _during(kb: KnowledgeBase, claim: Claim, event_id: str, today: date) -> bool:
    """Whether the claim may be an act within the event, which its date then cannot contradict.

    So it may when the claimed time meets the event's span (to today, if it has no end) and
    either the act is one repeated within a war, or the event is a wider one, with at least
    two parties beyond the claim's: an invasion between two of them may open a new front
    (a 1941 German invasion of the USSR lies within the Second World War).
    """
    facts, span = event_dates(kb, event_id)
    if span is None or claim.time is None:
        return False
    parties = {p.id for p in claim.subjects if p.id}
    wider = len(related(kb, event_id) - parties) >= 2
    if not (wider or (claim.cue or "").lower().startswith(REPEATED_ACTS)):
        return False
    if not any(f.property == "end_date" for f in facts):
        span = (span[0], max(span[1], today))
    return claim.time.begin <= span[1] and claim.time.last >= span[0]


def _placed_in(kb: KnowledgeBase, event_id: str, parties: set[str]) -> bool:
    """Whether one of ``parties`` is the country the event took place in.

    True too when the knowledge base places the event in no country (a region such as
    Crimea is not recorded as part of a country, so it neither confirms nor rules out).
    """
    countries = {
        f.object
        for f in kb.facts_about(event_id, "location")
        if f.object and (place := kb.get(f.object)) is not None and place.type == "country"
    }
    return not countries or bool(countries & parties)


def event_dates(kb: KnowledgeBase, event_id: str) -> tuple[list[Fact], tuple[date, date] | None]:
    """The facts dating an event and its whole span (start to end, or the start day)."""
    starts = kb.facts_about(event_id, "start_date")
    ends = kb.facts_about(event_id, "end_date")
    begin = fact_range(starts[0].value) if starts else None
    end = fact_range(ends[0].value) if ends else None
    if begin is None or end is None:
        only = begin or end
        if only is None:
            return [], None
        return starts + ends, only
    return starts + ends, (begin[0], end[1])


def _check_one_event(kb: KnowledgeBase, claim: Claim, event_id: str, today: date) -> Verdict:
    facts, span = event_dates(kb, event_id)
    name = name_of(kb, event_id)
    if span is None:
        return not_enough(f"the knowledge base has no dates for {name}")
    if facts and not any(f.property == "end_date" for f in facts) and span[1] < today:
        # A start and no end: the event has not ended (the knowledge base records the end of
        # every event that has one), so it lasts until the claim's date, not one day.
        span = (span[0], today)
    cue = (claim.cue or "").lower()
    starts = [r for f in facts if f.property == "start_date" and (r := fact_range(f.value))]
    ends = [r for f in facts if f.property == "end_date" and (r := fact_range(f.value))]
    if cue.startswith(START_CUES) and starts:
        return date_verdict(kb, claim, facts, starts, f"{name} began on")
    if cue.startswith(END_CUES) and ends:
        return date_verdict(kb, claim, facts, ends, f"{name} ended on")
    return date_verdict(kb, claim, facts, [span], f"{name} lasted")


def check_event(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """When did the event happen (begin, end, or at all within the claimed time)?

    An event found by its parties rather than its name contradicts a claim only when no
    other candidate event fits the claimed date either, and only when the claim names the
    country of each one the knowledge base places in one; otherwise the claim may simply be about
    another event, which is not enough evidence to call it wrong. A 1956 Soviet invasion of
    Hungary shares two parties with the 1968 invasion of Czechoslovakia, in which
    Hungary was an invader, but not its place: the list of events is not complete. Nor does
    it when the claim may be an act within such an event (:func:`_during`): a 1941 German
    invasion of the USSR lies within the Second World War, not at a wrong date for its start.
    """
    if claim.time is None:
        return not_enough("the claim gives no date for the event")
    events, named = find_events(kb, claim)
    parties = {p.id for p in claim.subjects if p.id}
    strong = (
        bool(events)
        and len(parties) >= 2
        and all(len(parties & related(kb, event)) >= 2 for event in events)
        and all(_placed_in(kb, event, parties) for event in events)
        and not any(_during(kb, claim, event, today) for event in events)
    )
    if not events:
        return not_enough("no event in the knowledge base matches the claim's parties and words")
    verdicts = [_check_one_event(kb, claim, event, today) for event in events]
    for verdict in verdicts:
        if verdict.verdict in {"supported", "disputed"}:
            return verdict
    if named:
        return verdicts[0]
    if strong:
        return Verdict(
            "contradicted",
            " ".join(v.explanation for v in verdicts)
            + " No event in the knowledge base with these parties fits the claimed date.",
            [e for v in verdicts for e in v.evidence],
        )
    first = verdicts[0]
    return not_enough(
        f"{first.explanation.rstrip('.')}; the claim names no event and may be about another one",
        first.evidence,
    )
