"""A weekday the times layer placed, checked against the tense of the verb it dates."""

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


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    kb = bundled()
    return Pipeline([SpacyParse(), Sentences(), Entities(), Times(), Actors(kb), Events(kb)])


def _dates(nlp: Pipeline, text: str, when: date) -> dict[str, str | None]:
    """Each event's action and date, with the real times layer (weekdays included)."""
    analysis = nlp(Article(text=text, source="<test>", language="en", date=when))
    return {str(e["action"]): e["date"] for e in analysis.layers["events"]}


def test_a_present_tense_plan_on_a_weekday_is_not_dated_a_week_early(nlp: Pipeline) -> None:
    # Read without a parse, a bare weekday is the one just past; "raises" in the present
    # plans it, so the times layer, reading the parse, dates it to the coming Saturday.
    dates = _dates(
        nlp,
        "Germany raises its road tolls on Saturday, the transport office said on Monday.",
        date(2025, 4, 1),
    )
    assert dates["raise"] == "2025-04-05"
    assert dates["say"] == "2025-03-31"


def test_a_past_tense_verb_keeps_the_weekday_just_past(nlp: Pipeline) -> None:
    dates = _dates(nlp, "Germany raised its road tolls on Saturday.", date(2025, 4, 1))
    assert dates["raise"] == "2025-03-29"


def test_no_time_after_publication_dates_a_past_tense_verb(nlp: Pipeline) -> None:
    # Invented: the coming week is the aftershocks', not the warning's, given on the day.
    when = date(2026, 6, 21)
    dates = _dates(nlp, "The agency warned of aftershocks over the coming week.", when)
    assert dates.get("warn") is None
    dates = _dates(nlp, "The port authority closed the terminal in May.", when)
    assert dates.get("close") == "2026-05"
    dates = _dates(nlp, "The port authority will close the terminal next month.", when)
    assert dates.get("close") == "2026-07"


def test_a_time_on_a_description_beside_a_name_dates_no_saying(nlp: Pipeline) -> None:
    # Invented: 2020 is when she was the nominee, not when she spoke; the floods' month
    # still dates what they did.
    when = date(2026, 2, 11)
    text = "The Republican nominee in 2020, Jo Rainer, said she would decide by March."
    assert _dates(nlp, text, when).get("say") is None
    dates = _dates(nlp, "Floods in September killed 40 people in Valdoro.", when)
    assert dates.get("kill") == "2025-09"


def test_a_meeting_of_today_is_not_a_summit_of_the_past_in_that_city(nlp: Pipeline) -> None:
    # The knowledge base knows a NATO summit in Rome (1991); a meeting there in 2025,
    # dated by its own weekday or spoken of in the present, is another one.
    when = date(2025, 4, 1)
    for text in ("NATO leaders met in Rome on Saturday.", "NATO leaders meet in Rome."):
        dates = _dates(nlp, text, when)
        assert not [a for a in dates if "summit" in a], (text, dates)
    past = _dates(nlp, "In 1991, NATO leaders met in Rome.", when)
    assert past.get("NATO Rome summit (1991)") == "1991"


def test_a_meeting_named_with_its_own_day_is_not_a_past_summit_in_that_city(nlp: Pipeline) -> None:
    # The knowledge base knows a Helsinki summit (2018) and a Madrid one (2022); a meeting
    # there that the text dates itself, in 2026, is another meeting.
    when = date(2026, 7, 17)
    for text in (
        "The president defended his conduct at Monday's meeting in Helsinki.",
        "The Helsinki meeting on Monday lasted four hours.",
        "The June summit in Madrid ended without a deal.",
    ):
        dates = _dates(nlp, text, when)
        assert not [a for a in dates if "summit (" in a], (text, dates)


def test_this_weekday_already_gone_is_the_coming_one_when_the_verb_looks_ahead(
    nlp: Pipeline,
) -> None:
    # Written on a Sunday: "will close this Friday" is the Friday to come; "closed this
    # Friday" stays this week's.
    sunday = date(2026, 12, 6)
    assert _dates(nlp, "The Harlow plant will close this Friday.", sunday)["close"] == (
        "2026-12-11"
    )
    assert _dates(nlp, "The Harlow plant closed this Friday.", sunday)["close"] == "2026-12-04"


def test_a_past_meeting_in_a_city_without_its_year_or_members_is_not_a_summit_there(
    nlp: Pipeline,
) -> None:
    # The knowledge base knows a NATO summit in Rome (1991). Two delegations meeting there,
    # told in a 2025 report with no year, are not it; NATO's leaders, its members, may be.
    when = date(2025, 4, 1)
    talks = _dates(nlp, "Delegations from the two countries met in Rome for talks.", when)
    assert not [a for a in talks if "summit" in a], talks
    leaders = _dates(nlp, "NATO leaders met in Rome to agree a new strategy.", when)
    assert "NATO Rome summit (1991)" in leaders, leaders


def test_a_weekday_before_publication_dates_no_verb_a_modal_puts_ahead(nlp: Pipeline) -> None:
    # Invented, written on a Wednesday: the dispute that "could shut down" the ports by Friday
    # is still to come, so last Friday is not its day; the talks said on Tuesday keep theirs.
    dates = _dates(
        nlp,
        "Union leaders said Tuesday that they would not accept the offer, deepening a "
        "dispute that could shut down the ports by Friday.",
        date(2026, 3, 11),
    )
    assert dates["say"] == "2026-03-10"
    assert dates.get("shut down") != "2026-03-06", dates
