"""A clause the writer weighs rather than states is no claim of the sentence (issue 17).

Sentences written for these tests: "It is not true that Finland joined NATO in 2022" is a
true sentence, but its clause was judged as if asserted and came out "contradicted".
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
