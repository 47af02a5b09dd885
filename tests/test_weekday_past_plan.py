"""A weekday that a plan told in the past names may lie on either side of publication."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal import find_times

WEDNESDAY = date(2023, 12, 13)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


def _weekday_value(nlp: Pipeline, text: str) -> str:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=WEDNESDAY))
    return str(analysis.layers["times"][-1]["value"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the talks ran over: the Tuesday just gone, not the coming one
        ("The climate talks were due to end on Tuesday.", "2023-12-12"),
        ("The summit had been expected to close on Tuesday.", "2023-12-12"),
        ("The minister was due to arrive on Thursday.", "2023-12-14"),
        # what became of the plan is told in the past: the day just past
        ("The vote was scheduled for Thursday, but it was postponed.", "2023-12-07"),
        # Sunday is three days back and four ahead: either may be meant
        ("The referendum was set for Sunday.", "XXXX-WXX-7"),
    ],
)
def test_a_past_told_plan_takes_the_weekday_nearest_publication_or_none(
    nlp: Pipeline, text: str, value: str
) -> None:
    assert _weekday_value(nlp, text) == value
    assert find_times(text, WEDNESDAY)[-1].value == value


def test_a_plan_in_the_present_still_points_ahead(nlp: Pipeline) -> None:
    assert _weekday_value(nlp, "The climate talks are due to end on Tuesday.") == "2023-12-19"


@pytest.mark.parametrize(
    "text",
    [
        # Invented: a date something is due or expected on, told in the present
        "The jobs report, due out Friday, is expected to show slower hiring.",
        "A ruling, expected Friday, could delay the project.",
    ],
)
def test_a_weekday_something_is_due_or_expected_on_is_the_coming_one(text: str) -> None:
    assert find_times(text, date(2025, 3, 12))[0].value == "2025-03-14"


def test_a_weekday_something_was_due_on_is_not_pushed_ahead() -> None:
    assert find_times("The report was due Friday.", date(2025, 3, 12))[0].value != "2025-03-14"
