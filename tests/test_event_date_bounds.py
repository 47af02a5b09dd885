"""A time an event is moved to, or one it lies before or after, is not the event's date."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.events import Events
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline

WRITTEN = date(2024, 3, 6)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    kb = bundled()
    return Pipeline([SpacyParse(), Sentences(), Entities(), Times(), Actors(kb), Events(kb)])


def _dates(nlp: Pipeline, text: str) -> dict[str, str | None]:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=WRITTEN))
    return {str(e["action"]): e["date"] for e in analysis.layers["events"]}


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("NATO postponed the summit until next month.", "postpone"),
        ("The United Nations pushed the climate talks back to June.", "push back"),
        ("The United States delayed the sale until 2025.", "delay"),
        ("Ukraine moved the elections to next year.", "move"),
    ],
)
def test_the_new_time_of_a_moved_event_does_not_date_the_moving(
    nlp: Pipeline, text: str, action: str
) -> None:
    dates = _dates(nlp, text)
    assert action in dates and dates[action] is None, dates


@pytest.mark.parametrize(
    "text",
    [
        "NATO will hold the summit two days after Christmas.",
        "NATO held the summit three days before Christmas.",
        "NATO held the summit after Christmas.",
    ],
)
def test_a_time_the_event_lies_before_or_after_does_not_date_it(nlp: Pipeline, text: str) -> None:
    assert _dates(nlp, text)["hold"] is None


def test_a_time_the_verb_happens_at_still_dates_it(nlp: Pipeline) -> None:
    assert _dates(nlp, "NATO postponed the summit last week.")["postpone"] == "2024-W09"


def test_a_day_the_parser_hung_on_a_tally_dates_the_vote(nlp: Pipeline) -> None:
    # 2024-03-06 is a Wednesday; the parser hangs "on Tuesday" on "12-10".
    dates = _dates(nlp, "The Senate labor committee voted 12-10 on Tuesday to advance the bill.")
    assert dates["vote"] == "2024-03-05"
    # A time on a level the index reached dates the level, not the loss.
    dates = _dates(nlp, "The index lost 26 points, its lowest level since April 1997.")
    assert dates.get("lose") is None


def test_the_time_of_a_comparisons_yardstick_dates_nothing(nlp: Pipeline) -> None:
    text = (
        "The Berg Institute said warming had made such floods four times more likely than in 1980."
    )
    dates = _dates(nlp, text)
    assert all(value is None for value in dates.values()), dates


def test_a_deadline_after_a_verb_of_now_dates_what_it_is_about(nlp: Pipeline) -> None:
    # What markets price now is not priced in the summer; a past "by Friday" still dates.
    assert _dates(nlp, "Markets now price in two rate cuts by the summer.").get("price") is None
    assert _dates(nlp, "The army had withdrawn by Friday.")["withdraw"] == "2024-03-01"


def test_a_when_clause_on_a_time_is_dated_by_it(nlp: Pipeline) -> None:
    # Invented: the sentence's own verb is undated; the clause is about December 2022.
    dates = _dates(
        nlp,
        "The loan would be the largest since December 2022, when the fund approved $3 billion.",
    )
    assert dates.get("approve") == "2022-12", dates


def test_a_time_denied_dates_nothing(nlp: Pipeline) -> None:
    dates = _dates(nlp, "Westland needs the loan from the fund now, not next year.")
    assert dates.get("need") is None, dates


@pytest.mark.parametrize(
    ("text", "action", "year"),
    [
        (
            "About two million Ohioans voted by mail in the 2020 presidential election.",
            "vote",
            "2020",
        ),
        ("Republicans won the House in the 2022 midterms.", "win", "2022"),
        ("Russian troops fought in the 2008 war with Georgia.", "fight", "2008"),
    ],
)
def test_an_act_in_a_dated_event_is_dated_by_it(
    nlp: Pipeline, text: str, action: str, year: str
) -> None:
    assert _dates(nlp, text)[action] == year


def test_an_act_in_a_dated_document_is_not_dated_by_it(nlp: Pipeline) -> None:
    # "its 2030 plan" names the plan's horizon, not when the promise was made
    assert (
        _dates(nlp, "The government promised in its 2030 plan to cut emissions.").get("promise")
        is None
    )
