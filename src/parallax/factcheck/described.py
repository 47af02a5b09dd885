"""The check of a dated event name ("the 2003 invasion of Iraq"): is that the event's date?

The claim (:mod:`parallax.claims.described`) names one knowledge-base event and a date, and
:func:`parallax.factcheck.events.check_event` compares the two. An event claim of a main
clause ("The Russian invasion of Ukraine in 2014 began in Crimea") is checked the same way.

A name in news can be looser than the knowledge base's: "the 2014 invasion of Ukraine" is
how some write of the Crimea operation, while the knowledge base's "invasion of Ukraine" is
the one of 2022. So a date that does not fit the named event contradicts the claim only when
no other event the knowledge base places in the same country or region fits it; otherwise
the writer may mean that other event, which is not enough evidence to call the date wrong.
"""

from __future__ import annotations

from datetime import date

from parallax.claims.model import Claim
from parallax.factcheck.events import check_event, event_dates
from parallax.factcheck.model import Verdict, name_of, not_enough
from parallax.factcheck.timing import matches
from parallax.knowledge import KnowledgeBase


def check_event_date(kb: KnowledgeBase, claim: Claim, today: date) -> Verdict:
    """Supported when the event's date fits; contradicted only when no neighbour fits."""
    verdict = check_event(kb, claim, today)
    if verdict.verdict != "contradicted" or claim.object is None or claim.time is None:
        return verdict
    named = claim.object.id or ""
    places = _places(kb, named)
    for entity in kb.entities.values():
        if entity.type != "event" or entity.id == named or not places & _places(kb, entity.id):
            continue
        facts, span = event_dates(kb, entity.id)
        if span is None:
            continue
        if not any(f.property == "end_date" for f in facts):
            span = (span[0], max(span[1], today))
        if matches(claim.time, span):
            return not_enough(
                f"{verdict.explanation.rstrip('.')}; but {name_of(kb, entity.id)}, in the "
                "same place, fits the date, and the name may mean it",
                verdict.evidence,
            )
    return verdict


def _places(kb: KnowledgeBase, event_id: str) -> set[str]:
    return {f.object for f in kb.facts_about(event_id, "location") if f.object}
