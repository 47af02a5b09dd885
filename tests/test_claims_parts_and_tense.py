"""Ranks and counts of only some members, and counts stated in the present (issue 17).

Sentences written for these tests, of shapes found while probing the checker with invented
alliance copy: "Sweden is the fifth Nordic country in NATO" is true, and was contradicted
because Sweden is NATO's 32nd member; "NATO's 32 members include 23 EU states" is true, and
was contradicted because the Union has 27 members; "The European Union includes 25 member
states" is false, and was supported because the Union had 25 members in 2004.
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 7, 1))


def _verdict(text: str) -> str:
    return CHECKER.check_text(text).verdict.verdict


def test_a_rank_among_some_members_is_not_a_rank_among_all() -> None:
    record = CHECKER.check_text("Sweden is the fifth Nordic country in NATO.").record()
    assert record["verdict"] == "not_enough_evidence", record
    assert "“Nordic”" in str(record["explanation"])


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Sweden became NATO's 32nd member in 2024.", "supported"),
        ("Sweden became NATO's 31st member in 2024.", "contradicted"),
    ],
)
def test_a_rank_among_all_members_is_still_checked(text: str, verdict: str) -> None:
    assert _verdict(text) == verdict


def test_members_of_one_counted_within_another_group_are_only_some() -> None:
    record = CHECKER.check_text("NATO's 32 allies include 23 EU states.").record()
    assert record["verdict"] != "contradicted", record
    # more than the whole is still wrong
    assert _verdict("NATO's 32 allies include 30 EU states.") == "contradicted"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The European Union includes 25 member states.", "contradicted"),
        ("The European Union includes 27 member states.", "supported"),
        ("The European Union included 25 member states.", "supported"),
    ],
)
def test_a_count_in_the_simple_present_is_checked_at_the_articles_date(
    text: str, verdict: str
) -> None:
    assert _verdict(text) == verdict
