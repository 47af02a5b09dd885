"""Years "earlier" or "later" count from the story's last named year, not from publication."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal import find_times

WRITTEN = date(2024, 9, 26)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The treaty was signed in 1985. Six years earlier, talks had begun.", "1979"),
        ("The war began in 2014. Two years earlier, protests had filled the square.", "2012"),
        # across sentences, as the pipeline reads them one by one
        ("The treaty was signed in 1985. A year later, it was ratified.", "1986"),
        # nothing to count from: an offset, not six years before publication
        ("Six years earlier, talks had begun.", "-P6Y"),
        ("Last year, the river flooded. Two years earlier, it had dried up.", "-P2Y"),
    ],
)
def test_years_counted_from_the_story(nlp: Pipeline, text: str, value: str) -> None:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=WRITTEN))
    assert analysis.layers["times"][-1]["value"] == value
    assert find_times(text, WRITTEN)[-1].value == value


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5% to $2 million from $1.8 million a year earlier.",
        "In 1988 the dividend was cut. It is up 15% from 4 pence a year earlier.",
    ],
)
def test_a_year_earlier_in_a_comparison_is_the_year_before_publication(text: str) -> None:
    assert find_times(text, WRITTEN)[-1].value == "2023"
