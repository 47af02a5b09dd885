"""Datelines: where a wire report was filed is no actor, no subject and no part of a quote."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.actors.datelines import after_dateline
from parallax.datelines import (
    dateline_date,
    dateline_length,
    dateline_places,
    without_dateline,
    written_on,
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("OSLO — The strike ended on Monday.", "The"),
        ("BERGEN, Norway (AP) — The strike ended.", "The"),
        ("Tromso (Reuters) - The strike ended.", "The"),
        ("First line.\n\nNARVIK — The strike ended.", "The"),
    ],
)
def test_a_place_and_dash_opening_a_paragraph_is_a_dateline(
    nlp: Any, text: str, opening: str
) -> None:
    doc = nlp(text)
    place = next(t for t in doc if t.text in {"OSLO", "BERGEN", "Tromso", "NARVIK"})
    assert doc[after_dateline(doc, place.i)].text == opening


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Monday it would meet.",
        "The Senate, led by Democrats — barely — passed it.",
        "First line. OSLO — a city — was calm.",
        "Oslo — a calm city — woke up.",
    ],
)
def test_no_dateline_where_the_form_is_not_one(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert all(after_dateline(doc, t.i) == t.i for t in doc)


def test_a_dateline_names_no_actor_and_no_doer(pipeline: Any) -> None:
    from parallax.model import Article

    text = "HELSINKI — Finland and Estonia signed a ferry agreement on Monday, officials said."
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    names = {a["name"] for a in analysis.layers["actors"]}
    assert names == {"Finland", "Estonia"}, names
    signed = next(e for e in analysis.layers["events"] if e["action"] == "sign")
    assert signed["agent_text"] == "Finland and Estonia"
    (quote,) = analysis.layers["quotes"]
    assert quote["text"].startswith("Finland and Estonia signed")
    # A dateline of a city and its country: the doer hangs on the country.
    text = (
        "STRASBOURG, France \u2014 The European Parliament voted on Wednesday to cut "
        "greenhouse gas emissions by 90 percent by 2040."
    )
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    voted = next(e for e in analysis.layers["events"] if e["action"] == "vote")
    assert voted["agent_text"] == "The European Parliament", voted


@pytest.mark.parametrize("dash", ["\u2014", "-"])
def test_a_dateline_city_lends_no_country_to_the_troops_after_it(pipeline: Any, dash: str) -> None:
    from parallax.model import Article

    # The parser makes the filing city a modifier of "troops": they are Russia's, not Ukraine's.
    text = f"KYIV {dash} Russian troops shelled a village near the border overnight."
    analysis = pipeline(Article(text=text, source="invented", language="en"))
    mentions = {m["text"]: a["name"] for a in analysis.layers["actors"] for m in a["mentions"]}
    assert mentions == {"Russian troops": "Russia"}, mentions


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("OSLO — The strike ended.", "The strike ended."),
        ("ST. JOHN'S, Newfoundland (CP) -- Fishing resumed.", "Fishing resumed."),
        ("Tromso (Reuters) - The strike ended.", "The strike ended."),
        ("WINSTON-SALEM, N.C. \u2013 Voters queued.", "Voters queued."),
        ("  BODO \u2014 Snow fell.", "Snow fell."),
        ("TROMSO, Oct 3 (NTB) - Snow fell.", "Snow fell."),
        ("BERGEN, Norway, 14 January (NTB) \u2014 Snow fell.", "Snow fell."),
        ("HAMAR, Sept. 9 \u2014 Snow fell.", "Snow fell."),
    ],
)
def test_the_text_reading_cuts_the_place_the_story_was_filed_from(text: str, rest: str) -> None:
    assert without_dateline(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Oslo \u2014 a calm city \u2014 woke up.",
        "The strike ended - for now.",
        "WINSTON-SALEM voters queued.",
        "NATO said on Monday it would meet.",
        "Oct 3 - a quiet day for the fleet.",
    ],
)
def test_the_text_reading_leaves_other_openings_whole(text: str) -> None:
    assert dateline_length(text) == 0


def test_tokens_and_text_agree_on_where_a_dateline_ends(nlp: Any) -> None:
    text = "HAMAR, Norway (NTB) \u2014 The council met.\n\nLater the council voted."
    doc = nlp(text)
    end = after_dateline(doc, 0)
    assert doc[end].idx == dateline_length(text)


@pytest.mark.parametrize(
    ("text", "published", "stamped"),
    [
        ("KYIV, March 5 (Reuters) - The strike ended.", date(2024, 3, 7), date(2024, 3, 5)),
        ("LONDON, 3 March (AFP) - The strike ended.", date(2024, 3, 3), date(2024, 3, 3)),
        # the year that puts the day nearest publication
        ("WASHINGTON, Dec 30 (Reuters) - It passed.", date(2024, 1, 2), date(2023, 12, 30)),
        # a date and an agency with no place, and a dateline with its year
        ("Sept 24 (Reuters) - Stocks fell on Monday.", date(2024, 9, 26), date(2024, 9, 24)),
        ("NEW YORK, March 3, 2024 (Reuters) - Stocks fell.", None, date(2024, 3, 3)),
        # with the weekday before the date, and a region before that
        ("VARNA, Bulgaria, Friday, May 9, 2025 (Wire) - It sank.", None, date(2025, 5, 9)),
        ("OSLO, Tue., 3 June (AFP) - It sank.", date(2025, 6, 3), date(2025, 6, 3)),
    ],
)
def test_a_dateline_stamps_the_day_the_text_speaks_from(
    text: str, published: date | None, stamped: date
) -> None:
    assert dateline_date(text, published) == stamped
    assert written_on(text, published) == stamped


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("OSLO — The strike ended on Monday.", date(2024, 3, 7)),
        ("KYIV, March 5 (Reuters) - The strike ended.", None),
        # too far from publication to say which of the two is wrong
        ("KYIV, June 5 (Reuters) - The strike ended.", date(2024, 3, 7)),
        ("KYIV, Feb 30 (Reuters) - The strike ended.", date(2024, 3, 7)),
        # a date set off by a dash without an agency opens a sentence, not a dateline
        ("May 3 - the day the strike ended - was calm.", date(2024, 5, 7)),
    ],
)
def test_no_dateline_day_without_a_dated_dateline_near_publication(
    text: str, published: date | None
) -> None:
    assert dateline_date(text, published) is None
    assert written_on(text, published) == published


def test_a_date_and_agency_without_a_place_is_a_dateline() -> None:
    text = "Sept 24 (Reuters) - Stocks fell on Monday."
    assert without_dateline(text) == "Stocks fell on Monday."


def test_relative_days_count_from_the_dateline_not_from_publication() -> None:
    from parallax.components.parse import SpacyParse
    from parallax.components.sentences import Sentences
    from parallax.components.times import Times
    from parallax.model import Article
    from parallax.pipeline import Pipeline

    # Stamped Wednesday Feb 28, collected Thursday March 7: the rate rise was on Thursday
    # Feb 22 and "yesterday" is Feb 27, not the day of publication and the day before it.
    text = (
        "LONDON, Feb 28 (Reuters) - The central bank raised interest rates on Thursday. "
        "The pound fell sharply yesterday, traders said."
    )
    nlp = Pipeline([SpacyParse(), Sentences(), Times()])
    analysis = nlp(Article(text=text, source="<test>", language="en", date=date(2024, 3, 7)))
    values = {t["text"]: t["value"] for t in analysis.layers["times"]}
    assert values["Thursday"] == "2024-02-22"
    assert values["yesterday"] == "2024-02-27"


def test_a_dateline_names_the_place_and_region_it_was_filed_from() -> None:
    assert dateline_places("PELLA (AP) \u2014 Norvania pledged aid.") == ["PELLA"]
    assert dateline_places("MILLBROOK, Vermont (AP) - The mill closed.") == ["MILLBROOK", "Vermont"]
    assert dateline_places("Pella \u2014 a calm city \u2014 woke up.") == []
    assert dateline_places("Norvania pledged aid.") == []
