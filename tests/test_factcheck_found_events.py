"""An event found by its parties contradicts a claim's date only when it is the claim's
event (issue 17): it happened in the claim's country, and the claim is no act within it.

Sentences written for these tests. "The Soviet Union invaded Hungary in 1956" is true, but
the knowledge base's one event with both parties is the 1968 invasion of Czechoslovakia, in
which Hungary was an invader, and the claim was "contradicted" by its date. The events the
knowledge base lists are not all there were, so one in another country says nothing.
"Russia attacked Kyiv with drones in 2023" was "contradicted" because the war began in 2014,
and "Germany invaded the Soviet Union in 1941" because the Second World War began in 1939.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


def test_an_event_in_another_country_does_not_contradict() -> None:
    record = CHECKER.check_text("The Soviet Union invaded Hungary in 1956.").record()
    assert record["verdict"] == "not_enough_evidence", record


@pytest.mark.parametrize(
    "text",
    [
        # an act repeated within a war that lasted through the claimed date
        "Russia attacked Kyiv with drones in 2023.",
        # an invasion between two of the many parties of a wider war
        "Germany invaded the Soviet Union in 1941.",
    ],
)
def test_an_act_within_a_lasting_event_is_not_contradicted_by_its_start(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Russia invaded Georgia in 2010.", "contradicted"),
        ("Russia invaded Ukraine in 2020.", "contradicted"),
        ("The United States invaded Iraq in 2001.", "contradicted"),
        ("Iraq invaded Kuwait in 1990.", "supported"),
        ("The Soviet Union invaded Afghanistan in 1989.", "contradicted"),
    ],
)
def test_an_event_in_the_claims_country_still_decides(text: str, verdict: str) -> None:
    assert CHECKER.check_text(text).verdict.verdict == verdict


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the event after "after" dates the act: it is not the act the claim is about
        (
            "The United States attacked Afghanistan in 2001 after the September 11 attacks.",
            "War in Afghanistan",
        ),
        ("Russia annexed Crimea in 2014 following the Euromaidan protests.", "Annexation"),
    ],
)
def test_an_event_that_dates_the_act_is_not_its_evidence(text: str, event: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "supported", record
    assert str(record["explanation"]).startswith(event), record


def test_an_event_that_is_its_own_clause_is_still_read() -> None:
    record = CHECKER.check_text("NATO expanded after the Cold War ended in 1991.").record()
    assert record["verdict"] == "supported", record
    assert "Cold War ended" in str(record["explanation"])
