"""A range's two ends: a weekday end follows its start by days, and both share the tense."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal import find_times

WEDNESDAY = date(2025, 3, 5)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


def _layer(nlp: Pipeline, text: str) -> list[str]:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=WEDNESDAY))
    return [str(t["value"]) for t in analysis.layers["times"]]


def test_a_weekday_that_ends_a_range_lies_days_after_its_start_not_a_year(
    nlp: Pipeline,
) -> None:
    # written on a Wednesday: the talks run from the coming Monday to the Wednesday after
    text = "The talks will run from Monday to Wednesday."
    assert _layer(nlp, text) == ["2025-03-10/2025-03-12"]
    assert find_times(text, WEDNESDAY)[0].range == (date(2025, 3, 10), date(2025, 3, 12))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices rose from June to August.", "2024-06/2024-08"),
        ("Prices will rise from June to August.", "2025-06/2025-08"),
    ],
)
def test_both_ends_of_a_range_lie_where_the_verbs_tense_puts_them(
    nlp: Pipeline, text: str, value: str
) -> None:
    assert _layer(nlp, text) == [value]
