"""Time expressions: recognition, TIMEX3 values and ranges, the `times` component."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.temporal import TimeExpression, find_times, normalise, timeml_value, value_range

ANCHOR = date(2022, 2, 28)  # a Monday


def only(text: str, anchor: date | None = ANCHOR) -> TimeExpression:
    found = find_times(text, anchor)
    assert len(found) == 1, f"{text!r}: expected one expression, found {found}"
    return found[0]


# (sentence, expression text, type, value, range or None)
CASES: list[tuple[str, str, str, str, tuple[str, str] | None]] = [
    # full dates in the usual formats
    (
        "The talks began on February 7, 2022.",
        "February 7, 2022",
        "DATE",
        "2022-02-07",
        ("2022-02-07", "2022-02-07"),
    ),
    (
        "Signed on 7 February 2022 in Kyiv.",
        "7 February 2022",
        "DATE",
        "2022-02-07",
        ("2022-02-07", "2022-02-07"),
    ),
    (
        "Filed 2022-02-07 by the clerk.",
        "2022-02-07",
        "DATE",
        "2022-02-07",
        ("2022-02-07", "2022-02-07"),
    ),
    ("The vote is set for Feb. 7.", "Feb. 7", "DATE", "2022-02-07", ("2022-02-07", "2022-02-07")),
    (
        "It opened on the 4th of April 1949.",
        "4th of April 1949",
        "DATE",
        "1949-04-04",
        ("1949-04-04", "1949-04-04"),
    ),
    (
        "It happened Monday, Oct. 26, 1998.",
        "Monday, Oct. 26, 1998",
        "DATE",
        "1998-10-26",
        ("1998-10-26", "1998-10-26"),
    ),
    (
        "The form is dated 3/14/2021.",
        "3/14/2021",
        "DATE",
        "2021-03-14",
        ("2021-03-14", "2021-03-14"),
    ),
    # months
    ("Leaders will meet in June.", "June", "DATE", "2022-06", ("2022-06-01", "2022-06-30")),
    ("Prices rose in June 2021.", "June 2021", "DATE", "2021-06", ("2021-06-01", "2021-06-30")),
    (
        "Talks stalled last November.",
        "last November",
        "DATE",
        "2021-11",
        ("2021-11-01", "2021-11-30"),
    ),
    (
        "By late March 2020 it had spread.",
        "late March 2020",
        "DATE",
        "2020-03",
        ("2020-03-21", "2020-03-31"),
    ),
    # years
    ("The alliance was founded in 1949.", "1949", "DATE", "1949", ("1949-01-01", "1949-12-31")),
    ("All troops are to leave by 2004.", "2004", "DATE", "2004", ("2004-01-01", "2004-12-31")),
    ("Output fell in fiscal 1989.", "fiscal 1989", "DATE", "1989", ("1989-01-01", "1989-12-31")),
    # ranges
    (
        "Between 1999 and 2004, it grew.",
        "Between 1999 and 2004",
        "DATE",
        "1999/2004",
        ("1999-01-01", "2004-12-31"),
    ),
    (
        "He ruled from 1955 to 1991.",
        "from 1955 to 1991",
        "DATE",
        "1955/1991",
        ("1955-01-01", "1991-12-31"),
    ),
    ("The 1999-2004 enlargement.", "1999-2004", "DATE", "1999/2004", ("1999-01-01", "2004-12-31")),
    ("The 2009–10 season was wet.", "2009–10", "DATE", "2009/2010", ("2009-01-01", "2010-12-31")),
    (
        "Shops close from June to August.",
        "from June to August",
        "DATE",
        "2022-06/2022-08",
        ("2022-06-01", "2022-08-31"),
    ),
    # decades and centuries
    ("Debt soared in the 1990s.", "the 1990s", "DATE", "199X", ("1990-01-01", "1999-12-31")),
    (
        "Back in the early 1990s, few cared.",
        "the early 1990s",
        "DATE",
        "199X",
        ("1990-01-01", "1992-12-31"),
    ),
    ("Music of the '60s is back.", "the '60s", "DATE", "196X", ("1960-01-01", "1969-12-31")),
    (
        "Wars shaped the 20th century.",
        "the 20th century",
        "DATE",
        "19",
        ("1900-01-01", "1999-12-31"),
    ),
    (
        "It was built in the nineteenth century.",
        "the nineteenth century",
        "DATE",
        "18",
        ("1800-01-01", "1899-12-31"),
    ),
    # seasons, quarters, halves
    ("Sales fell last summer.", "last summer", "DATE", "2021-SU", ("2021-06-01", "2021-08-31")),
    (
        "It reopens in the spring of 2023.",
        "the spring of 2023",
        "DATE",
        "2023-SP",
        ("2023-03-01", "2023-05-31"),
    ),
    (
        "Profit rose in the third quarter.",
        "the third quarter",
        "DATE",
        "2021-Q3",
        ("2021-07-01", "2021-09-30"),
    ),
    ("Revenue in Q2 2020 was flat.", "Q2 2020", "DATE", "2020-Q2", ("2020-04-01", "2020-06-30")),
    (
        "Growth slowed in the first half of 2019.",
        "the first half of 2019",
        "DATE",
        "2019-H1",
        ("2019-01-01", "2019-06-30"),
    ),
    # weekdays and relative days, resolved against the anchor (Monday 28 February 2022)
    (
        "The minister said on Friday that it was over.",
        "Friday",
        "DATE",
        "2022-02-25",
        ("2022-02-25", "2022-02-25"),
    ),
    (
        "The council will vote on Thursday.",
        "Thursday",
        "DATE",
        "2022-03-03",
        ("2022-03-03", "2022-03-03"),
    ),
    (
        "The hearing is scheduled for Wednesday.",
        "Wednesday",
        "DATE",
        "2022-03-02",
        ("2022-03-02", "2022-03-02"),
    ),
    (
        "The envoy could travel as early as Thursday.",
        "Thursday",
        "DATE",
        "2022-03-03",
        ("2022-03-03", "2022-03-03"),
    ),
    (
        "The offer lapsed at noon Friday.",
        "noon Friday",
        "TIME",
        "2022-02-25T12:00",
        ("2022-02-25", "2022-02-25"),
    ),
    (
        "Bids close at 5 p.m. on March 9, the agency said.",
        "5 p.m. on March 9",
        "TIME",
        "2022-03-09T17:00",
        ("2022-03-09", "2022-03-09"),
    ),
    (
        "In an editorial on Monday, Oct. 26: the paper argued.",
        "Monday, Oct. 26",
        "DATE",
        "2021-10-26",
        ("2021-10-26", "2021-10-26"),
    ),
    # a month without a year leans to the past unless the clause plans ahead
    (
        "The mayor resigned in September.",
        "September",
        "DATE",
        "2021-09",
        ("2021-09-01", "2021-09-30"),
    ),
    (
        "The plant will reopen in September.",
        "September",
        "DATE",
        "2022-09",
        ("2022-09-01", "2022-09-30"),
    ),
    (
        "Shelling resumed yesterday.",
        "yesterday",
        "DATE",
        "2022-02-27",
        ("2022-02-27", "2022-02-27"),
    ),
    ("Talks resume today.", "today", "DATE", "2022-02-28", ("2022-02-28", "2022-02-28")),
    ("Talks resume tomorrow.", "tomorrow", "DATE", "2022-03-01", ("2022-03-01", "2022-03-01")),
    ("Troops massed last week.", "last week", "DATE", "2022-W08", ("2022-02-21", "2022-02-27")),
    ("Prices will rise next month.", "next month", "DATE", "2022-03", ("2022-03-01", "2022-03-31")),
    ("This year is different.", "This year", "DATE", "2022", ("2022-01-01", "2022-12-31")),
    (
        "Earlier this year, they met.",
        "Earlier this year",
        "DATE",
        "2022",
        ("2022-01-01", "2022-02-28"),  # up to publication: "earlier" is before it
    ),
    (
        "The law passed two years ago.",
        "two years ago",
        "DATE",
        "2020",
        ("2020-01-01", "2020-12-31"),
    ),
    (
        "She left three days ago.",
        "three days ago",
        "DATE",
        "2022-02-25",
        ("2022-02-25", "2022-02-25"),
    ),
    (
        "It was agreed last night.",
        "last night",
        "TIME",
        "2022-02-27TNI",
        ("2022-02-27", "2022-02-27"),
    ),
    (
        "Sirens sounded at 10:30 a.m. on Sunday.",
        "10:30 a.m. on Sunday",
        "TIME",
        "2022-02-27T10:30",
        ("2022-02-27", "2022-02-27"),
    ),
    (
        "The truce began on Christmas Eve.",
        "Christmas Eve",
        "DATE",
        "2021-12-24",
        ("2021-12-24", "2021-12-24"),
    ),
    # durations
    ("Three decades of peace ended.", "Three decades", "DURATION", "P30Y", None),
    ("It lasted for 30 years.", "30 years", "DURATION", "P30Y", None),
    ("A two-year freeze began.", "two-year", "DURATION", "P2Y", None),
    ("Over the past three years prices doubled.", "the past three years", "DURATION", "P3Y", None),
    ("The siege lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", None),
    ("Talks went on for about six hours.", "about six hours", "DURATION", "PT6H", None),
    ("It took several weeks.", "several weeks", "DURATION", "PXW", None),
    # sets
    ("Elections are held every year.", "every year", "SET", "P1Y", None),
    ("The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("Data is published daily.", "daily", "SET", "P1D", None),
    ("They meet twice a year.", "a year", "SET", "P1Y", None),
    # vague
    ("The alliance grew in recent decades.", "recent decades", "DATE", "PAST_REF", None),
    ("Strikes have spread recently.", "recently", "DATE", "PAST_REF", None),
    ("That was common in the past.", "the past", "DATE", "PAST_REF", None),
    ("Tensions have risen for decades.", "decades", "DURATION", "PXDE", None),
    ("Now the border is closed.", "Now", "DATE", "PRESENT_REF", None),
    ("Peace may return in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    # A bound is no time of its own: "more than two years ago" lies before 2020, not in it.
    ("It began more than two years ago.", "more than two years ago", "DATE", "2020", None),
    ("He came less than a week ago.", "less than a week ago", "DATE", "2022-W08", None),
]


@pytest.mark.parametrize(("sentence", "text", "type_", "value", "span"), CASES)
def test_expression(
    sentence: str, text: str, type_: str, value: str, span: tuple[str, str] | None
) -> None:
    found = only(sentence)
    assert found.text == text
    assert sentence[found.start : found.end] == text
    assert (found.type, found.value) == (type_, value)
    got = (found.range[0].isoformat(), found.range[1].isoformat()) if found.range else None
    assert got == span


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO expanded to 14 more countries.",
        "The house sold for $1999 in cash.",
        "It cost 1500 dollars.",
        "About 2000 soldiers crossed.",
        "May I add one point?",
        "Protesters march on the capital.",
        "The Sun reported it first.",
        "He won a second term.",
        "Call 555-1234 for details.",
        "Growth of 2.5% was recorded.",
        "August Strindberg wrote plays.",
        "Room No. 1984 is upstairs.",
    ],
)
def test_quantities_and_names_are_not_times(sentence: str) -> None:
    assert [e.text for e in find_times(sentence, ANCHOR)] == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Turnout fell in the 2022 midterms.", "2022"),
        ("Police broke up the 2014 protests.", "2014"),
    ],
)
def test_a_year_naming_plural_events_is_a_year(sentence: str, year: str) -> None:
    assert [e.value for e in find_times(sentence, ANCHOR)] == [year]


def test_a_count_of_plural_events_is_no_year() -> None:
    assert find_times("Police counted 2000 protests.", ANCHOR) == []


def test_vague_and_relative_flags() -> None:
    assert only("It has changed recently.").vague
    assert only("for decades", None).vague
    assert not only("in 1949").vague
    assert only("yesterday").relative
    assert only("in June").relative  # a bare month takes its year from the anchor
    assert not only("in June 2022").relative
    assert only("in 1949").granularity == "year"
    assert only("the 1990s").granularity == "decade"
    assert only("the 20th century").granularity == "century"


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("yesterday", "-P1D", "day"),
        ("last year", "-P1Y", "year"),
        ("next month", "+P1M", "month"),
        ("this year", "+P0Y", "year"),
        ("in June", "XXXX-06", "month"),
        ("on Friday", "XXXX-WXX-5", "day"),
        ("two years ago", "-P2Y", "year"),
    ],
)
def test_without_anchor_relative_values_stay_relative(
    text: str, value: str, granularity: str
) -> None:
    found = only(text, None)
    assert (found.value, found.granularity, found.relative, found.range) == (
        value,
        granularity,
        True,
        None,
    )


def test_normalise_a_phrase() -> None:
    found = normalise("last week", date(2022, 2, 7))
    assert found is not None and found.value == "2022-W05"
    assert normalise("no time here", ANCHOR) is None


def test_range_parts_keep_their_offsets() -> None:
    text = "Between 1999 and 2004, NATO grew."
    (found,) = find_times(text, ANCHOR)
    assert [text[p.start : p.end] for p in found.parts] == ["1999", "2004"]


def test_value_range_of_every_kind() -> None:
    assert value_range("2022-W08-WE") == (date(2022, 2, 26), date(2022, 2, 27))
    assert value_range("2021-WI") == (date(2021, 12, 1), date(2022, 2, 28))
    assert value_range("2022-02-30") is None
    assert value_range("PAST_REF") is None


def test_record_has_the_layer_schema() -> None:
    record = only("in 1949").to_record("t1", "s1")
    assert record == {
        "id": "t1",
        "text": "1949",
        "start": 3,
        "end": 7,
        "sentence_id": "s1",
        "type": "DATE",
        "value": "1949",
        "range": ["1949-01-01", "1949-12-31"],
        "granularity": "year",
        "vague": False,
        "relative": False,
    }


_TEMPORAL_WORDS = st.sampled_from(
    [
        "in",
        "June",
        "2022",
        "1999",
        "-",
        "and",
        "between",
        "from",
        "to",
        "last",
        "week",
        "the",
        "early",
        "1990s",
        "Friday",
        "yesterday",
        "years",
        "ago",
        "two",
        "every",
        "year",
        ",",
        "Feb.",
        "7",
        "31",
        "recent",
        "decades",
        "for",
        "$",
        "%",
        "10",
        "a.m.",
        "spring",
        "Q3",
        "third",
        "quarter",
        "century",
        "20th",
        "'",
        "s",
        "\n",
        "May",
        "March",
        "now",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_TEMPORAL_WORDS | st.text(max_size=6), max_size=25),
    anchor=st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
)
def test_never_crashes_offsets_slice_and_ranges_are_ordered(
    words: list[str], anchor: date | None
) -> None:
    text = " ".join(words)
    previous_end = 0
    for found in find_times(text, anchor):
        assert text[found.start : found.end] == found.text
        assert found.text == found.text.strip() and found.text
        assert found.start >= previous_end
        previous_end = found.end
        if found.range is not None:
            assert found.range[0] <= found.range[1]
        for part in found.parts:
            assert text[part.start : part.end] == part.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    for found in find_times(text, ANCHOR):
        assert text[found.start : found.end] == found.text
        if found.range is not None:
            assert found.range[0] <= found.range[1]


def _times_of(seed: Path, anchor: date) -> dict[str, TimeExpression]:
    return {e.text: e for e in find_times(seed.read_text(encoding="utf-8"), anchor)}


@pytest.mark.shared
def test_seeds(seeds: Path) -> None:
    alliance = _times_of(next(seeds.glob("002_*.txt")), date(2022, 2, 28))
    between = alliance["Between 1999 and 2004"]
    assert (between.value, between.range) == ("1999/2004", (date(1999, 1, 1), date(2004, 12, 31)))
    assert alliance["1949"].value == "1949"
    assert alliance["1917"].value == "1917"
    assert "14" not in alliance and "14 more countries" not in alliance
    assert alliance["Today"].value == "2022-02-28"
    op_ed = _times_of(next(seeds.glob("000_*.txt")), date(2022, 2, 7))
    assert op_ed["February 7, 2022"].value == "2022-02-07"
    assert op_ed["recent decades"].vague and op_ed["recent decades"].value == "PAST_REF"
    assert op_ed["recently"].value == "PAST_REF"
    assert op_ed["1959"].value == "1959"


def test_times_layer_on_the_samples(pipeline: Any, sample_files: list[Path]) -> None:
    from parallax.ingest import read_inputs
    from parallax.model import Article
    from parallax.settings import Settings

    commentary = next(p for p in sample_files if "commentary" in p.name)
    (article,) = [a for a in read_inputs([commentary], Settings()) if isinstance(a, Article)]
    assert article.date == date(2023, 4, 5)
    analysis = pipeline(article)
    times = analysis.layers["times"]
    by_text = {t["text"]: t for t in times}
    assert by_text["1949"]["range"] == ["1949-01-01", "1949-12-31"]
    assert by_text["Nine years later"]["type"] == "DATE"
    assert by_text["Now"]["value"] == "PRESENT_REF"
    # "the Madrid summit" names no time at all: no expression is invented for it
    madrid = article.text.index("Madrid summit")
    assert not [t for t in times if t["start"] <= madrid < t["end"] + 40]
    ids = {s.id for s in analysis.sentences}
    for record in times:
        assert article.text[record["start"] : record["end"]] == record["text"]
        assert record["sentence_id"] in ids
    assert [t["id"] for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]


def test_bare_month_takes_the_publication_year() -> None:
    """A month without a year ("the summit in June") is read in the publication year."""
    found = only("Leaders met at the summit in June.", date(2023, 4, 5))
    assert (found.value, found.relative, found.granularity) == ("2023-06", True, "month")
    assert only("Leaders met at the summit last June.", date(2023, 4, 5)).value == "2022-06"


def test_a_month_in_the_future_tense_is_not_the_month_just_past() -> None:
    """ "Will be held in November", written in December, is next November; a plan told in
    the past may still be the month just past."""
    written = date(2023, 12, 13)
    assert only("The next round will be held in Oslo in November.", written).value == "2024-11"
    assert only("The mill was expected to reopen in November.", written).value == "2023-11"
    assert only("The talks ended in November.", written).value == "2023-11"


def test_a_month_a_decision_is_expected_by_lies_ahead() -> None:
    # Invented: written in November, "expected by June" is next June, not the one past.
    written = date(2026, 11, 5)
    assert only("A ruling is expected by June, lawyers said.", written).value == "2027-06"
    assert only("The report is due in May.", written).value == "2027-05"
    assert only("A ruling was expected by June.", written).value == "2026-06"


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        # a plan up to a clause back, with no verb of its own between it and the day
        (
            "Simms plans to campaign with former President Barack Obama on Saturday.",
            date(2024, 10, 29),
            "2024-11-02",
        ),
        ("Simms plans to run again, and she toured the flooded towns on Saturday.",
         date(2024, 10, 29), "2024-10-26"),
        # something set, slated or due for a weekday, told in the present or perfect
        ("The vote is set for Tuesday, leaders said.", date(2025, 3, 16), "2025-03-18"),
        ("The hearing has been slated for Thursday.", date(2025, 3, 16), "2025-03-20"),
        # told in the past, the setting may have been for either: the day just past stays
        ("The vote was set for Tuesday but failed.", date(2025, 3, 16), "2025-03-11"),
    ],
)  # fmt: skip
def test_a_weekday_a_plan_points_to_is_the_coming_one(text: str, written: date, value: str) -> None:
    assert only(text, written).value == value


def test_a_day_with_last_or_next_year_takes_that_year() -> None:
    written = date(2024, 6, 29)
    assert only("The old budget was signed on May 3 last year.", written).value == "2023-05-03"
    assert only("It opens on 5 January next year.", written).value == "2025-01-05"
    assert only("The law passed on October 3 of last year.", written).value == "2023-10-03"
    # a comma ends the date: what follows may be another phrase ("last year's winner")
    found = find_times("On May 3, last year's winner spoke.", written)
    assert found[0].value == "2024-05-03"


def test_may_with_a_cue_is_the_month_and_without_one_the_verb() -> None:
    """ "May" is a full month name, not a clipped one, but alone it is mostly the modal verb."""
    assert only("The treaty was signed last May.", date(2023, 4, 5)).value == "2022-05"
    assert only("Talks should end by May, officials said.", date(2023, 4, 5)).value == "2023-05"
    assert not find_times("May the talks succeed.", date(2023, 4, 5))
    for person in ("The letter went to May and Johnson.", "Ministers in May's cabinet quit."):
        assert not find_times(person, date(2018, 4, 5)), person
    assert only("Prices rose from May to July.", date(2023, 8, 5)).value == "2023-05/2023-07"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("After the fall of the old cabinet, prices rose.", "fall"),
        ("Veterans of the Winter Campaign met in March 2001.", "Winter"),
        ("The Prague Spring ended in August 1968.", "Spring"),
        # Invented: "the fall" as a drop, with no preposition of time before it.
        ("Much of the fall came from weak demand, the agency said.", "fall"),
        ("Analysts blamed the fall on higher rates.", "fall"),
    ],
)
def test_a_season_word_in_a_name_or_figure_of_speech_is_not_a_season(
    text: str, phrase: str
) -> None:
    found = find_times(text, date(2016, 9, 20))
    assert not [t for t in found if phrase in t.text]


def test_the_fall_after_a_preposition_of_time_is_autumn() -> None:
    found = find_times("Talks resumed in the fall, officials said.", date(2016, 12, 20))
    assert [(t.text, t.value) for t in found] == [("the fall", "2016-FA")]


def test_a_month_and_day_naming_an_event_keeps_an_unknown_year() -> None:
    found = find_times("Since the Oct. 7 attacks the border has been shut.", date(2016, 9, 20))
    assert [(t.text, t.value, t.range) for t in found] == [("Oct. 7", "XXXX-10-07", None)]


def test_years_later_count_from_the_last_year_the_text_gave() -> None:
    text = "The treaty was signed in 1985. Six years later, the union dissolved."
    later = find_times(text, date(2023, 5, 1))[-1]
    assert later.text == "Six years later" and later.value == "1991"
    alone = find_times("Six years later, the union dissolved.", date(2023, 5, 1))[0]
    assert alone.range is None


def test_following_and_that_count_from_the_narrative_date() -> None:
    found = find_times("The plant closed in 1995. The following year it reopened.", ANCHOR)
    assert [(e.text, e.value) for e in found] == [("1995", "1995"), ("The following year", "1996")]
    found = find_times("The treaty was signed on March 3, 2004. That day, crowds gathered.", ANCHOR)
    assert found[-1].text == "That day" and found[-1].value == "2004-03-03"


def test_a_reference_without_anything_to_refer_to_is_left_out() -> None:
    assert find_times("Traders sold heavily that day.", ANCHOR) == []


def test_results_periods_name_the_reported_quarter_or_the_one_a_year_before() -> None:
    text = (
        "Net income rose in the third quarter. Sales in the latest quarter grew, "
        "and the year-ago quarter included a charge. Profit doubled from a year earlier "
        "in the quarter."
    )
    values = [(e.text, e.value) for e in find_times(text, date(1989, 11, 2))]
    assert values == [
        ("the third quarter", "1989-Q3"),
        ("the latest quarter", "1989-Q3"),
        ("the year-ago quarter", "1988-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the quarter", "1989-Q3"),
    ]


def test_a_year_before_an_ordinal_quarter_is_its_year() -> None:
    assert only("Earnings in the 1988 second quarter fell.").value == "1988-Q2"
    assert only("Unlike the year-earlier third quarter, it lost money.").value == "2020-Q3"
    assert only("It was the best of the '80s.").value == "198X"


def test_a_title_cased_week_is_a_programme_not_a_date() -> None:
    found = find_times("He spoke on the network's This Week programme.", ANCHOR)
    assert found == []


def test_a_capital_after_a_datelines_dash_opens_the_sentence() -> None:
    # Invented wire lede: the body starts after the dash, so "Last month" is a date.
    found = find_times("GENEVA (AP) \u2014 Last month was the warmest July on record.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("Last month", "2022-01"), ("July", "2021-07")]


def test_this_weekend_early_in_the_week_is_the_one_just_past_unless_planned() -> None:
    tuesday = date(2022, 3, 1)
    assert only("The firm this weekend put its plans on hold.", tuesday).value == "2022-W08-WE"
    assert only("Crowds will gather this weekend.", tuesday).value == "2022-W09-WE"


def test_easter_and_its_days_follow_the_computus() -> None:
    assert only("The shops close on Good Friday.").value == "2022-04-15"
    assert only("They met at Easter 2019.").value == "2019-04-21"


def test_the_end_of_the_year_and_the_day_before() -> None:
    assert only("Troops leave by the end of the year.").value == "2022"
    assert only("Troops leave by the end of the year.").mod == "END"
    found = find_times("The vote was on May 3, 2004. The day before, he resigned.", ANCHOR)
    assert [(e.text, e.value) for e in found][-1] == ("The day before", "2004-05-02")


def test_now_inside_a_compound_is_not_a_time() -> None:
    assert find_times("The now-defunct bank sued.", ANCHOR) == []


def test_a_decade_is_written_for_readers_and_compared_in_timeml_notation() -> None:
    """ "The 1990s" reads as 199X; TimeML writes the decade 199 (199X is a year unknown)."""
    decade = only("Debt soared in the 1990s.")
    assert decade.value == "199X"
    assert timeml_value(decade.value) == "199"
    assert timeml_value("199X/200X") == "199/200"
    assert [timeml_value(v) for v in ("1999", "19", "2022-W05", "PXY")] == [
        "1999",
        "19",
        "2022-W05",
        "PXY",
    ]


def test_a_results_report_refers_to_a_quarter_that_has_ended() -> None:
    """An outlook for the running quarter is not the quarter whose results are reported."""
    text = (
        "The company expects a weak fourth quarter. In the latest quarter, profit fell, "
        "and the current quarter began well."
    )
    values = [(e.text, e.value) for e in find_times(text, date(1989, 11, 2))]
    assert values == [
        ("fourth quarter", "1989-Q4"),
        ("the latest quarter", "1989-Q3"),
        ("the current quarter", "1989-Q4"),
    ]


def test_hyphenated_quarters_are_a_share_not_a_span() -> None:
    assert find_times("The country imports about three-quarters of its grain.", ANCHOR) == []
    assert only("Losses mounted over three quarters.").value == "P9M"


def test_a_year_named_by_its_end_is_a_twelve_month_span() -> None:
    found = find_times("Revenue was $76 million for the year ended March 31.", ANCHOR)
    first = found[0]
    assert (first.text, first.type, first.value) == ("the year", "DURATION", "P1Y")


def test_a_report_verb_before_a_weekday_points_back_whatever_follows() -> None:
    """ "He said Sunday." is past even when the next sentence is about a plan ("willing")."""
    text = "Leave at once, he said Sunday. ''I am willing to go,'' he added."
    assert find_times(text, ANCHOR)[0].value == "2022-02-27"
    assert only("Protesters planned a march on Saturday.").value == "2022-03-05"


def test_last_with_a_month_and_day_keeps_the_day() -> None:
    assert only("He was shot last Oct. 23 at home.").value == "2021-10-23"
    assert only("The vote is due next Feb. 10.").value == "2023-02-10"


def test_an_offset_without_an_anchor_compares_as_its_duration() -> None:
    assert timeml_value("+P3D") == "P3D"
    assert timeml_value("-P2Y") == "P2Y"


def test_a_span_before_a_named_event_is_a_duration() -> None:
    """ "Wait 30 days before closing" counts back from no date; "30 days before," does."""
    found = only("The banks must wait at least 30 days before closing the deal.")
    assert (found.type, found.value) == ("DURATION", "P30D")


def test_hours_later_count_from_the_story_not_from_publication() -> None:
    found = only("The fire spread. Just over an hour later, the roof fell.")
    assert found.value == "+PT1H" and found.range is None
    assert timeml_value(found.value) == "PT1H"


def test_years_written_in_words_as_speech_transcripts_give_them() -> None:
    assert only("The plant opened in nineteen eighty-four.").value == "1984"
    assert only("It was built in the winter of nineteen twelve.").value == "1912-WI"
    assert only("Prices fell in March nineteen ninety-one.").value == "1991-03"
    assert only("Targets were set for the year two thousand.").value == "2000"
    assert find_times("He led two thousand troops.", ANCHOR) == []


def test_the_next_couple_of_years_is_two_years() -> None:
    assert only("Over the next couple of years rates will rise.").value == "P2Y"


def test_the_future_of_something_is_its_prospects_not_a_time() -> None:
    assert find_times("Talks shaped the future of the region.", ANCHOR) == []
    assert only("Rates will rise in the future.").value == "FUTURE_REF"


def test_the_current_fiscal_year_is_the_year_of_publication() -> None:
    assert only("Sales in the current fiscal year will rise.").value == "2022"


def test_a_month_keeps_the_year_its_sentence_opens_with() -> None:
    def values(text: str) -> list[str]:
        return [e.value for e in find_times(text, date(2023, 6, 15))]

    opened = "Last year the council passed its budget in June and cut it in December."
    assert values(opened) == ["2022", "2022-06", "2022-12"]
    assert values("In 2019, the mill closed in March. In June it reopened.") == [
        "2019",
        "2019-03",
        "2023-06",
    ]
    # a year inside a clause dates that clause; "last" counts from publication
    assert values("A plan the board set in 2019 ran through June.")[-1] == "2023-06"
    assert values("In 2019 the mill closed; it reopened last June.")[-1] == "2022-06"


def test_the_previous_and_the_following_day_count_from_the_story() -> None:
    def values(text: str) -> list[str]:
        return [e.value for e in find_times(text, date(2018, 7, 16))]

    assert values("On Friday the firm reported losses. Its shares fell the previous day.") == [
        "2018-07-13",
        "2018-07-12",
    ]
    assert values("The pact was signed on July 3, 2017. It took effect the following day.") == [
        "2017-07-03",
        "2017-07-04",
    ]
    assert values("Its shares fell the previous day.") == []  # nothing to count from


def test_a_span_counted_back_from_the_story_takes_its_last_day() -> None:
    def values(text: str) -> list[str]:
        return [e.value for e in find_times(text, date(2019, 5, 9)) if e.type == "DATE"]

    # the day the story last named, not publication, is what "two days earlier" counts from
    told = "The ministers met in Riga on Monday. Two days earlier, the talks had stalled."
    assert values(told) == ["2019-05-06", "2019-05-04"]
    assert values("The bill was signed on Friday. A week earlier the vote failed.") == [
        "2019-05-03",
        "2019-W17",
    ]
    # "a week later" lands a week on from the story's day, as a reader counts it
    assert values("The bill was signed on Friday. A week later it took effect.")[-1] == "2019-W19"
    # a year is too coarse to count days from, and publication is no moment of the story:
    # the day stays the offset it names, with no date
    assert values("The bridge opened in 2004. Two days earlier it had been inspected.") == [
        "2004",
        "-P2D",
    ]


def test_a_day_counted_from_the_story_needs_the_last_date_to_be_a_day() -> None:
    def values(text: str) -> list[str]:
        return [e.value for e in find_times(text, date(2022, 3, 10))]

    # "the previous day" after "a member since 1999" has no day to count from; the day
    # named before that belongs to another part of the story
    text = (
        "The strike, which began on March 1, closed the port. Latvia, a member since 2004, "
        "sent ships. The previous day, a warehouse burned."
    )
    assert values(text) == ["2022-03-01", "2004"]


def test_sentences_scanned_one_by_one_still_count_from_the_story() -> None:
    from parallax.temporal import find_times_in_sentences

    text = "The summit ended on Friday. The previous day, the leaders had dined together."
    first_end = text.index(".") + 1
    found = find_times_in_sentences(
        text, [(0, first_end), (first_end + 1, len(text))], date(2021, 6, 14)
    )
    assert [[e.value for e in sentence] for sentence in found] == [["2021-06-11"], ["2021-06-10"]]
    assert found[1][0].start == text.index("The previous")


def test_a_span_before_a_named_event_is_no_date_counted_from_publication() -> None:
    found = find_times(
        "She was born in 1931, two years before Roosevelt took office.", date(2020, 5, 1)
    )
    assert [(e.text, e.value) for e in found] == [("1931", "1931"), ("two years before", "P2Y")]


def test_a_weekday_takes_the_tense_of_its_own_clause() -> None:
    saturday = date(2018, 7, 14)

    def first(text: str) -> str:
        return find_times(text, saturday)[0].value

    # the verb of a possessive weekday comes after its noun
    assert first("Monday's vote in the chamber will be the last.") == "2018-07-16"
    assert first("Monday's vote in the chamber was the last.") == "2018-07-09"
    # a relative clause keeps its past, whatever the sentence plans
    assert first("The envoy, who arrived on Thursday, will stay until June.") == "2018-07-12"


def test_a_period_shifted_by_the_span_after_it_is_that_spans_period() -> None:
    text = "The mill lost money in the third quarter. In the same period a year earlier, it gained."
    found = find_times(text, date(2009, 10, 16))
    assert [(e.text, e.value) for e in found] == [
        ("the third quarter", "2009-Q3"),
        ("a year earlier", "2008-Q3"),
    ]


def test_years_since_an_event_are_a_span_not_a_date_ahead() -> None:
    # "Three years since the invasion" had been read as three years after publication.
    found = find_times("Kyiv marked three years since the invasion on Monday.", date(2025, 2, 24))
    assert (found[0].text, found[0].value) == ("three years since", "P3Y")
    assert all(not e.value.startswith("2028") for e in found)


def test_the_following_month_counts_from_the_story_not_from_publication() -> None:
    anchor = date(2027, 1, 5)
    found = find_times("He was elected in 2024 and took office the following January.", anchor)
    assert [t.value for t in found] == ["2024", "2025-01"]
    found = find_times("The war began in March 2022. The previous December, troops massed.", anchor)
    assert [t.value for t in found] == ["2022-03", "2021-12"]


def test_the_following_month_without_a_date_before_it_is_left_without_a_year() -> None:
    found = find_times("The following June, he resigned.", date(2027, 1, 5))
    assert [(t.value, t.range) for t in found] == [("XXXX-06", None)]


def test_earlier_and_later_this_period_are_cut_at_publication() -> None:
    anchor = date(2026, 3, 11)
    earlier = normalise("Earlier this year, he resigned.", anchor)
    assert earlier is not None and earlier.value == "2026"
    assert earlier.range == (date(2026, 1, 1), anchor)
    later = normalise("Later this month, talks resume.", anchor)
    assert later is not None and later.range == (anchor, date(2026, 3, 31))
    early = normalise("Early this year, he resigned.", anchor)  # a third of the year, as before
    assert early is not None and early.range == (date(2026, 1, 1), date(2026, 4, 30))


def test_a_season_without_a_year_is_placed_like_its_middle_month() -> None:
    # Written in January, "the autumn" is the one just past, not the coming one.
    found = find_times("The army retook the village in the autumn.", date(2027, 1, 11))
    assert [t.value for t in found] == ["2026-FA"]
    found = find_times("The offensive will begin in the summer.", date(2027, 1, 11))
    assert [t.value for t in found] == ["2027-SU"]


def test_days_counted_from_the_story_move_it_forward_but_not_back() -> None:
    def values(text: str) -> list[tuple[str, str]]:
        return [(e.text, e.value) for e in find_times(text, date(2031, 2, 20))]

    # "the next day" and "three days later" count from the last day the story reached
    text = (
        "The ferry left Tallinn on 4 January 2030. The next day it reached Gdansk. "
        "Three days later, it sailed on."
    )
    assert values(text) == [
        ("4 January 2030", "2030-01-04"),
        ("The next day", "2030-01-05"),
        ("Three days later", "2030-01-08"),
    ]
    # a flashback ("a day earlier") leaves the story's day where it was
    back = (
        "The talks opened on 10 May 2030; a day earlier, the envoys had met. "
        "Two days later, they closed."
    )
    assert [v for _, v in values(back)] == ["2030-05-10", "2030-05-09", "2030-05-12"]
    # with the story's day two sentences back, behind the flashback, nothing is counted
    apart = back.replace("; a day earlier", ". A day earlier")
    assert [v for _, v in values(apart)] == ["2030-05-10", "2030-05-09", "+P2D"]


def test_a_part_of_the_storys_day_takes_that_day() -> None:
    def values(text: str) -> list[tuple[str, str]]:
        return [(e.text, e.value) for e in find_times(text, date(2031, 2, 20))]

    text = "The dam gave way on 9 March 2029. That morning, villagers had been moved uphill."
    assert values(text)[-1] == ("That morning", "2029-03-09TMO")
    later = "Polls closed on 2 May 2029. The next evening, the count was halted."
    assert values(later)[-1] == ("The next evening", "2029-05-03TEV")
    # nothing to place it on: left out, not put on the day of publication
    assert values("That night, the convoy turned back.") == []
    # after "said", "that" opens a clause: "evening classes" are no time
    said = "The dam gave way on 9 March 2029. The mayor said that evening classes would stop."
    assert values(said) == [("9 March 2029", "2029-03-09")]


def test_a_day_counted_from_the_story_stays_within_the_sentence_before() -> None:
    def values(text: str) -> list[str]:
        return [e.value for e in find_times(text, date(2031, 2, 20))]

    # initials are no sentence break; the day named two sentences back belongs to another
    # part of the story
    told = "Talks ended on 8 April 2028. Aides flew to the U.S. Senate. A day earlier, both met."
    assert values(told) == ["2028-04-08", "-P1D"]
    text = (
        "The mill shut on 3 June 2028. Its owners blamed the cost of power. "
        "Workers marched in the rain. The next day, talks resumed."
    )
    assert values(text) == ["2028-06-03"]
    # without any day of the story, "a day earlier" is no date counted from publication,
    # while "yesterday" is relative to the time of writing
    assert values("A day earlier, the envoy had left.") == ["-P1D"]
    assert values("The previous week, the envoy had left.") == ["-P1W"]
    assert values("Last week the envoy left.") == ["2031-W07"]
    assert values("Yesterday the envoy left.") == ["2031-02-19"]


def test_a_quarter_still_ahead_in_a_clause_that_looks_ahead_is_this_years() -> None:
    february = date(2026, 2, 10)
    assert find_times("The plant will open in the third quarter.", february)[0].value == "2026-Q3"
    assert find_times("Cuts will run into the second quarter.", february)[0].value == "2026-Q2"
    agreed = find_times(
        "The group agreed to extend cuts of 2.2 million barrels into the second quarter.", february
    )
    assert agreed[0].value == "2026-Q2"
    # results of a quarter not yet reached, told in the past, are last year's
    assert find_times("Profit rose in the third quarter.", february)[0].value == "2025-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Invented: the time of day belongs to the day the story just named
        ("The ferry sank on 4 June 2030. It went down at about 6 a.m.", "2030-06-04T06:00"),
        ("The vote was held on 4 June 2030. Counting began at 9:30 p.m.", "2030-06-04T21:30"),
        # with no day before it, the day of publication, as before
        ("Polls close at 8 p.m., officials said.", "2031-02-20T20:00"),
    ],
)
def test_a_time_of_day_alone_is_on_the_storys_day(text: str, value: str) -> None:
    assert find_times(text, date(2031, 2, 20))[-1].value == value
