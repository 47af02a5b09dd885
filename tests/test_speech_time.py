"""A direct quotation's times count from the day its speaker spoke, when the text says it."""

from __future__ import annotations

from datetime import date

import pytest

from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.model import Article
from parallax.pipeline import Pipeline
from parallax.temporal._speech_time import quotations

WEDNESDAY = date(2024, 3, 6)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Times()])


def _values(nlp: Pipeline, text: str, when: date = WEDNESDAY) -> dict[str, str]:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=when))
    return {str(t["text"]): str(t["value"]) for t in analysis.layers["times"]}


def test_quotation_spans_pair_their_marks() -> None:
    text = '"One," he said. \u201cTwo,\u201d she said.\n"Three'
    assert [text[a:b] for a, b in quotations(text)] == ["One,", "Two,", "Three"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # said on Sunday March 3: the quoted yesterday is Saturday, not Tuesday
        (
            '"Yesterday we lost three soldiers," the commander said on Sunday.',
            {"Yesterday": "2024-03-02", "Sunday": "2024-03-03"},
        ),
        # an attribution before the quotation, and a quotation over two sentences
        (
            'The commander said on Sunday: "Today the enemy shelled our positions. '
            'Tomorrow we will strike back."',
            {"Sunday": "2024-03-03", "Today": "2024-03-03", "Tomorrow": "2024-03-04"},
        ),
        (
            'In a speech on Feb. 20, the minister said: "This week we signed three deals."',
            {"Feb. 20": "2024-02-20", "This week": "2024-W08"},
        ),
        # the same speaker going on in the next quotation of the paragraph
        (
            '"Yesterday we lost three soldiers," the commander said on Sunday. '
            '"Today we hold the line."',
            {"Yesterday": "2024-03-02", "Sunday": "2024-03-03", "Today": "2024-03-03"},
        ),
    ],
)
def test_a_quotation_counts_from_the_day_its_attribution_names(
    nlp: Pipeline, text: str, expected: dict[str, str]
) -> None:
    assert _values(nlp, text) == expected


def test_a_speaking_dated_only_to_a_period_leaves_the_quoted_day_relative(
    nlp: Pipeline,
) -> None:
    values = _values(nlp, '"Yesterday we lost three soldiers," the commander said last week.')
    assert values["Yesterday"] == "-P1D"


@pytest.mark.parametrize(
    "text",
    [
        '"Yesterday we lost three soldiers," the commander said.',
        '"Yesterday we lost three soldiers," the commander said on Wednesday.',
        # "on Monday" dates the attack, not the speaking
        'After the attack on Monday, the general said: "Yesterday we lost three soldiers."',
    ],
)
def test_an_undated_or_same_day_speaking_counts_from_publication(nlp: Pipeline, text: str) -> None:
    assert _values(nlp, text)["Yesterday"] == "2024-03-05"


def test_a_time_of_another_clause_after_the_attribution_does_not_date_the_speaking(
    nlp: Pipeline,
) -> None:
    text = "\u201cToday is a sad day,\u201d the mayor said, adding that on Monday the city mourned."
    assert _values(nlp, text)["Today"] == "2024-03-06"


@pytest.mark.parametrize(
    ("text", "quoted", "value"),
    [
        ('In a 2019 interview, he said: "Next year we will win."', "Next year", "2020"),
        ('"This year has been hard," she wrote in a letter in December.', "This year", "2023"),
        # a month counted from a speaking known only to its year is not known
        ('"In March we will attack," he said in 2019.', "March", "XXXX-03"),
    ],
)
def test_a_speaking_dated_to_a_year_or_month_places_times_no_finer_than_it(
    nlp: Pipeline, text: str, quoted: str, value: str
) -> None:
    assert _values(nlp, text)[quoted] == value


@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        # "would" looks ahead from the telling: the first Monday after that Sunday
        ("Zelenskiy said on Sunday that talks would begin on Monday.", "Monday", "2024-03-04"),
        (
            "Officials told reporters on Friday that the vote would take place on Tuesday.",
            "Tuesday",
            "2024-03-05",
        ),
        # an undated telling is recent news: a day later this week is the coming one, a day
        # earlier in the week may be either side of publication and is left unplaced
        ("The minister said talks would resume on Thursday.", "Thursday", "2024-03-07"),
        ("The minister said talks would resume on Monday.", "Monday", "XXXX-WXX-1"),
    ],
)
def test_a_weekday_of_reported_speech_counts_from_the_dated_telling(
    nlp: Pipeline, text: str, day: str, value: str
) -> None:
    assert _values(nlp, text)[day] == value


def test_a_quotation_left_open_at_its_paragraphs_end_goes_on_in_the_next(
    nlp: Pipeline,
) -> None:
    text = (
        '"Yesterday we lost three soldiers," the commander said on Sunday. "We hold.\n\n'
        '"Tomorrow we strike back."'
    )
    assert _values(nlp, text)["Tomorrow"] == "2024-03-04"


def test_a_closed_quotation_does_not_carry_its_day_into_the_next_paragraph(
    nlp: Pipeline,
) -> None:
    text = (
        '"Yesterday we lost three soldiers," the commander said on Sunday.\n\n'
        '"Tomorrow we strike back."'
    )
    assert _values(nlp, text)["Tomorrow"] == "2024-03-07"
