"""A holiday named without a year is placed by its verb's tense, and only one nation's."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal import find_times


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        # written in January: the Christmas just past, or with "will" the coming one
        ("The plan was agreed on Christmas Day.", date(2024, 1, 10), "2023-12-25"),
        ("The shops will close on Christmas Day.", date(2024, 1, 10), "2024-12-25"),
        # two days before July 4, a past verb cannot be the coming one: no year is guessed
        ("Fireworks lit the sky on Independence Day.", date(2024, 7, 2), "XXXX-07-04"),
        ("Americans will celebrate Independence Day.", date(2024, 7, 2), "2024-07-04"),
    ],
)
def test_a_holiday_takes_the_year_its_tense_points_to(
    nlp: Pipeline, text: str, written: date, value: str
) -> None:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=written))
    assert analysis.layers["times"][0]["value"] == value


@pytest.mark.parametrize(
    "text",
    [
        "Russia struck Kyiv on Ukraine's Independence Day.",
        "Crowds marched on Ukrainian Independence Day.",
    ],
)
def test_another_nations_independence_day_is_not_july_4(text: str) -> None:
    found = find_times(text, date(2024, 9, 2))[0]
    assert found.value == "XXXX-XX-XX" and found.range is None
