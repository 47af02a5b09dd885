"""A claim is judged on what its own clause states (issue 17).

Sentences written for these tests: "It is not true that Finland joined NATO in 2022" is a
true sentence, but its clause was judged as if asserted and came out "contradicted"; and
"Estonia, which regained independence in 1991, joined NATO in 2005" was "supported" because
the nearer year dated the relative clause and the claim was judged with no date at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        "It is not true that Finland joined NATO in 2022.",
        "It is not clear that Sweden joined NATO in 2023.",
        "It is likely that Sweden joined NATO in 2023.",
        "Officials were confident that Sweden joined NATO in 2023.",
    ],
)
def test_a_weighed_clause_is_not_judged(text: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "does not assert what follows" in str(record["explanation"])


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("It is true that Finland joined NATO in 2023.", "supported"),
        ("It is clear that Finland joined NATO in 2022.", "contradicted"),
    ],
)
def test_a_vouched_clause_is_judged(text: str, verdict: str) -> None:
    assert CHECKER.check_text(text).verdict.verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Estonia, which regained independence in 1991, joined NATO in 2004.", "supported"),
        ("Estonia, which regained independence in 1991, joined NATO in 2005.", "contradicted"),
        ("Britain, which joined NATO in 1949, left the EU in 2016.", "contradicted"),
    ],
)
def test_a_claim_is_dated_by_its_own_time_not_a_nearer_one(text: str, verdict: str) -> None:
    # the nearer year dates the relative clause; the later one dates the main verb, and a
    # claim judged on no date at all was "supported" whatever year it gave
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record
