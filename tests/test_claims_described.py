"""Events named with their date ("the 2003 invasion of Iraq") are claims about that date only."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker
from parallax.factcheck.model import Verdict

DAY = date(2023, 6, 1)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def _dated(checker: Checker, text: str) -> list[tuple[str, Verdict, dict[str, str]]]:
    found = checker.check_text(text, DAY)
    return [
        (c.claim.text, c.verdict, c.claim.binding)
        for c in found.claims
        if c.claim.kind == "description"
    ]


def test_a_year_on_the_event_noun_is_checked_against_the_event_start(checker: Checker) -> None:
    [(text, verdict, binding)] = _dated(
        checker, "The senator said he regretted voting for the 2003 invasion of Iraq."
    )
    assert text.endswith("2003 invasion of Iraq") and verdict.verdict == "supported"
    assert binding["time"] == "2003" and "invasion of Iraq" in binding["subject"]
    assert verdict.evidence


def test_a_wrong_year_contradicts_when_no_other_event_there_fits(checker: Checker) -> None:
    [(_, verdict, _)] = _dated(checker, "Her brother served in the 2005 invasion of Iraq.")
    assert verdict.verdict == "contradicted" and "2003-03-20" in verdict.explanation
    [(_, verdict, _)] = _dated(
        checker, "Markets have not been this calm since the fall of the Berlin Wall in 1993."
    )
    assert verdict.verdict == "contradicted"


def test_a_loose_name_another_event_fits_is_not_enough_evidence(checker: Checker) -> None:
    # The knowledge base's "invasion of Ukraine" is the one of 2022; a writer giving 2014 may
    # mean the war that began then, so the date is not called wrong.
    [(_, verdict, _)] = _dated(checker, "Analysts recalled the 2014 invasion of Ukraine.")
    assert verdict.verdict == "not_enough_evidence"


def test_an_event_a_main_clause_names_loosely_is_checked_as_a_dated_name(
    checker: Checker,
) -> None:
    # the same looseness as the name with its date: "the invasion of Ukraine ... began"
    # with 2014 may mean the war that began then
    found = checker.check_text("The Russian invasion of Ukraine in 2014 began in Crimea.", DAY)
    verdicts = {c.verdict.verdict for c in found.claims if c.claim.relation == "event"}
    assert verdicts == {"not_enough_evidence"}
    # a date no event in the place fits is still wrong
    found = checker.check_text("The Berlin Wall fell in 1991.", DAY)
    assert found.verdict.verdict == "contradicted"


def test_a_time_after_the_name_or_in_its_clause_dates_it(checker: Checker) -> None:
    [(text, verdict, _)] = _dated(
        checker, "The annexation of Crimea in March 2014 alarmed the Baltic states."
    )
    assert text == "annexation of Crimea in March 2014" and verdict.verdict == "supported"
    [(text, verdict, binding)] = _dated(
        checker, "Exports collapsed after the invasion of Ukraine that began in February 2022."
    )
    assert verdict.verdict == "supported" and "began" in binding["relation"]


@pytest.mark.parametrize(
    "text",
    [
        # The year dates the ceremony, not the war the memorial is named after.
        "At a 2009 ceremony by the Vietnam War Memorial, the mayor spoke.",
        # The date hangs from the verb: it dates the speech.
        "In 2019 he spoke about the invasion of Iraq.",
        # A relative date is never used.
        "Since the annexation of Crimea last year, trade has fallen.",
        # A common noun alone names no event.
        "The 2004 invasion was a mistake, she said.",
    ],
)
def test_a_date_that_is_not_the_events_is_not_read(checker: Checker, text: str) -> None:
    assert _dated(checker, text) == []


def test_a_confirmed_date_never_marks_the_sentence_supported() -> None:
    from parallax.comparison.positions import _verdicts

    claim = {"sentence_id": "s1", "verdict": "supported", "kind": "description"}
    assert _verdicts([claim]) == {}  # type: ignore[list-item]
