"""A list of names fills one role of a claim, and each name in it is checked (issue 17).

Sentences written for these tests, each of a shape found wrong while probing the checker
with invented wire copy: countries listed as the subjects of a border were read as
neighbours of one another ("Norway and Finland share borders with Russia" checked Norway
against Finland), and only the first of listed neighbours was checked, so a false one
beside a true one was "supported".
"""

from __future__ import annotations

from datetime import date

import pytest

from parallax.factcheck import Checker

CHECKER = Checker(today=date(2024, 6, 1))


def _pairs(text: str) -> list[tuple[list[str | None], str | None, str]]:
    """Each border claim read: its subjects, its object and its verdict."""
    checked = CHECKER.check_text(text).claims
    return [
        (
            [p.id for p in c.claim.subjects],
            c.claim.object.id if c.claim.object else None,
            c.verdict.verdict,
        )
        for c in checked
        if c.claim.relation == "shares_border_with"
    ]


def test_listed_subjects_each_border_the_object_not_one_another() -> None:
    pairs = _pairs("Norway and Finland share borders with Russia.")
    assert pairs == [(["norway", "finland"], "russia", "supported")]
    pairs = _pairs("Hungary, Slovakia and Romania all share a border with Ukraine.")
    assert pairs == [(["hungary", "slovakia", "romania"], "ukraine", "supported")]


def test_a_listed_subject_without_that_border_contradicts_the_list() -> None:
    record = CHECKER.check_text("Estonia and Sweden share borders with Russia.").record()
    assert record["verdict"] == "contradicted", record
    assert "Sweden" in str(record["explanation"])


def test_each_listed_neighbour_is_checked() -> None:
    pairs = _pairs("Belarus, which borders Poland, Lithuania and Latvia, hosts Russian troops.")
    assert pairs == [
        (["belarus"], "poland", "supported"),
        (["belarus"], "lithuania", "supported"),
        (["belarus"], "latvia", "supported"),
    ]
    record = CHECKER.check_text("Ukraine shares a border with Poland and Lithuania.").record()
    assert record["verdict"] == "contradicted", record
    assert "without Lithuania" in str(record["explanation"])


@pytest.mark.parametrize(
    "text",
    [
        "Poland and Ukraine share a border.",
        "Slovakia borders Ukraine to the east.",
        # a name owning the next noun ends the list: the exclave is not the country
        "Poland borders Ukraine, Belarus and Russia's Kaliningrad exclave.",
    ],
)
def test_plain_borders_are_still_supported(text: str) -> None:
    assert CHECKER.check_text(text).verdict.verdict == "supported"


def test_a_list_of_alternatives_claims_no_border() -> None:
    # "or" does not say which of them borders Russia; Finland is not Norway's object
    assert _pairs("Norway, Sweden or Finland borders Russia.") == []
