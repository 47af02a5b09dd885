"""A clause that only gives the time of another is not a claim of the sentence (issue 17).

Sentences written for these tests, of a shape found while probing the checker with invented
political copy: "Trump was president when NATO had 12 members" is false, yet it was
"supported" because NATO had 12 members in 1949; the sentence asserts when someone held
office, and the count only dates that. The main clause keeps being checked.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        # false sentences whose time clause holds at some time
        "Trump was president when NATO had 12 members.",
        "Biden took office when the alliance had 16 members.",
        "The minister resigned while the European Union had 12 members.",
        # true ones, not confirmed from the time clause either
        "Putin was president when Finland joined NATO in 2023.",
        "Orban was prime minister while Hungary had 12 million people and NATO had 16 members.",
    ],
)
def test_a_clause_giving_the_time_of_another_is_not_judged(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "gives the time of another clause" in str(record["explanation"]), record


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the main clause is still the claim, and the time clause still dates it
        ("NATO had 12 members when it was founded.", "supported"),
        ("The Warsaw Pact had 12 members when it was founded.", "contradicted"),
        ("Finland joined NATO in 2023, after Russia invaded Ukraine.", "supported"),
        ("Finland joined NATO in 2021, after Russia invaded Ukraine.", "contradicted"),
        # an event before or after another is told as having happened
        ("The treaty was drafted before Sweden joined NATO in 2024.", "supported"),
        ("NATO expanded after the Cold War ended in 1991.", "supported"),
    ],
)
def test_the_main_clause_is_still_checked(text: str, verdict: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record


@pytest.mark.parametrize(
    "text",
    [
        # true in 2017, and was confirmed only because NATO had 28 members in 2009
        "Montenegro joined the alliance of NATO, which then had 28 members, in 2017.",
        "NATO, which then had 12 members, was led by a British general.",
    ],
)
def test_a_count_dated_by_then_is_not_judged_at_any_time(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "“then”" in str(record["explanation"]), record


def test_then_with_a_year_is_still_judged_on_the_year() -> None:
    record = CHECKER.check_text("Sweden applied in 2022 and then joined NATO in 2023.").record()
    assert record["verdict"] == "contradicted", record
