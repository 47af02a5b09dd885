"""A year the parse gives the claim's verb dates it, however far from the verb (issue 17).

Sentences written for these tests, of a shape found while probing the checker with invented
war and alliance copy: the grammar takes a time near the relation word, and a long name or a
place between them ("withdrew from the Treaty on Conventional Armed Forces in Europe in
2015") left the claim with no time at all; judged undated, it was "supported" because the
withdrawal did happen, in another year.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Sweden joined the North Atlantic Treaty Organization in Washington in 2023.",
            "contradicted",
        ),
        (
            "Sweden joined the North Atlantic Treaty Organization in Washington in 2024.",
            "supported",
        ),
        (
            "Russia pulled out of the Treaty on Conventional Armed Forces in Europe in 2015.",
            "contradicted",
        ),
        (
            "Russia pulled out of the Treaty on Conventional Armed Forces in Europe in 2023.",
            "supported",
        ),
    ],
)
def test_a_far_year_bound_to_the_verb_dates_the_claim(text: str, verdict: str) -> None:
    record = CHECKER.check_text(text).record()
    assert record["verdict"] == verdict, record
    assert record["structured"] and record["structured"]["time_text"], record


def test_a_far_year_of_another_verb_does_not_date_the_claim() -> None:
    text = (
        "Sweden, a member of the North Atlantic Treaty Organization, held talks with officials "
        "from Finland in Helsinki in 2019."
    )
    record = CHECKER.check_text(text).record()
    assert record["verdict"] != "contradicted", record


def test_a_year_of_a_verb_joined_by_and_does_not_date_the_first() -> None:
    # 2021 is when the rejoining happened; the pulling out is left undated
    record = CHECKER.check_text(
        "The United States pulled out of the Paris Agreement and rejoined it in 2021."
    ).record()
    assert record["verdict"] != "disputed", record
    assert record["structured"] and not record["structured"]["time_text"], record
